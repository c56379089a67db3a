import { setting, type Setting } from '@logclass/service-config';

/** How one tier's circuit breaker (and the deadline of each call to it) behaves. */
export interface BreakerSettings {
  /** Deadline of one batch call to the tier; a later answer counts as a failure. */
  timeoutMs: number;
  /** Failure percentage over the rolling window above which the breaker opens. */
  errorThresholdPercentage: number;
  /** Calls needed in the rolling window before the breaker may open at all. */
  volumeThreshold: number;
  /** How long an open breaker waits before letting one probe call through (half-open). */
  resetTimeoutMs: number;
  /** Length of the rolling statistics window (opossum default 10 s). */
  rollingCountTimeoutMs?: number;
}

/**
 * Suggested defaults per tier: each deadline is a generous multiple of what
 * a batch costs on that tier when its message shapes are mostly known (regex
 * µs/row; embedding ~2 ms per novel shape on 2 cores, each shape embedded
 * once; the LLM tier asks ~10 messages per Groq call, 4 calls at once, each
 * up to LLM_TIMEOUT_MS=20 s, and abstains per row rather than failing the
 * batch, so its deadline is the longest). A batch full of novel shapes can
 * need more (2048 novel rows through a MiniLM-class model take ~14 s here, a
 * full call of 4096 twice that):
 * raise GATEWAY_<TIER>_TIMEOUT_MS or lower GATEWAY_TIER_BATCH_SIZE then.
 */
export const DEFAULT_BREAKER_SETTINGS = {
  regex: { timeoutMs: 2_000, errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 5_000 },
  embedding: { timeoutMs: 10_000, errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 10_000 },
  llm: { timeoutMs: 30_000, errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 30_000 },
} as const satisfies Record<string, BreakerSettings>;

/** "GATEWAY_EMBEDDING" | "embedding" -> "embedding": the stem of the config keys. */
type KeyStem<P extends string> = Lowercase<P extends `GATEWAY_${infer Tier}` ? Tier : P>;

export type BreakerSettingsSchema<P extends string> = {
  [K in 'TimeoutMs' | 'ErrorPercent' | 'VolumeThreshold' | 'ResetMs' as `${KeyStem<P>}${K}`]: Setting<number>;
};

/** "GATEWAY_EMBEDDING" or "embedding" -> "EMBEDDING" (the tier part of the variable names). */
function tierPart(prefix: string): string {
  return prefix.toUpperCase().replace(/^GATEWAY_/, '');
}

function keyStem(prefix: string): string {
  return tierPart(prefix).toLowerCase();
}

/**
 * The gateway's settings for one tier's breaker: GATEWAY_<TIER>_TIMEOUT_MS,
 * _ERROR_PERCENT, _VOLUME_THRESHOLD, _RESET_MS. `prefix` is the tier name
 * ("embedding") or the full prefix ("GATEWAY_EMBEDDING"). Keys are prefixed
 * with the lower-cased tier ("embeddingTimeoutMs"...) so several tiers spread into one
 * schema; read them back with `breakerSettingsFrom(config, tier)`.
 */
export function breakerSettings<const P extends string>(prefix: P, defaults: BreakerSettings): BreakerSettingsSchema<P> {
  const tier = tierPart(prefix);
  const env = `GATEWAY_${tier}`;
  const key = keyStem(prefix);
  const label = tier.toLowerCase();
  return {
    [`${key}TimeoutMs`]: setting.int(
      `${env}_TIMEOUT_MS`,
      defaults.timeoutMs,
      `Deadline of one batch call to the ${label} tier; slower answers count as failures and the batch moves on to the next tier.`,
      { min: 1, max: 600_000 },
    ),
    [`${key}ErrorPercent`]: setting.number(
      `${env}_ERROR_PERCENT`,
      defaults.errorThresholdPercentage,
      `Failure percentage of ${label} calls (in the rolling window) above which its circuit breaker opens.`,
      { min: 0, max: 100 },
    ),
    [`${key}VolumeThreshold`]: setting.int(
      `${env}_VOLUME_THRESHOLD`,
      defaults.volumeThreshold,
      `Calls to the ${label} tier needed in the rolling window before its breaker may open.`,
      { min: 0, max: 1_000_000 },
    ),
    [`${key}ResetMs`]: setting.int(
      `${env}_RESET_MS`,
      defaults.resetTimeoutMs,
      `How long the ${label} breaker stays open before one probe call is let through (half-open).`,
      { min: 1, max: 3_600_000 },
    ),
  } as BreakerSettingsSchema<P>;
}

/** Reads one tier's BreakerSettings back out of a loaded config that spread `breakerSettings(tier, ...)`. */
export function breakerSettingsFrom(config: Readonly<Record<string, unknown>>, prefix: string): BreakerSettings {
  const key = keyStem(prefix);
  const num = (name: string): number => {
    const v = config[`${key}${name}`];
    if (typeof v !== 'number') throw new Error(`config has no ${key}${name}: spread breakerSettings('${prefix}', ...) into the schema`);
    return v;
  };
  return {
    timeoutMs: num('TimeoutMs'),
    errorThresholdPercentage: num('ErrorPercent'),
    volumeThreshold: num('VolumeThreshold'),
    resetTimeoutMs: num('ResetMs'),
  };
}
