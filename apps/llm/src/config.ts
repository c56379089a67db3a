import { llmTierSettings } from '@logclass/llm-tier';
import { defineServiceConfig, serverSettings } from '@logclass/service-config';

/** Everything the LLM tier reads from its environment (README table: renderConfigTable(config)). */
export const config = defineServiceConfig('llm', {
  ...serverSettings('LLM', 50053),
  ...llmTierSettings(),
});

export type LlmConfig = ReturnType<typeof config.load>;
