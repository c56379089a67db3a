import { regexTierSettings } from '@logclass/regex-tier';
import { defineServiceConfig, serverSettings } from '@logclass/service-config';

/** Everything the regex tier reads from its environment (README table: renderConfigTable(config)). */
export const config = defineServiceConfig('regex', {
  ...serverSettings('REGEX', 50051),
  ...regexTierSettings(),
});

export type RegexConfig = ReturnType<typeof config.load>;
