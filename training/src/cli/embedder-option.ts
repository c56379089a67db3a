import { resolve } from 'node:path';
import { createEmbedder, DEFAULT_TRANSFORMERS_MODEL, type Embedder } from '@logclass/embedding-tier';

/** Builds the embedder a `--embedder` option names; transformers models are read from `modelsPath` only (no download). */
export async function embedderFromOption(kind: string, modelsPath: string, transformersModel = DEFAULT_TRANSFORMERS_MODEL): Promise<Embedder> {
  if (kind === 'hashing') return createEmbedder({ kind: 'hashing' });
  if (kind === 'transformers') return createEmbedder({ kind: 'transformers', model: transformersModel, modelsPath: resolve(modelsPath) });
  throw new Error(`--embedder must be "hashing" or "transformers", got "${kind}"`);
}
