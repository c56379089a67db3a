import { setMaxListeners } from 'node:events';
import type { Classification, ClassifyOptions, LogRecord } from '@logclass/contract';
import type { Logger } from '@logclass/observability';
import { isBreakerOpen } from './tier-failure';
import type { TierBreaker } from './tier-breaker';

/** What one tier call gave a slice of a submission: its answers, or the call's error. */
export type SliceOutcome = { answers: Classification[]; error?: undefined } | { answers?: undefined; error: unknown };

/** Told, once per slice, what the tier said about records[start .. start + count). */
export type SliceListener = (start: number, count: number, outcome: SliceOutcome) => void;

/** One classify() call's records waiting for (or partly sent to) this tier. */
interface Submission {
  readonly records: readonly LogRecord[];
  readonly options: ClassifyOptions | undefined;
  readonly optionsKey: string;
  readonly signal: AbortSignal | undefined;
  readonly onSlice: SliceListener;
  /** The first record not yet sent. */
  next: number;
  /** Slices sent whose call has not ended. */
  unsettled: number;
  done: boolean;
  finish(): void;
}

interface Slice {
  submission: Submission;
  start: number;
  count: number;
}

/**
 * Continuous batching in front of one tier, shared by every classify() call
 * of the gateway (the way text-embeddings-inference's router feeds its
 * backends): submitted records wait in one FIFO, and whenever one of the
 * tier's `maxInFlight` call slots is free, everything waiting (up to
 * `batchSize` records, across submissions) goes out in one call. An idle
 * gateway sends a request's records at once (no lingering for company); a
 * busy one sends fuller batches, so the fixed cost of a tier call (the gRPC
 * message or call, the breaker's bookkeeping, the tier's per-batch work) is
 * paid per batch rather than per request, and the tier sees at most `maxInFlight` calls from this gateway
 * however many requests are open. The wait list needs no bound of its own:
 * each submission is a request the gateway already admitted, and every
 * admission path (gRPC queue, CSV uploads, JSON requests) is bounded.
 */
export class TierBatcher {
  private readonly queue: Submission[] = [];
  private inFlight = 0;

  constructor(
    readonly tier: TierBreaker,
    private readonly batchSize: number,
    private readonly maxInFlight: number,
    private readonly log: Logger,
  ) {}

