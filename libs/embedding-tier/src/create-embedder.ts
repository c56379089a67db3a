import type { Embedder } from './embedder';
import { HashingEmbedder, type HashingOptions } from './hashing-embedder';
import { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder';

/** Which embedder to build, as configuration says. */
export type EmbedderSpec = ({ kind: 'hashing' } & HashingOptions) | ({ kind: 'transformers' } & TransformersEmbedderOptions);

export async function createEmbedder(spec: EmbedderSpec): Promise<Embedder> {
  switch (spec.kind) {
    case 'hashing': {
      const { kind: _kind, ...options } = spec;
      return new HashingEmbedder(options);
    }
    case 'transformers': {
      const { kind: _kind, ...options } = spec;
      return TransformersEmbedder.load(options);
    }
  }
}

const HASHING_ID = /^hashing-v2:d=(\d+):w=1-2:c=(\d+)-(\d+)x([\d.]+):m1$/;
const TRANSFORMERS_ID = /^transformers:(.+):(q8|fp32):mean-l2:(m1|raw)$/;

/**
 * The spec that rebuilds the embedder an artifact was trained with, from its
 * id. `local` supplies what an id does not say (where models live, batching).
 * Returns undefined for an id this version cannot rebuild.
 */
export function embedderSpecFromId(id: string, local: { modelsPath: string; allowRemoteModels?: boolean; batchSize?: number }): EmbedderSpec | undefined {
  const hashing = HASHING_ID.exec(id);
  if (hashing) {
    const [, dimension, min, max, weight] = hashing;
    return { kind: 'hashing', dimension: Number(dimension), charNgramMin: Number(min), charNgramMax: Number(max), charWeight: Number(weight) };
  }
  const transformers = TRANSFORMERS_ID.exec(id);
  if (transformers) {
    const [, model, precision, mask] = transformers;
    return { kind: 'transformers', model, quantized: precision === 'q8', maskInput: mask === 'm1', ...local };
  }
  return undefined;
}
