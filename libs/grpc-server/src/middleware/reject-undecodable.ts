import { rejectUndecodable } from '../undecodable-requests';
import type { Handler } from './handler';

/** Bytes that did not decode as the method's message (see withUndecodableRequestsMarked) are INVALID_ARGUMENT, never INTERNAL. */
export const rejectUndecodableRequests =
  <Req, Res>(next: Handler<Req, Res>): Handler<Req, Res> =>
  async (request, call) => {
    rejectUndecodable(request);
    return next(request, call);
  };
