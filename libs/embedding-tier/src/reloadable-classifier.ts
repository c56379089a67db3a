import { unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import type { Classification, ClassifyOptions, DescribeResponse, LogRecord } from '@logclass/contract';
import type { Classifier } from '@logclass/classifier';
import { loadArtifact, type ModelArtifact } from './artifact';
import { EmbeddingClassifier, EMBEDDING_TIER, type EmbeddingClassifierOptions } from './embedding-classifier';
import { CURRENT_POINTER_FILE, currentVersion } from './model-versions';

/** A probe line classified by a freshly loaded model before it is put in service. */
const PROBE: LogRecord = { source: 'logclass', logMessage: 'model reload probe: user 42 logged in' };

export type ReloadOutcome =
  | { status: 'reloaded'; version: string; model: string }
  | { status: 'unchanged'; version: string }
  | { status: 'refused'; version: string; reason: string };

export interface ReloadableOptions {
  /** Model root (see model-versions.ts): its `current` pointer names the version to serve. */
  root: string;
  /** Options every loaded model gets (threshold override, cache...). */
  classifierOptions: EmbeddingClassifierOptions;
}

/**
 * The embedding tier with a replaceable model. The embedder is built once
 * (it may be a large transformer) and shared; a reload loads the version the
 * pointer names against that embedder, classifies a probe line with it, and
 * only then swaps it in. A batch holds the model it started with, so batches
 * in flight finish on the old one; a model that fails any check is refused
 * and the old one keeps serving. The new model starts with an empty cache:
 * decisions of the old model must not outlive it.
 */
export class ReloadableEmbeddingClassifier implements Classifier {
  readonly tier = EMBEDDING_TIER;
  private active: EmbeddingClassifier;
  private activeVersion: string;
  private reloading: Promise<ReloadOutcome> = Promise.resolve({ status: 'unchanged', version: '' });
  private watching = false;
  /** Lookups counted by models since replaced: the totals a metric reads must only grow across reloads. */
  private retired = { hits: 0, misses: 0 };

  constructor(
    initial: EmbeddingClassifier,
    initialVersion: string,
    private readonly options: ReloadableOptions,
  ) {
    this.active = initial;
    this.activeVersion = initialVersion;
  }

  /** The model serving now (for metrics and logs). */
  get current(): EmbeddingClassifier {
    return this.active;
  }
  get version(): string {
    return this.activeVersion;
  }
  get artifact(): ModelArtifact {
    return this.active.artifact;
  }
  get embedder(): EmbeddingClassifier['embedder'] {
    return this.active.embedder;
  }
  get threshold(): number {
    return this.active.threshold;
  }
  cacheStats(): { hits: number; misses: number; size: number } {
    const now = this.active.cacheStats();
    return { hits: this.retired.hits + now.hits, misses: this.retired.misses + now.misses, size: now.size };
  }

  classify(records: readonly LogRecord[], options?: ClassifyOptions): Promise<Classification[]> {
    return this.active.classify(records, options);
  }

  describe(): DescribeResponse {
    return this.active.describe();
  }

  /** Loads the version `current` points at, if it is not the one serving. Reloads never overlap. */
  reload(): Promise<ReloadOutcome> {
    this.reloading = this.reloading.then(() => this.reloadNow());
    return this.reloading;
  }

  /** Polls the pointer file (fs.watchFile: works on every file system, including mounted volumes). */
  watch(intervalMs: number, onReload: (outcome: ReloadOutcome) => void): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(this.pointerPath(), { interval: intervalMs, persistent: false }, () => {
      void this.reload().then(onReload);
    });
  }

  async close(): Promise<void> {
    if (this.watching) unwatchFile(this.pointerPath());
    this.watching = false;
    await this.reloading.catch(() => undefined);
    await this.active.close();
  }

  private pointerPath(): string {
    return join(this.options.root, CURRENT_POINTER_FILE);
  }

  private async reloadNow(): Promise<ReloadOutcome> {
    let target;
    try {
      target = currentVersion(this.options.root);
    } catch (err) {
      return { status: 'refused', version: '?', reason: (err as Error).message };
    }
    if (target.id === this.activeVersion) return { status: 'unchanged', version: target.id };
    try {
      const artifact = loadArtifact(target.dir, this.active.embedder);
      const next = new EmbeddingClassifier(artifact, this.active.embedder, this.options.classifierOptions);
      const [probe] = await next.classify([PROBE]);
      // Corrupt weights (NaN, inf) load fine but give no usable probability.
      if (!probe || !Number.isFinite(probe.confidence)) throw new Error('the model gives no finite probability for a probe line');
      const { hits, misses } = this.active.cacheStats();
      this.retired = { hits: this.retired.hits + hits, misses: this.retired.misses + misses };
      this.active = next;
      this.activeVersion = target.id;
      return { status: 'reloaded', version: target.id, model: next.describe().model };
    } catch (err) {
      return { status: 'refused', version: target.id, reason: (err as Error).message };
    }
  }
}
