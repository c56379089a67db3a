import { toSparse, type Embedder, type SparseVector } from '@logclass/embedding-tier';

/** Rows per embed() call: bounds the memory of dense vectors (transformers) and gives progress granularity. */
const EMBED_BATCH = 512;

/**
 * Embeds texts into sparse vectors, the form training and scoring use.
 * An embedder that can produce them directly (the hashing one: ~50x less
 * work than dense) does; any other is embedded densely in batches and converted.
 */
export async function embedSparse(embedder: Embedder, texts: readonly string[], onProgress?: (done: number) => void): Promise<SparseVector[]> {
  if (embedder.embedSparse) {
    const out = embedder.embedSparse(texts);
    onProgress?.(texts.length);
    return out;
  }
  const out: SparseVector[] = [];
  for (let start = 0; start < texts.length; start += EMBED_BATCH) {
    const dense = await embedder.embed(texts.slice(start, start + EMBED_BATCH));
    for (const v of dense) out.push(toSparse(v));
    onProgress?.(Math.min(texts.length, start + EMBED_BATCH));
  }
  return out;
}
