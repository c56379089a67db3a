import { toSparse, type SparseVector } from './sparse-vector';

/**
 * Turns log messages into fixed-size vectors. Every implementation is
 * deterministic for its `id`: a model trained with one embedder is only
 * valid with an embedder of the same id and dimension (see artifact.ts).
 */
export interface Embedder {
  /** Names every parameter that changes the vectors, e.g. "hashing-v2:d=16384:...". */
  readonly id: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in input order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /**
   * The text the vector depends on (the masked template): two texts with the
   * same templateOf get the same vector, so results can be cached by it.
   */
  templateOf?(text: string): string;
  /** The same vectors as `embed`, as non-zeros only, for embedders whose vectors are mostly zeros. */
  embedSparse?(texts: readonly string[]): SparseVector[];
  close?(): Promise<void>;
}

/** The embedder's sparse vectors when it has them, else its dense ones made sparse. */
export async function embedSparse(embedder: Embedder, texts: readonly string[]): Promise<SparseVector[]> {
  if (embedder.embedSparse) return embedder.embedSparse(texts);
  return (await embedder.embed(texts)).map(toSparse);
}
