/**
 * Cuts `records` into batches of `batchSize` and hands them to `handle` with
 * at most `inFlight` unfinished at a time, as a client keeping a fixed number
 * of calls open does. Resolves with the wall seconds the whole run took.
 */
export async function runBatchesInFlight<T>(records: readonly T[], batchSize: number, inFlight: number, handle: (batch: T[], at: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < records.length) {
        const at = next;
        next += batchSize;
        await handle(records.slice(at, at + batchSize), at);
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}
