import { mulberry32 } from '@logclass/seeded-random';

/** A seeded PRNG (mulberry32): the same seed gives the same cases, so a failure can be replayed. */
export class Random {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }

  /** Text mixing ASCII, CSV metacharacters, control characters and non-Latin code points. */
  text(maxLength: number): string {
    const alphabet = ['a', 'Z', '0', ' ', ',', '"', '\n', '\r', '\t', '\u0000', '=', '@', 'é', '日', '😀', '\\', '<', '>', ';', '\ufffd'];
    let s = '';
    const n = this.int(maxLength + 1);
    for (let i = 0; i < n; i++) s += this.chance(0.6) ? String.fromCharCode(97 + this.int(26)) : this.pick(alphabet);
    return s;
  }
}
