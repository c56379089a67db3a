import { loadEmbeddingClassifier, type EmbeddingTierOptions } from './load-classifier';
import { currentVersion } from './model-versions';
import { ReloadableEmbeddingClassifier } from './reloadable-classifier';

/**
 * The embedding tier with reloadable models: `opts.modelDir` is a model root
 * whose `current` pointer (if any) names the version to serve first; later
 * promotions are picked up by reload() (see ReloadableEmbeddingClassifier).
 */
export async function loadReloadableEmbeddingClassifier(opts: EmbeddingTierOptions): Promise<ReloadableEmbeddingClassifier> {
  const version = currentVersion(opts.modelDir);
  const initial = await loadEmbeddingClassifier({ ...opts, modelDir: version.dir });
  const { threshold, cacheSize, cacheTtlMs, maxBatchSize, maxMessageChars, maxTemplatesPerRun } = opts;
  const labelDescriptions = new Map(initial.describe().labels.map((l) => [l.name, l.description]));
  // A promoted version is served with the same options as the first one (the message cap and run size included).
  return new ReloadableEmbeddingClassifier(initial, version.id, {
    root: opts.modelDir,
    classifierOptions: { threshold, cacheSize, cacheTtlMs, maxBatchSize, maxMessageChars, maxTemplatesPerRun, labelDescriptions },
  });
}
