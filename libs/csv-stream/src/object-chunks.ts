import type { Readable } from 'node:stream';

/** Most objects handed over at once: draining a parser's whole buffer makes it parse further ahead than anyone reads (measured: more memory and GC). */
const MAX_CHUNK = 256;

/**
 * The objects of an object-mode stream (csv-parse's records), as arrays of
 * whatever is buffered at each read (up to MAX_CHUNK): consumers that wait on timers (see
 * Lookahead) then pay per chunk rather than per record.
 */
export async function* objectChunks<T>(stream: Readable): AsyncGenerator<T[]> {
  // An error while no one waits (the consumer is busy) is kept in stream.errored and raised at the next read, not thrown as unhandled.
  const keep = () => undefined;
  stream.on('error', keep);
  try {
    yield* chunksOf<T>(stream);
  } finally {
    stream.off('error', keep);
  }
}

async function* chunksOf<T>(stream: Readable): AsyncGenerator<T[]> {
  for (;;) {
    const chunk: T[] = [];
    for (let item: T | null; chunk.length < MAX_CHUNK && (item = stream.read() as T | null) !== null; ) chunk.push(item);
    if (chunk.length > 0) {
      yield chunk;
      continue;
    }
    if (stream.readableEnded) return;
    if (stream.errored) throw stream.errored;
    if (stream.destroyed) throw new Error('the stream was closed before its end');
    await new Promise<void>((resolve, reject) => {
      const settle = (err?: Error) => {
        stream.off('readable', onReady).off('end', onReady).off('close', onReady).off('error', settle);
        if (err) reject(err);
        else resolve();
      };
      const onReady = () => settle();
      stream.once('readable', onReady).once('end', onReady).once('close', onReady).once('error', settle);
    });
  }
}
