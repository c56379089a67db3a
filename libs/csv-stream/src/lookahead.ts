/** What Lookahead.nextOr answers when the time-out or the other event came first. */
export const INTERRUPTED = Symbol('interrupted');

/**
 * An async iterator whose next item can be awaited against a time-out or
 * another event without losing it: a read that did not finish in time stays
 * pending and is answered by the following call. Streams that must act while
 * the input is quiet (flush a partial batch, end a multi-line record) wait
 * on this instead of a plain `for await`, which can only wake on input.
 */
export class Lookahead<T> {
  private pending: Promise<IteratorResult<T>> | undefined;
  /** The pending read has settled (set by a reaction attached before anyone awaits it). */
  private settled = false;

  constructor(private readonly iterator: AsyncIterator<T>) {}

  /** The next item, or INTERRUPTED once `ms` passed (undefined or infinite: no time-out) or `other` settled, whichever is first. */
  async nextOr(ms: number | undefined, other?: Promise<unknown>): Promise<IteratorResult<T> | typeof INTERRUPTED> {
    const read = this.read();
    if (ms !== undefined && !Number.isFinite(ms)) ms = undefined;
    if (ms === undefined && other === undefined) return this.take(await read);
    let timer: NodeJS.Timeout | undefined;
    const waits: Promise<unknown>[] = [read];
    if (ms !== undefined) waits.push(new Promise((resolve) => (timer = setTimeout(resolve, ms))));
    if (other) waits.push(other);
    try {
      await Promise.race(waits);
    } catch {
      // The read failed: taken and thrown below.
    } finally {
      clearTimeout(timer);
    }
    // A read that settled wins over a time-out that fired at the same moment.
    return this.settled ? this.take(await read) : INTERRUPTED;
  }

  private read(): Promise<IteratorResult<T>> {
    if (!this.pending) {
      this.settled = false;
      this.pending = this.iterator.next();
      this.pending.then(
        () => (this.settled = true),
        () => (this.settled = true),
      );
    }
    return this.pending;
  }

  /** Gives up on the iterator: a read still pending may fail later without an unhandled rejection. */
  close(): void {
    this.pending?.catch(() => undefined);
    this.pending = undefined;
    this.iterator.return?.()?.catch(() => undefined);
  }

  private take(result: IteratorResult<T>): IteratorResult<T> {
    this.pending = undefined;
    return result;
  }
}
