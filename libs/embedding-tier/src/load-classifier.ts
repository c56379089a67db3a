import { defaultTaxonomy } from '@logclass/taxonomy';
import { loadArtifact, readArtifactMetadata } from './artifact';
import { createEmbedder, embedderSpecFromId, type EmbedderSpec } from './create-embedder';
import { EmbeddingClassifier } from './embedding-classifier';

/** What a deployment chooses; buildEmbeddingClassifier maps the EMBEDDING_* settings onto this. */
export interface EmbeddingTierOptions {
  /** Folder holding model.json + weights.f32. */
  modelDir: string;
  /** "artifact" = rebuild the embedder the artifact was trained with; otherwise the named one (must match the artifact). */
  embedder: 'artifact' | 'hashing' | 'transformers';
  /** For embedder "transformers": the model folder under modelsPath. */
  transformersModel: string;
  transformersQuantized: boolean;
  transformersBatchSize: number;
  /** Root of local transformer models (env.localModelPath). */
  modelsPath: string;
  allowRemoteModels: boolean;
  /** Overrides the artifact's threshold. */
  threshold?: number;
  cacheSize: number;
  cacheTtlMs: number;
  maxBatchSize?: number;
  /** See EmbeddingClassifierOptions.maxMessageChars. */
  maxMessageChars?: number;
  /** See EmbeddingClassifierOptions.maxTemplatesPerRun. */
  maxTemplatesPerRun?: number;
}

/**
 * The embedding tier ready to serve: reads the artifact's metadata, builds the
 * embedder (the artifact's own unless configured otherwise), loads the weights
 * refusing a mismatched embedder, and wraps both in an EmbeddingClassifier.
 * Every failure is a start-up error that says what to change.
 */
export async function loadEmbeddingClassifier(opts: EmbeddingTierOptions): Promise<EmbeddingClassifier> {
  const metadata = readArtifactMetadata(opts.modelDir);
  const embedder = await createEmbedder(embedderSpec(opts, metadata.embedder.id));
  try {
    const artifact = loadArtifact(opts.modelDir, embedder);
    const descriptions = new Map(defaultTaxonomy.labels.map((l) => [l.name, l.description]));
    return new EmbeddingClassifier(artifact, embedder, {
      threshold: opts.threshold,
      cacheSize: opts.cacheSize,
      cacheTtlMs: opts.cacheTtlMs,
      maxBatchSize: opts.maxBatchSize,
      maxMessageChars: opts.maxMessageChars,
      maxTemplatesPerRun: opts.maxTemplatesPerRun,
      labelDescriptions: descriptions,
    });
  } catch (err) {
    await embedder.close?.();
    throw err;
  }
}

function embedderSpec(opts: EmbeddingTierOptions, artifactEmbedderId: string): EmbedderSpec {
  const local = { modelsPath: opts.modelsPath, allowRemoteModels: opts.allowRemoteModels, batchSize: opts.transformersBatchSize };
  switch (opts.embedder) {
    case 'hashing':
      return { kind: 'hashing' };
    case 'transformers':
      return { kind: 'transformers', model: opts.transformersModel, quantized: opts.transformersQuantized, ...local };
    case 'artifact': {
      const spec = embedderSpecFromId(artifactEmbedderId, local);
      if (!spec) throw new Error(`model artifact in ${opts.modelDir} names embedder "${artifactEmbedderId}", which this build cannot construct`);
      return spec;
    }
  }
}
