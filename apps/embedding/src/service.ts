import { buildReloadableEmbeddingClassifier, type ReloadableEmbeddingClassifier } from '@logclass/embedding-tier';
import { startClassifierService, type RunningClassifierService } from '@logclass/grpc-server';
import { ServiceMetrics, type Logger } from '@logclass/observability';
import type { EmbeddingConfig } from './config';
import { exportCacheStats } from './embedding-metrics';
import { DEFAULT_MODEL_RELOAD, reloadOnPromotion, type ModelReloadOptions } from './model-reload';

/** The embedding tier as deployed (what main.ts runs): the classifier behind the standard tier server. */
export async function startEmbeddingService(
  cfg: EmbeddingConfig,
  log: Logger,
  metrics = new ServiceMetrics('embedding'),
  reload: ModelReloadOptions = DEFAULT_MODEL_RELOAD,
): Promise<RunningClassifierService & { classifier: ReloadableEmbeddingClassifier }> {
  // Reloadable: `logclass promote` switches the model folder's `current` version without a restart.
  const classifier = await buildReloadableEmbeddingClassifier(cfg, { maxBatchSize: cfg.maxBatchSize });
  const { artifact } = classifier;
  log.info(
    { model: `${artifact.name}@${artifact.version}`, version: classifier.version, embedder: classifier.embedder.id, threshold: classifier.threshold, labels: artifact.labels.length },
    'embedding tier ready',
  );
  exportCacheStats(classifier, metrics);
  const running = await startClassifierService('EMBEDDING', cfg, classifier, log, metrics);
  const stopReloading = reloadOnPromotion(classifier, log, reload);
  return {
    ...running,
    classifier,
    async stop() {
      stopReloading();
      await running.stop();
      await classifier.close();
    },
  };
}
