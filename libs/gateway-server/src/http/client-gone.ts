import type { ServerResponse } from 'node:http';

/** Aborts when the connection closes before the response finished: the client went away, stop working for it. */
export function abortOnClientGone(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}
