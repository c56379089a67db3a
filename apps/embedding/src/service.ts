import { loadEmbeddingClassifier, type EmbeddingClassifier } from '@logclass/embedding-tier';
import { startTierService, type RunningTierService } from '@logclass/grpc-server';
import type { Logger, ServiceMetrics } from '@logclass/observability';
import { Counter } from 'prom-client';
import type { EmbeddingConfig } from './config';
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
  metrics?: ServiceMetrics,
): Promise<RunningTierService & { classifier: EmbeddingClassifier }> {
  const classifier = await buildEmbeddingClassifier(cfg);
  const { artifact } = classifier;
  log.info(
    { model: `${artifact.name}@${artifact.version}`, embedder: classifier.embedder.id, threshold: classifier.threshold, labels: artifact.labels.length },
    'embedding tier ready',
  );
  if (metrics) countCacheLookups(classifier, metrics);
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

/** Exposes the template cache's hits and misses on /metrics, read at scrape time. */
function countCacheLookups(classifier: EmbeddingClassifier, metrics: ServiceMetrics): void {
  const lookups: Counter<'result'> = new Counter({
    name: 'logclass_embedding_cache_lookups_total',
    help: 'Template cache lookups of the embedding tier, by result (hit/miss).',
    labelNames: ['result'],
    registers: [metrics.registry],
    collect() {
      const { hits, misses } = classifier.cacheStats();
      lookups.reset();
      lookups.inc({ result: 'hit' }, hits);
      lookups.inc({ result: 'miss' }, misses);
    },
  });
}