  /**
   * Sends `records` to the tier in one or more slices (possibly sharing calls
   * with other submissions); `onSlice` hears how each slice went. Resolves
   * once every slice has been heard, or at once when `signal` aborts (slices
   * not yet sent are dropped, calls already out are left to their other
   * submissions and cancelled if nobody else needs them).
   */
  submit(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal: AbortSignal | undefined, onSlice: SliceListener): Promise<void> {
    if (records.length === 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const onAbort = () => submission.finish();
      const submission: Submission = {
        records,
        options,
        optionsKey: optionsKey(options),
        signal,
        onSlice,
        next: 0,
        unsettled: 0,
        done: false,
        finish: () => {
          if (submission.done) return;
          submission.done = true;
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(submission);
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight) {
      const slices = this.take();
      if (slices.length === 0) return;
      this.inFlight++;
      void this.send(slices).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** Up to batchSize records from the head of the queue, all with the head's options. */
  private take(): Slice[] {
    const slices: Slice[] = [];
    let room = this.batchSize;
    let key: string | undefined;
    for (let i = 0; i < this.queue.length && room > 0; ) {
      const s = this.queue[i];
      if (s.done) {
        this.queue.splice(i, 1);
        continue;
      }
      key ??= s.optionsKey;
      if (s.optionsKey !== key) {
        i++;
        continue;
      }
      const count = Math.min(room, s.records.length - s.next);
      slices.push({ submission: s, start: s.next, count });
      s.next += count;
      s.unsettled++;
      room -= count;
      if (s.next === s.records.length) this.queue.splice(i, 1);
      else i++;
    }
    return slices;
  }

  /**
   * One tier call for the records, each distinct record sent once (logs
   * repeat: the same line from many hosts, the same retry message), its
   * answer fanned back out to every position it held. The answers of
   * repeats are the same object: nothing downstream changes an answer.
   */
  private async classifyDistinct(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal: AbortSignal): Promise<Classification[]> {
    const repeats = distinctRecords(records);
    if (!repeats) return this.tier.classify(records, options, signal);
    const answers = await this.tier.classify(repeats.distinct, options, signal);
    const out = new Array<Classification>(records.length);
    for (let i = 0; i < records.length; i++) out[i] = answers[repeats.from[i]];
    return out;
  }

  private async send(slices: Slice[]): Promise<void> {
    const call = callSignal(slices);
    const records: LogRecord[] = [];
    for (const { submission, start, count } of slices) for (let i = start; i < start + count; i++) records.push(submission.records[i]);
    let outcome: (slice: Slice, offset: number) => SliceOutcome;
    try {
      const answers = await this.classifyDistinct(records, slices[0].submission.options, call.signal);
      outcome = (slice, offset) => ({ answers: answers.slice(offset, offset + slice.count) });
    } catch (error) {
      if (!call.signal.aborted) {
        if (isBreakerOpen(error)) this.log.debug({ tier: this.tier.name, records: records.length }, 'breaker open: batch skips tier');
        else this.log.warn({ tier: this.tier.name, records: records.length, error: (error as Error).message }, 'tier call failed: batch skips tier');
      }
      outcome = () => ({ error });
    } finally {
      call.dispose();
    }
    let offset = 0;
    for (const slice of slices) {
      const s = slice.submission;
      if (!s.done) s.onSlice(slice.start, slice.count, outcome(slice, offset));
      offset += slice.count;
      s.unsettled--;
      if (s.unsettled === 0 && s.next === s.records.length) s.finish();
    }
  }
}

/**
 * Where each record's answer comes from when a call carries every distinct
 * record once: `distinct` the records sent, `from[i]` the index in it of
 * record i. Undefined when the records are all distinct.
 */
export interface DistinctRecords {
  distinct: LogRecord[];
  from: Int32Array;
}

/**
 * The records with each repeat (same source, message and carried template)
 * left out. A tier's answer depends on nothing else (the options are the
 * call's), so a repeat gets the answer of its first occurrence. Keyed by
 * source, then message, so no key string is made per record.
 */
export function distinctRecords(records: readonly LogRecord[]): DistinctRecords | undefined {
  const bySource = new Map<string, Map<string, number>>();
  const from = new Int32Array(records.length);
  const distinct: LogRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    let byMessage = bySource.get(r.source);
    if (!byMessage) bySource.set(r.source, (byMessage = new Map()));
    const first = byMessage.get(r.logMessage);
    // A repeat carrying another template (the miner learnt in between) is sent as its own record.
    if (first !== undefined && distinct[first].template === r.template) {
      from[i] = first;
      continue;
    }
    from[i] = distinct.length;
    if (first === undefined) byMessage.set(r.logMessage, distinct.length);
    distinct.push(r);
  }
  return distinct.length === records.length ? undefined : { distinct, from };
}

/**
 * The signal of one tier call: aborted once every submission with records
 * in it has been cancelled, so a call nobody waits for stops costing the tier.
 */
function callSignal(slices: readonly Slice[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const owners = [...new Set(slices.map((s) => s.submission))];
  setMaxListeners(0, controller.signal);
  let live = owners.length;
  const gone = () => {
    if (--live === 0) controller.abort();
  };
  const watched = owners.map((s) => s.signal).filter((signal): signal is AbortSignal => signal !== undefined);
  if (watched.length < owners.length) live = Number.POSITIVE_INFINITY; // someone cannot cancel: the call always runs to its end
  for (const signal of watched) {
    if (signal.aborted) gone();
    else signal.addEventListener('abort', gone, { once: true });
  }
  return { signal: controller.signal, dispose: () => watched.forEach((signal) => signal.removeEventListener('abort', gone)) };
}

function optionsKey(options: ClassifyOptions | undefined): string {
  return options ? JSON.stringify(options) : '';
}
