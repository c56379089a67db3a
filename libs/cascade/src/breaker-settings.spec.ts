import { ConfigError, defineServiceConfig } from '@logclass/service-config';
import { breakerSettings, breakerSettingsFrom, DEFAULT_BREAKER_SETTINGS } from './breaker-settings';

const config = defineServiceConfig('gateway', {
  ...breakerSettings('regex', DEFAULT_BREAKER_SETTINGS.regex),
  ...breakerSettings('GATEWAY_LLM', DEFAULT_BREAKER_SETTINGS.llm),
});

describe('breakerSettings', () => {
  it('declares GATEWAY_<TIER>_* variables per tier, with defaults, read back as BreakerSettings', () => {
    const loaded = config.load({ GATEWAY_LLM_TIMEOUT_MS: '45000', GATEWAY_LLM_ERROR_PERCENT: '25.5' });
    expect(loaded.regexTimeoutMs).toBe(DEFAULT_BREAKER_SETTINGS.regex.timeoutMs);
    expect(breakerSettingsFrom(loaded, 'regex')).toEqual(DEFAULT_BREAKER_SETTINGS.regex);
    expect(breakerSettingsFrom(loaded, 'llm')).toEqual({
      timeoutMs: 45_000,
      errorThresholdPercentage: 25.5,
      volumeThreshold: DEFAULT_BREAKER_SETTINGS.llm.volumeThreshold,
      resetTimeoutMs: DEFAULT_BREAKER_SETTINGS.llm.resetTimeoutMs,
    });
    expect(Object.values(config.settings).map((s) => s.env)).toEqual([
      'GATEWAY_REGEX_TIMEOUT_MS',
      'GATEWAY_REGEX_ERROR_PERCENT',
      'GATEWAY_REGEX_VOLUME_THRESHOLD',
      'GATEWAY_REGEX_RESET_MS',
      'GATEWAY_LLM_TIMEOUT_MS',
      'GATEWAY_LLM_ERROR_PERCENT',
      'GATEWAY_LLM_VOLUME_THRESHOLD',
      'GATEWAY_LLM_RESET_MS',
    ]);
  });

  it('names bad values', () => {
    expect(() => config.load({ GATEWAY_REGEX_ERROR_PERCENT: '150', GATEWAY_LLM_RESET_MS: 'soon' })).toThrow(ConfigError);
    expect(() => config.load({ GATEWAY_REGEX_TIMEOUT_MS: '0' })).toThrow(/GATEWAY_REGEX_TIMEOUT_MS="0"/);
  });

  it('says what is missing when read from a config without them', () => {
    expect(() => breakerSettingsFrom({}, 'embedding')).toThrow("spread breakerSettings('embedding', ...)");
  });
});
