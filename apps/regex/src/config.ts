import { DEFAULT_MAX_MESSAGE_CHARS } from '@logclass/regex-tier';
import { defineServiceConfig, serverSettings, setting } from '@logclass/service-config';

/** Everything the regex tier reads from its environment (README table: renderConfigTable(config)). */
export const config = defineServiceConfig('regex', {
  ...serverSettings('REGEX', 50051),
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
});

export type RegexConfig = ReturnType<typeof config.load>;
