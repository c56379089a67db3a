type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Groups `items` into batches of `size` and runs `work` on up to `inFlight`
 * batches at once, yielding each batch's answer in input order. It reads
 * ahead only while a slot is free, so memory stays bounded by
 * `size * inFlight` items however long the input is.
 */
export async function* mapBatchesInOrder<T, R>(
  items: AsyncIterable<T>,
  size: number,
  inFlight: number,
  work: (batch: T[]) => Promise<R>,
): AsyncGenerator<R> {
  const pending: Promise<Settled<R>>[] = [];
  // Settle every batch at once so a later batch failing while an earlier one
  // is awaited is never an unhandled rejection; the failure is raised in order.
  const start = (batch: T[]) =>
    pending.push(
      work(batch).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    );
  const next = async () => {
    const settled = await (pending.shift() as Promise<Settled<R>>);
    if (!settled.ok) throw settled.error;
    return settled.value;
  };

  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length < size) continue;
    start(batch);
    batch = [];
    if (pending.length >= inFlight) yield await next();
  }
  if (batch.length > 0) start(batch);
  while (pending.length > 0) yield await next();
}
