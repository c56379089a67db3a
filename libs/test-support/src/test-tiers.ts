import type { Classification, ClassifyOptions, DescribeResponse, LogRecord } from '@logclass/contract';
import { abstained, decided, invalidArgument, unavailable, type Classifier } from '@logclass/classifier';

/** How a MarkerTier answers its next calls. */
export type MarkerTierMode =
  | 'answer'
  /** Throws UNAVAILABLE: the server answers the call with that status. */
  | 'fail'
  /** Throws INVALID_ARGUMENT (the caller's fault). */
  | 'reject'
  /** Answers one result too few (a logclass server refuses to send that and fails the call with INTERNAL). */
  | 'wrong-count';

/**
 * A tiny real tier for tests of anything that composes tiers: it decides a
 * record whose message contains `@<tier>` (label from `label=<Label>` in the
 * message, else "Test Label") and abstains on the rest. Its behaviour can be
 * switched between calls (fail, reject, wrong count) and held (answer only
 * when released), and it counts what reached it.
 */
export class MarkerTier implements Classifier {
  mode: MarkerTierMode = 'answer';
  /** Batch calls that reached classify(). */
  calls = 0;
  /** Records those calls carried. */
  records = 0;
  /** Records per call, in call order. */
  readonly batchSizes: number[] = [];
  /** Most calls this tier was working on at once. */
  peakConcurrentCalls = 0;
  private concurrentCalls = 0;
  /** Held calls whose caller cancelled them (the cancellation reached the tier). */
  cancelled = 0;
  /** Sources of every record received, in arrival order. */
  readonly sources: string[] = [];
  /** The carried template (LogRecord.template) of every record received, in arrival order. */
  readonly templates: (string | undefined)[] = [];
  /** Called at the start of every batch call with the call's number (1, 2...): a test's hook to act mid-request. */
  onCall: ((call: number) => void) | undefined;
  private held: Promise<void> | undefined;
  private releaseHeld: (() => void) | undefined;

  constructor(readonly tier: string) {}

  /** From now on calls wait until release() (or until their caller cancels). */
  hold(): void {
    this.held ??= new Promise<void>((resolve) => (this.releaseHeld = resolve));
  }

  release(): void {
    this.releaseHeld?.();
    this.held = undefined;
    this.releaseHeld = undefined;
  }

  async classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
    this.concurrentCalls++;
    this.peakConcurrentCalls = Math.max(this.peakConcurrentCalls, this.concurrentCalls);
    try {
      return await this.classifyCounted(records, options, signal);
    } finally {
      this.concurrentCalls--;
    }
  }

  private async classifyCounted(records: readonly LogRecord[], _options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
    this.calls++;
    this.records += records.length;
    this.batchSizes.push(records.length);
    this.onCall?.(this.calls);
    for (const r of records) {
      this.sources.push(r.source);
      this.templates.push(r.template);
    }
    if (this.held) {
      const held = this.held;
      await new Promise<void>((resolve) => {
        let waiting = true;
        const stop = (cancelled: boolean) => {
          // grpc-js may signal a call's end to the server as a cancellation too: count only one that cut the wait short.
          if (waiting && cancelled) this.cancelled++;
          waiting = false;
          resolve();
        };
        signal?.addEventListener('abort', () => stop(true), { once: true });
        held.then(() => stop(false));
      });
    }
    if (this.mode === 'fail') throw unavailable(`${this.tier} is failing`);
    if (this.mode === 'reject') throw invalidArgument(`${this.tier} refuses this batch`);
    const results = records.map((r) => this.answer(r));
    return this.mode === 'wrong-count' ? results.slice(1) : results;
  }

  private answer(r: LogRecord): Classification {
    if (!r.logMessage.includes(`@${this.tier}`)) return abstained(this.tier, `no @${this.tier} marker`, 0.25);
    const label = /label=([A-Za-z ]+?)(?:;|$)/.exec(r.logMessage)?.[1] ?? 'Test Label';
    return decided(this.tier, label, 0.9, `marker @${this.tier}`);
  }

  describe(): DescribeResponse {
    return { tier: this.tier, labels: [{ name: 'Test Label', description: 'decided by a marker' }], model: `marker-${this.tier}`, maxBatchSize: 100_000 };
  }
}
