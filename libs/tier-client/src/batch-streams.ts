import { Metadata, status, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import type { Classification, ClassifyOptions, ClassifyStreamRequest, ClassifyStreamResponse, LogClassifierClient, LogRecord } from '@logclass/contract';
import { LogclassError } from '@logclass/classifier';
import { fromGrpcStatus } from '@logclass/grpc-status';

/**
 * Why a batch sent over a stream failed because the whole stream did: the
 * server ends a ClassifyStream with one status when any of its batches
 * fails, so every batch still unanswered on it gets that status, including
 * batches that were fine. `error.code` says whether asking again alone can help.
 */
export class StreamFailure extends Error {
  constructor(readonly error: LogclassError) {
    super(error.message);
    this.name = 'StreamFailure';
  }
}

interface Unanswered {
  resolve(results: Classification[]): void;
  reject(err: Error): void;
}

/** One long-lived ClassifyStream to a tier, carrying many batches at once, matched to answers by sequence. */
class BatchStream {
  private readonly call: ClientDuplexStream<ClassifyStreamRequest, ClassifyStreamResponse>;
  private readonly unanswered = new Map<number, Unanswered>();
  private nextSequence = 1;
  private readonly openedAt = Date.now();
  private draining = false;
  closed = false;

  constructor(client: InstanceType<typeof LogClassifierClient>, metadata: Metadata, private readonly tier: string) {
    this.call = client.classifyStream(metadata);
    this.call.on('data', (res: ClassifyStreamResponse) => this.answer(res));
    this.call.on('error', (err: ServiceError) => this.fail(new StreamFailure(fromGrpcStatus(err.code ?? status.UNAVAILABLE, err.details ?? err.message))));
    this.call.on('end', () =>
      this.fail(new StreamFailure(new LogclassError('UNAVAILABLE', `${this.tier} ended the stream with ${this.unanswered.size} batches unanswered`))),
    );
  }

  get load(): number {
    return this.unanswered.size;
  }

  /** Open for new batches: not closed, and younger than `maxAgeMs` (older ones finish what they carry, then end). */
  usable(maxAgeMs: number): boolean {
    if (!this.closed && !this.draining && Date.now() - this.openedAt >= maxAgeMs) this.drain();
    return !this.closed && !this.draining;
  }

  send(records: readonly LogRecord[], options: ClassifyOptions | undefined, timeoutMs: number, signal: AbortSignal | undefined): Promise<Classification[]> {
    return new Promise((resolve, reject) => {
      const sequence = this.nextSequence++;
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.unanswered.delete(sequence);
        if (this.draining) this.endIfIdle();
      };
      const giveUp = (err: LogclassError) => {
        settle();
        reject(err);
        // A stream message cannot be cancelled alone, so the tier would finish it; once the
        // stream carries nothing anyone waits for, cancelling it stops that work (as a unary
        // call's cancellation would). Batches sharing the stream with others are left to finish.
        if (this.unanswered.size === 0) this.close();
      };
      const timer = setTimeout(() => giveUp(new LogclassError('DEADLINE_EXCEEDED', `${this.tier}: no answer within ${timeoutMs} ms`)), timeoutMs);
      const onAbort = () => giveUp(new LogclassError('CANCELLED', `${this.tier}: cancelled`));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.unanswered.set(sequence, {
        resolve: (results) => {
          settle();
          resolve(results);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
      });
      // The request only reads the records (ts-proto's message type is not readonly).
      this.call.write({ sequence, records: records as LogRecord[], options });
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.call.cancel();
  }

  private answer(res: ClassifyStreamResponse): void {
    const batch = this.unanswered.get(res.sequence);
    if (!batch) return; // timed out or cancelled meanwhile
    batch.resolve(res.results); // counted by the caller (GrpcClassifier), as a unary answer is
  }

  private fail(err: StreamFailure): void {
    this.closed = true;
    for (const batch of [...this.unanswered.values()]) batch.reject(err);
  }

  private drain(): void {
    this.draining = true;
    this.endIfIdle();
  }

  private endIfIdle(): void {
    if (this.unanswered.size === 0 && !this.closed) {
      this.closed = true;
      this.call.end();
    }
  }
}

/**
 * A few long-lived ClassifyStreams to one tier, each carrying several batches
 * at once. On the build machine a unary ClassifyBatch call costs ~1 ms of CPU
 * in grpc-js beyond its rows (HTTP/2 stream, headers, trailers, deadline),
 * a stream message a fraction of that: for 512-row batches a stream halves
 * the CPU per row of a hop (see BENCHMARKS.md). Streams are opened lazily,
 * each batch goes to the least loaded one, and every stream is retired after
 * `maxAgeMs` so that batches spread again over the pods of a scaled-out tier
 * (a stream stays on the pod it was opened to).
 */
export class BatchStreams {
  private readonly streams: BatchStream[] = [];

  constructor(
    private readonly client: InstanceType<typeof LogClassifierClient>,
    private readonly metadata: () => Metadata,
    private readonly opts: { tier: string; streams: number; maxAgeMs: number; timeoutMs: number },
  ) {}

  send(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal?: AbortSignal): Promise<Classification[]> {
    if (signal?.aborted) return Promise.reject(new LogclassError('CANCELLED', `${this.opts.tier}: cancelled`));
    return this.pick().send(records, options, this.opts.timeoutMs, signal);
  }

  close(): void {
    for (const s of this.streams) s.close();
    this.streams.length = 0;
  }

  private pick(): BatchStream {
    for (let i = this.streams.length - 1; i >= 0; i--) {
      if (!this.streams[i].usable(this.opts.maxAgeMs)) this.streams.splice(i, 1);
    }
    if (this.streams.length < this.opts.streams) {
      const fresh = new BatchStream(this.client, this.metadata(), this.opts.tier);
      this.streams.push(fresh);
      return fresh;
    }
    return this.streams.reduce((best, s) => (s.load < best.load ? s : best));
  }
}
