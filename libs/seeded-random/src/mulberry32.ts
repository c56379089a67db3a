/**
 * mulberry32: a tiny seeded PRNG with a 32-bit state. Used wherever a run
 * must be reproducible from a seed (the training corpus, benchmark inputs,
 * fuzz cases, test model weights); never for anything secret.
 */
export class Mulberry32 {
  /** The whole state: generators forked from this one derive their seed from it. */
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** The generator as a function giving uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  const generator = new Mulberry32(seed);
  return () => generator.next();
}
