import { loadEmbeddingClassifier, type EmbeddingClassifier } from '@logclass/embedding-tier';
import { startTierService, type RunningTierService } from '@logclass/grpc-server';
import { ServiceMetrics, type Logger } from '@logclass/observability';
import type { EmbeddingConfig } from './config';
import { exportCacheStats } from './embedding-metrics';
import { resolveShippedPath } from './shipped-path';

/** The classifier as configured. Throws a start-up error naming what to change (missing model, mismatched embedder...). */
export function buildEmbeddingClassifier(cfg: EmbeddingConfig): Promise<EmbeddingClassifier> {
  return loadEmbeddingClassifier({
    ...cfg,
    modelDir: resolveShippedPath(cfg.modelDir),
    modelsPath: resolveShippedPath(cfg.modelsPath),
  });
}

/** The embedding tier as deployed (what main.ts runs): the classifier behind the standard tier server. */
export async function startEmbeddingService(
  cfg: EmbeddingConfig,
  log: Logger,
  metrics = new ServiceMetrics('embedding'),
): Promise<RunningTierService & { classifier: EmbeddingClassifier }> {
  const classifier = await buildEmbeddingClassifier(cfg);
  const { artifact } = classifier;
  log.info(
    { model: `${artifact.name}@${artifact.version}`, embedder: classifier.embedder.id, threshold: classifier.threshold, labels: artifact.labels.length },
    'embedding tier ready',
  );
  exportCacheStats(classifier, metrics);
  const running = await startTierService('EMBEDDING', cfg, classifier, log, metrics);
  return {
    ...running,
    classifier,
    async stop() {
      await running.stop();
      await classifier.close();
    },
  };
}
