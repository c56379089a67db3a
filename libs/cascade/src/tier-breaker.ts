import CircuitBreaker from 'opossum';
import type { Classification, ClassifyOptions, LogRecord } from '@logclass/contract';
import { expectOneResultPerRecord, LogclassError, type Classifier } from '@logclass/classifier';
import type { Logger } from '@logclass/observability';
import type { BreakerSettings } from './breaker-settings';
import { tierCallResult, type TierCallListener } from './tier-calls';
import { tierFailure, type TierFailure } from './tier-failure';

export type BreakerState = 'closed' | 'open' | 'half-open';

type BatchCall = [records: readonly LogRecord[], options: ClassifyOptions | undefined, signal: AbortSignal];

/**
 * Errors that say nothing about the tier's health, so they must not count
 * towards opening its breaker:
 * - INVALID_ARGUMENT: the tier is up and refused what we sent (our bug or
 *   the caller's data); opening the breaker would punish every other caller.
 * - anything after our own caller cancelled the call (`cancelledByUs`): a
 *   CANCELLED the tier did not cause. A CANCELLED the tier sent on its own
 *   (e.g. it was killed mid-call) does count.
 * (opossum reports a filtered error as a success, so either one ends a
 * half-open probe by closing the breaker: for INVALID_ARGUMENT rightly, the
 * tier answered; for a cancelled probe the next failures reopen it.)
 * Everything else counts: UNAVAILABLE (transport failure), WRONG_RESULT_COUNT
 * (a garbage answer), DEADLINE_EXCEEDED, INTERNAL, and
 * RESOURCE_EXHAUSTED: a tier that sheds load is overloaded, and an open
 * breaker is exactly the back-off it needs; its records go on to the next
 * tier meanwhile instead of adding to its queue.
 */
export function isCallerFault(err: unknown, cancelledByUs = false): boolean {
  return cancelledByUs || (err instanceof LogclassError && err.code === 'INVALID_ARGUMENT');
}

/**
 * One tier behind its own opossum circuit breaker. Each batch call gets its
 * own AbortController, so a call opossum times out (or the caller abandons)
 * is cancelled on the wire rather than left running in the background.
 */
export class TierBreaker {
  private readonly breaker: CircuitBreaker<BatchCall, Classification[]>;
  private current: BreakerState = 'closed';
  private lastFailureSeen: TierFailure | undefined;
  /** For the logs only: the raw message may name internal hosts and files. */
  private lastErrorMessage: string | undefined;

  constructor(
    readonly name: string,
    readonly classifier: Classifier,
    readonly settings: BreakerSettings,
    private readonly log: Logger,
    private readonly onTransition: (tier: string, from: BreakerState, to: BreakerState) => void,
    /** Told how each call ended and how long it took (for metrics). */
    private readonly onCall: TierCallListener = () => undefined,
  ) {
    this.breaker = new CircuitBreaker<BatchCall, Classification[]>(
      async (records, options, signal) => {
        // A misaligned answer cannot be trusted for any record; it counts as the tier failing (in-process tiers have no client to count it).
        return expectOneResultPerRecord(name, records.length, await classifier.classify(records, options, signal));
      },
      {
        name: `tier:${name}`,
        timeout: settings.timeoutMs,
        errorThresholdPercentage: settings.errorThresholdPercentage,
        volumeThreshold: settings.volumeThreshold,
        resetTimeout: settings.resetTimeoutMs,
        rollingCountTimeout: settings.rollingCountTimeoutMs ?? 10_000,
        // opossum passes the call's arguments after the error; the signal is the call's own.
        errorFilter: ((err: unknown, ...call: BatchCall) => isCallerFault(err, call[2].aborted)) as (err: unknown) => boolean,
        // Latency percentiles and periodic snapshots are not used; skip their timers.
        rollingPercentilesEnabled: false,
        enableSnapshots: false,
      },
    );
    this.breaker.on('open', () => this.transition('open'));
    this.breaker.on('halfOpen', () => this.transition('half-open'));
    this.breaker.on('close', () => this.transition('closed'));
    // Timeouts are failures too (opossum emits both events for them).
    this.breaker.on('failure', (err: Error) => {
      this.lastFailureSeen = tierFailure(err);
      this.lastErrorMessage = err.message;
    });
  }

  get state(): BreakerState {
    return this.current;
  }

  /** What the last failed call ran into. */
  get lastFailure(): TierFailure | undefined {
    return this.lastFailureSeen;
  }

  /** Classify one batch through the breaker. Rejects when the tier failed, timed out or the breaker is open. */
  async classify(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal?: AbortSignal): Promise<Classification[]> {
    // Never fire for a caller already gone: even a filtered error counts as a success to opossum.
    if (signal?.aborted) throw new LogclassError('CANCELLED', `${this.name}: cancelled`);
    const call = new AbortController();
    const forward = () => call.abort();
    signal?.addEventListener('abort', forward, { once: true });
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const results = await this.breaker.fire(records, options, call.signal);
      this.onCall(this.name, 'ok', seconds());
      return results;
    } catch (err) {
      call.abort(); // after an opossum timeout the gRPC call may still be running
      const result = tierCallResult(err, signal?.aborted ?? false);
      this.onCall(this.name, result, result === 'breaker_open' ? 0 : seconds());
      throw err;
    } finally {
      signal?.removeEventListener('abort', forward);
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private transition(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    const fields = { tier: this.name, from, to, lastFailure: this.lastFailureSeen, lastError: this.lastErrorMessage };
    if (to === 'open') this.log.warn(fields, 'circuit breaker opened: tier skipped until it recovers');
    else this.log.info(fields, `circuit breaker ${to}`);
    this.onTransition(this.name, from, to);
  }
}
