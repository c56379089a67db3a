import type { ReloadableEmbeddingClassifier, ReloadOutcome } from '@logclass/embedding-tier';
import type { Logger } from '@logclass/observability';

export interface ModelReloadOptions {
  /** How often the `current` pointer of the model folder is polled, in ms. */
  pollMs: number;
}

export const DEFAULT_MODEL_RELOAD: ModelReloadOptions = { pollMs: 2000 };

/**
 * Serves a promoted model without a restart: `logclass promote` replaces the
 * model folder's `current` pointer, which is polled here; SIGHUP reloads at
 * once. A refused model is logged and the old one keeps serving.
 * Returns the function that stops listening.
 */
export function reloadOnPromotion(classifier: ReloadableEmbeddingClassifier, log: Logger, opts: ModelReloadOptions): () => void {
  const report = (outcome: ReloadOutcome): void => {
    if (outcome.status === 'reloaded') log.info({ version: outcome.version, model: outcome.model }, 'embedding model reloaded');
    else if (outcome.status === 'refused') log.error({ version: outcome.version, reason: outcome.reason, serving: classifier.version }, 'embedding model refused; the old model keeps serving');
  };
  classifier.watch(opts.pollMs, report);
  const onHangup = (): void => void classifier.reload().then(report);
  process.on('SIGHUP', onHangup);
  return () => process.off('SIGHUP', onHangup);
}
