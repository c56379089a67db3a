import { LRUCache } from 'lru-cache';
import type { RecordAnswer } from './answer-parser';

/**
 * An answer, or why there is none (failures are never cached: the next request
 * may succeed). `decidedBy` is set on an answer read from the template-label
 * store: the model id, or "operator".
 */
export type KeyResult = (RecordAnswer & { decidedBy?: string; call?: CallProvenance }) | { kind: 'failed'; reason: string };

/** The chat call a fresh answer came from (kept with it in the template-label store). */
export interface CallProvenance {
  /** Random per call: every record of one call shares it. */
  readonly id: string;
  /** Log records the call carried (1 = asked alone). */
  readonly records: number;
}

/**
 * Answers by question key, bounded in size and age, plus the questions being
 * asked right now so that concurrent requests for the same key share one
 * call (single-flight) instead of each paying for it.
 */
export class AnswerCache {
  private readonly answers: LRUCache<string, RecordAnswer> | undefined;
  private readonly pending = new Map<string, Promise<KeyResult>>();

  /** maxEntries 0 = no cache (every question is asked). */
  constructor(maxEntries: number, ttlMs: number) {
    this.answers = maxEntries > 0 ? new LRUCache({ max: maxEntries, ttl: ttlMs > 0 ? ttlMs : undefined }) : undefined;
  }

  get enabled(): boolean {
    return this.answers !== undefined;
  }

  get size(): number {
    return this.answers?.size ?? 0;
  }

  cached(key: string): RecordAnswer | undefined {
    return this.answers?.get(key);
  }

  /** Forgets every answer (calls in flight still deliver theirs to their callers). */
  clear(): void {
    this.answers?.clear();
  }

  inFlight(key: string): Promise<KeyResult> | undefined {
    return this.pending.get(key);
  }

  /** Registers `result` as the in-flight answer for `key`; stores it when it is an answer. */
  track(key: string, result: Promise<KeyResult>): Promise<KeyResult> {
    if (!this.answers) return result;
    this.pending.set(key, result);
    void result.then((r) => {
      if (this.pending.get(key) === result) this.pending.delete(key);
      if (r.kind !== 'failed') this.answers?.set(key, r);
    });
    return result;
  }
}
