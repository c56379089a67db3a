import { Metadata } from '@grpc/grpc-js';
import type { CallContext, Handler } from '../src/middleware/handler';

/** The context of a call as grpc-js would give it, for the middleware specs. */
export function testCall(overrides: Partial<CallContext> = {}): CallContext {
  return { rpc: 'ClassifyBatch', metadata: new Metadata(), peer: 'ipv4:127.0.0.1:5000', signal: new AbortController().signal, ...overrides };
}

/** A handler that answers with what it was asked, and remembers it. */
export function echo<Req>(): Handler<Req, Req> & { seen: Req[] } {
  const seen: Req[] = [];
  return Object.assign(async (request: Req) => {
    seen.push(request);
    return request;
  }, { seen });
}
