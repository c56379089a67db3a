import { INTERRUPTED, Lookahead } from './lookahead';

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface InFlight<R> {
  answer: Promise<Settled<R>>;
  done: boolean;
}

/**
 * Groups the items of `chunks` into batches of `size` and runs `work` on up
 * to `inFlight` batches at once, yielding each batch's answer in input
 * order. It reads ahead only while a slot is free, so memory stays bounded by
 * `size * inFlight` items (plus one input chunk) however long the input is.
 *
 * For a slow stream (`tail -f`): a partial batch is sent once its first item
 * has waited `flushAfterMs`, and each answer is yielded as soon as it and
 * those before it are back, without waiting for the input to move.
 */
export async function* mapBatchesInOrder<T, R>(
  chunks: AsyncIterable<readonly T[]>,
  size: number,
  inFlight: number,
  work: (batch: T[]) => Promise<R>,
  flushAfterMs = Number.POSITIVE_INFINITY,
): AsyncGenerator<R> {
  const pending: InFlight<R>[] = [];
  // Settle every batch at once so a later batch failing while an earlier one
  // is awaited is never an unhandled rejection; the failure is raised in order.
  const start = (batch: T[]) => {
    const entry: InFlight<R> = {
      answer: work(batch).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      done: false,
    };
    void entry.answer.then(() => (entry.done = true));
    pending.push(entry);
  };
  const next = async () => {
    const settled = await (pending.shift() as InFlight<R>).answer;
    if (!settled.ok) throw settled.error;
    return settled.value;
  };

  const source = new Lookahead(chunks[Symbol.asyncIterator]());
  let batch: T[] = [];
  let batchSince = 0;
  let chunk: readonly T[] = [];
  let at = 0;
  try {
    for (;;) {
      while (pending.length > 0 && pending[0].done) yield await next();
      if (pending.length >= inFlight) {
        yield await next();
        continue;
      }
      if (at < chunk.length) {
        // Take items until the batch is full; the rest of the chunk waits for a free slot.
        if (batch.length === 0) batchSince = Date.now();
        const take = Math.min(size - batch.length, chunk.length - at);
        for (let i = 0; i < take; i++) batch.push(chunk[at + i]);
        at += take;
        if (batch.length >= size) {
          start(batch);
          batch = [];
        }
        continue;
      }
      const flushIn = batch.length > 0 && Number.isFinite(flushAfterMs) ? Math.max(0, batchSince + flushAfterMs - Date.now()) : undefined;
      const read = await source.nextOr(flushIn, pending[0]?.answer);
      if (read === INTERRUPTED) {
        if (flushIn !== undefined && Date.now() >= batchSince + flushAfterMs) {
          start(batch);
          batch = [];
        }
        continue;
      }
      if (read.done) break;
      chunk = read.value;
      at = 0;
    }
    if (batch.length > 0) start(batch);
    while (pending.length > 0) yield await next();
  } finally {
    source.close();
  }
}
