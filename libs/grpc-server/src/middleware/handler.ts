import type { Metadata } from '@grpc/grpc-js';

/** What a handler and every middleware around it know of the call they serve. */
export interface CallContext {
  /** The method, e.g. "Classify"; the batches of a stream carry their stream's. */
  rpc: string;
  metadata: Metadata;
  /** grpc-js peer, e.g. "ipv4:127.0.0.1:51234". */
  peer: string;
  /** Aborted when the caller cancels or goes away. */
  signal: AbortSignal;
}

/** One request in, one answer out; throws a LogclassError to refuse it. */
export type Handler<Req, Res> = (request: Req, call: CallContext) => Promise<Res>;

/** One concern around a handler (authentication, metrics, the queue...), as in nice-grpc. */
export type Middleware<Req, Res> = (next: Handler<Req, Res>) => Handler<Req, Res>;

/** Wraps a handler in middleware, the first one outermost: the list reads in the order a call goes through it. */
export function compose<Req, Res>(...middleware: Middleware<Req, Res>[]): (handler: Handler<Req, Res>) => Handler<Req, Res> {
  return (handler) => middleware.reduceRight<Handler<Req, Res>>((next, wrap) => wrap(next), handler);
}
