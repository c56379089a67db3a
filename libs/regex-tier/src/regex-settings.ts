import { defineServiceConfig, setting, type ConfigOf } from '@logclass/service-config';
import { DEFAULT_MAX_MESSAGE_CHARS } from './regex-classifier';

/**
 * The regex tier's own settings (REGEX_*), without the server's: the regex
 * service spreads them next to serverSettings('REGEX', ...), and whoever runs
 * the tier in process (the CLI, training, the benchmarks) reads the same
 * variables with the same defaults through regexTierConfig.
 */
export function regexTierSettings() {
  return {
    rulesFile: setting.optionalString(
      'REGEX_RULES_FILE',
      'YAML rules file (format documented at the top of the shipped rules/default-rules.yaml); unset = the shipped rules. A bad rule stops start-up naming the rule.',
    ),
    taxonomyFile: setting.optionalString('REGEX_TAXONOMY_FILE', 'JSON array of {name, description} the rule labels must belong to; unset = the default nine-label taxonomy.'),
    maxMessageChars: setting.int(
      'REGEX_MAX_MESSAGE_CHARS',
      DEFAULT_MAX_MESSAGE_CHARS,
      'Only this many leading characters of a message are matched, bounding regex time on hostile or huge lines.',
      { min: 16, max: 10_000_000 },
    ),
  };
}

export type RegexTierSettings = ConfigOf<ReturnType<typeof regexTierSettings>>;

/** The tier's settings alone, for running it in process: `regexTierConfig.load(env)`. */
export const regexTierConfig = defineServiceConfig('regex', regexTierSettings());
