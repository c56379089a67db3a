import { setMaxListeners } from 'node:events';
import { LogclassError } from '@logclass/classifier';

/**
 * One controller per classify() call, following the caller's signal. Every
 * batch in flight listens to it, so the listener count is the number of
 * batches in flight: lifted from Node's default warning limit of 10 on this
 * signal we own, while the caller's signal gets a single listener.
 */
export function followAbort(parent: AbortSignal | undefined): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (!parent) return { signal: controller.signal, dispose: () => undefined };
  const abort = () => controller.abort();
  if (parent.aborted) abort();
  else parent.addEventListener('abort', abort, { once: true });
  return { signal: controller.signal, dispose: () => parent.removeEventListener('abort', abort) };
}

/** A cancelled call rejects with CANCELLED (gRPC CANCELLED, HTTP 499), never with a partial answer. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LogclassError('CANCELLED', 'classification cancelled');
}
