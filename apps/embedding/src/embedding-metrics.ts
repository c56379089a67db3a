import type { EmbeddingClassifier } from '@logclass/embedding-tier';
import { readGauge, totalsCounter, type ServiceMetrics } from '@logclass/observability';

/**
 * The template cache on /metrics, read from cacheStats() at scrape time:
 * `logclass_embedding_cache_lookups_total{result=hit|miss}` and
 * `logclass_embedding_cache_entries`. Hit ratio = hits / (hits + misses).
 * A model reload starts a fresh cache whose totals start again at 0, which
 * Prometheus reads as a counter reset, as it does a restart.
 */
export function exportCacheStats(classifier: Pick<EmbeddingClassifier, 'cacheStats'>, metrics: ServiceMetrics): void {
  totalsCounter(metrics, 'logclass_embedding_cache_lookups_total', 'Template cache lookups of the embedding tier, by result (hit/miss).', ['result'], () => {
    const { hits, misses } = classifier.cacheStats();
    return [
      [{ result: 'hit' }, hits],
      [{ result: 'miss' }, misses],
    ];
  });
  readGauge(metrics, 'logclass_embedding_cache_entries', 'Message templates whose decision the embedding tier has cached.', [], () => [[{}, classifier.cacheStats().size]]);
}
