import type { Embedder } from './embedder';
import { LOG_TEXT_MASK_VERSION, logTokens, maskLogText } from './log-text';
import { combineHashes, murmur3Range } from './murmur3';
import { toDense, type SparseVector } from './sparse-vector';

export interface HashingOptions {
  /** Power of two. 8192 x 9 labels of float32 weights is ~300 KB in git. */
  dimension?: number;
  /** Character n-grams of each word, padded with word boundaries. */
  charNgramMin?: number;
  charNgramMax?: number;
  /** Weight of the character n-gram block relative to word unigrams/bigrams: there are many more of them. */
  charWeight?: number;
}

const DEFAULTS: Required<HashingOptions> = { dimension: 8192, charNgramMin: 3, charNgramMax: 5, charWeight: 0.5 };

// Distinct seeds keep a word, a bigram and a char n-gram with the same text apart.
const SEED_WORD = 0x1b873593;
const SEED_BIGRAM = 0x2545f491;
const SEED_CHAR = 0x68e31da4;

/**
 * The weight-free default embedder: signed feature hashing of word unigrams,
 * word bigrams and character n-grams of the masked log line, with
 * sub-linear term frequency (1 + ln tf) and L2 normalisation.
 * Needs no download and embeds tens of thousands of lines per second.
 */
export class HashingEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly opts: Required<HashingOptions>;
  private readonly mask: number;
  // Scratch space reused by every call (embedding is synchronous, so never shared between two calls).
  private readonly words = new HashList();
  private readonly chars = new HashList();
  private readonly acc: BucketAccumulator;

  constructor(options: HashingOptions = {}) {
    this.opts = { ...DEFAULTS, ...options };
    const { dimension, charNgramMin, charNgramMax, charWeight } = this.opts;
    if (!Number.isInteger(Math.log2(dimension)) || dimension < 16) throw new Error(`hashing embedder: dimension must be a power of two >= 16, got ${dimension}`);
    if (!(charNgramMin >= 1 && charNgramMax >= charNgramMin)) throw new Error('hashing embedder: need 1 <= charNgramMin <= charNgramMax');
    this.dimension = dimension;
    this.mask = dimension - 1;
    this.acc = new BucketAccumulator(dimension);
    this.id = `hashing-v1:d=${dimension}:w=1-2:c=${charNgramMin}-${charNgramMax}x${charWeight}:${LOG_TEXT_MASK_VERSION}`;
  }

  /** Texts with the same template get the same vector (see log-text.ts). */
  templateOf(text: string): string {
    return maskLogText(text);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => toDense(this.embedOneSparse(t), this.dimension));
  }

  /** The same vectors in sparse form: what training and prediction use, ~50x less work than dense. */
  embedSparse(texts: readonly string[]): SparseVector[] {
    return texts.map((t) => this.embedOneSparse(t));
  }

  embedOneSparse(text: string): SparseVector {
    const tokens = logTokens(maskLogText(text));
    const words = this.words;
    const chars = this.chars;
    words.length = 0;
    chars.length = 0;
    let previous = -1;
    for (const token of tokens) {
      const h = murmur3Range(token, 0, token.length, SEED_WORD);
      words.push(h);
      if (previous !== -1) words.push(combineHashes(previous ^ SEED_BIGRAM, h));
      previous = h;
      if (token.charCodeAt(0) !== 60 /* '<' placeholders have no useful spelling */) this.charNgrams(token, chars);
    }
    addSublinear(words, 1, this.mask, this.acc);
    addSublinear(chars, this.opts.charWeight, this.mask, this.acc);
    return this.acc.drainNormalised();
  }

  private charNgrams(token: string, out: HashList): void {
    const padded = `<${token}>`;
    const { charNgramMin, charNgramMax } = this.opts;
    for (let n = charNgramMin; n <= charNgramMax; n++) {
      for (let s = 0; s + n <= padded.length; s++) out.push(murmur3Range(padded, s, s + n, SEED_CHAR + n));
    }
  }
}

/** A growable list of uint32 hashes, reused across messages to avoid garbage on the hot path. */
class HashList {
  length = 0;
  private data = new Uint32Array(256);
  push(h: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = h;
  }
  /** The hashes sorted, so equal features are adjacent. */
  sorted(): Uint32Array {
    return this.data.subarray(0, this.length).sort();
  }
}

/** Dense scratch accumulator that remembers which buckets it touched. */
class BucketAccumulator {
  private readonly sums: Float64Array;
  private readonly touched: Int32Array;
  private count = 0;
  constructor(dimension: number) {
    this.sums = new Float64Array(dimension);
    this.touched = new Int32Array(dimension);
  }
  add(bucket: number, value: number): void {
    if (this.sums[bucket] === 0) this.touched[this.count++] = bucket;
    // A sum that cancels to exactly 0 would be recorded twice; nudge it off zero instead.
    this.sums[bucket] += value;
    if (this.sums[bucket] === 0) this.sums[bucket] = Number.MIN_VALUE;
  }
  /** The L2-normalised sparse vector; leaves the accumulator empty. */
  drainNormalised(): SparseVector {
    const indices = this.touched.slice(0, this.count).sort();
    const values = new Float32Array(indices.length);
    let norm = 0;
    for (let k = 0; k < indices.length; k++) {
      const v = this.sums[indices[k]];
      norm += v * v;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < indices.length; k++) {
      values[k] = this.sums[indices[k]] * scale;
      this.sums[indices[k]] = 0;
    }
    this.count = 0;
    return { indices, values };
  }
}

/** Adds (1 + ln tf) x weight per distinct feature hash, signed by a hash bit the bucket index does not use. */
function addSublinear(hashes: HashList, weight: number, mask: number, acc: BucketAccumulator): void {
  const sorted = hashes.sorted();
  let i = 0;
  while (i < sorted.length) {
    const h = sorted[i];
    let j = i + 1;
    while (j < sorted.length && sorted[j] === h) j++;
    acc.add(h & mask, weight * (1 + Math.log(j - i)) * (h & 0x80000000 ? -1 : 1));
    i = j;
  }
}
