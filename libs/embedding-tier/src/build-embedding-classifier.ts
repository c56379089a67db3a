import type { EmbeddingClassifier } from './embedding-classifier';
import type { EmbeddingTierSettings } from './embedding-settings';
import { loadEmbeddingClassifier, type EmbeddingTierOptions } from './load-classifier';
import { loadReloadableEmbeddingClassifier } from './load-reloadable';
import type { ReloadableEmbeddingClassifier } from './reloadable-classifier';
import { resolveShippedPath } from './shipped-path';

export interface EmbeddingBuildOptions {
  /** Most records per call (the server's EMBEDDING_MAX_BATCH_SIZE); unset = the classifier's default. */
  maxBatchSize?: number;
}

function tierOptions(settings: EmbeddingTierSettings, opts: EmbeddingBuildOptions): EmbeddingTierOptions {
  return { ...settings, modelDir: resolveShippedPath(settings.modelDir), modelsPath: resolveShippedPath(settings.modelsPath), maxBatchSize: opts.maxBatchSize };
}

/**
 * The embedding tier as configured, serving the model folder it names (a
 * relative path found as resolveShippedPath says). Throws a start-up error
 * naming what to change (missing model, mismatched embedder...).
 */
export function buildEmbeddingClassifier(settings: EmbeddingTierSettings, opts: EmbeddingBuildOptions = {}): Promise<EmbeddingClassifier> {
  return loadEmbeddingClassifier(tierOptions(settings, opts));
}

/**
 * As buildEmbeddingClassifier, serving the folder's `current` version and
 * switching when `logclass promote` moves it (what the embedding service runs).
 */
export function buildReloadableEmbeddingClassifier(settings: EmbeddingTierSettings, opts: EmbeddingBuildOptions = {}): Promise<ReloadableEmbeddingClassifier> {
  return loadReloadableEmbeddingClassifier(tierOptions(settings, opts));
}
