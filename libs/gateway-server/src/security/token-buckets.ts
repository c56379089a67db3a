import { LRUCache } from 'lru-cache';

/** Callers tracked at once; the least recently seen are forgotten (they come back with a full bucket). */
const MAX_CALLERS = 100_000;

/**
 * One token bucket per caller: `rps` tokens a second, at most `burst` saved
 * up. A request takes one token or is refused. Kept in an LRU so a flood of
 * distinct callers (spoofed addresses, random keys) cannot grow memory.
 */
export class TokenBuckets {
  private readonly buckets = new LRUCache<string, { tokens: number; at: number }>({ max: MAX_CALLERS });

  constructor(
    readonly rps: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get enabled(): boolean {
    return this.rps > 0;
  }

  /** 0 when the request may go ahead (a token was taken), else the seconds until one is available. */
  take(caller: string): number {
    if (!this.enabled) return 0;
    const now = this.now();
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rps);
    bucket.at = now;
    this.buckets.set(caller, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.rps;
  }
}
