import { resolve } from 'node:path';
import { createEmbedder, DEFAULT_TRANSFORMERS_MODEL, type Embedder } from '@logclass/embedding-tier';

/** Builds the embedder a `--embedder` option names; transformers models are read from `modelsPath` only (no download). */
export async function embedderFromOption(kind: string, modelsPath: string, transformersModel = DEFAULT_TRANSFORMERS_MODEL, hashingDimension?: number): Promise<Embedder> {
  if (kind === 'hashing') return createEmbedder(hashingDimension === undefined ? { kind: 'hashing' } : { kind: 'hashing', dimension: hashingDimension });
  if (kind === 'transformers') return createEmbedder({ kind: 'transformers', model: transformersModel, modelsPath: resolve(modelsPath) });
  throw new Error(`--embedder must be "hashing" or "transformers", got "${kind}"`);
}

/** `--hashing-dimension`: a power of two between 256 and 262144 (the model's weights grow with it). */
export function parseHashingDimension(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 256 || n > 262_144 || (n & (n - 1)) !== 0) throw new Error(`--hashing-dimension must be a power of two from 256 to 262144, got "${value}"`);
  return n;
}
