import type { Metadata } from '@grpc/grpc-js';
import type { Handler } from './handler';

/** What an admission hook knows of a call. */
export interface CallInfo {
  rpc: string;
  metadata: Metadata;
  /** grpc-js peer, e.g. "ipv4:127.0.0.1:51234". */
  peer: string;
}

/** Called once per contract call (once per stream) after the key check; throws a LogclassError to refuse it (e.g. a rate limit). */
export type CallAdmission = (call: CallInfo) => void;

export const admitCalls =
  (admit: CallAdmission | undefined) =>
  <Req, Res>(next: Handler<Req, Res>): Handler<Req, Res> =>
  async (request, call) => {
    admit?.({ rpc: call.rpc, metadata: call.metadata, peer: call.peer });
    return next(request, call);
  };
