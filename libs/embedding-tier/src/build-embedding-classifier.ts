import type { EmbeddingClassifier } from './embedding-classifier';
import type { EmbeddingTierSettings } from './embedding-settings';
import { loadEmbeddingClassifier, type EmbeddingTierOptions } from './load-classifier';
import { loadReloadableEmbeddingClassifier } from './load-reloadable';
import { currentVersion } from './model-versions';
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
 * The embedding tier as configured, serving the current version of the model
 * folder it names (the folder itself until `logclass promote` names another;
 * a relative path is found as resolveShippedPath says). Throws a start-up
 * error naming what to change (missing model, mismatched embedder...).
 */
export function buildEmbeddingClassifier(settings: EmbeddingTierSettings, opts: EmbeddingBuildOptions = {}): Promise<EmbeddingClassifier> {
  const options = tierOptions(settings, opts);
  return loadEmbeddingClassifier({ ...options, modelDir: currentVersion(options.modelDir).dir });
}

/**
 * As buildEmbeddingClassifier, switching to another version when
 * `logclass promote` moves the folder's `current` pointer (what the embedding
 * service runs).
 */
export function buildReloadableEmbeddingClassifier(settings: EmbeddingTierSettings, opts: EmbeddingBuildOptions = {}): Promise<ReloadableEmbeddingClassifier> {
  return loadReloadableEmbeddingClassifier(tierOptions(settings, opts));
}
