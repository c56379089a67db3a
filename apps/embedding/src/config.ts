import { embeddingTierSettings } from '@logclass/embedding-tier';
import { defineServiceConfig, serverSettings } from '@logclass/service-config';

/** Everything the embedding tier reads from its environment (README table: renderConfigTable(config)). */
export const config = defineServiceConfig('embedding', {
  ...serverSettings('EMBEDDING', 50052),
  ...embeddingTierSettings(),
});

export type EmbeddingConfig = ReturnType<typeof config.load>;
