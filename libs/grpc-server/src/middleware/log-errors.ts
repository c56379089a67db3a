import { status } from '@grpc/grpc-js';
import { toGrpcError } from '@logclass/grpc-status';
import type { Logger } from '@logclass/observability';
import type { Handler } from './handler';

/**
 * Logs a refused or failed call at the level it deserves, by the status the
 * caller will get: an internal error is ours to fix; a missing key is worth
 * an operator's eye (a misconfigured client or a probe; the details never
 * hold the key); the rest is the caller's business.
 */
export const logErrors =
  (log: Logger) =>
  <Req, Res>(next: Handler<Req, Res>): Handler<Req, Res> =>
  async (request, call) => {
    try {
      return await next(request, call);
    } catch (err) {
      const e = toGrpcError(err);
      const rpc = call.rpc;
      if (e.code === status.INTERNAL) log.error({ err, rpc }, 'internal error');
      else if (e.code === status.UNAUTHENTICATED) log.warn({ rpc, details: e.details }, 'request refused: missing or invalid API key');
      else log.debug({ rpc, code: e.code, details: e.details }, 'request refused');
      throw err;
    }
  };
