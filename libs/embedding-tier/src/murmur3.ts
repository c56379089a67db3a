/**
 * MurmurHash3 (x86, 32-bit) over the UTF-16 code units of `text[start, end)`.
 * Hashing a slice of the original string avoids allocating a substring for
 * every n-gram, which is most of the hashing embedder's work.
 */
export function murmur3Range(text: string, start: number, end: number, seed: number): number {
  let h = seed | 0;
  let i = start;
  // Two UTF-16 units make one 32-bit block.
  for (; i + 1 < end; i += 2) {
    let k = (text.charCodeAt(i) & 0xffff) | ((text.charCodeAt(i + 1) & 0xffff) << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < end) {
    let k = text.charCodeAt(i) & 0xffff;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= (end - start) * 2;
  return fmix32(h);
}

/** Murmur3's finaliser: also used to combine two hashes into one (word bigrams). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function combineHashes(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}
