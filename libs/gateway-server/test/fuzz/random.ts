/** A seeded PRNG (mulberry32): the same seed gives the same cases, so a failure can be replayed. */
export class Random {
  private state: number;

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
