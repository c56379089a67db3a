import type { Metadata, ServerDuplexStream, ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';
import { toGrpcError } from '@logclass/grpc-status';
import type { CallContext, Handler } from './handler';

/** The context of a grpc-js call; its signal aborts when the caller cancels or goes away. */
export function callContext(call: { metadata: Metadata; getPeer(): string; on(event: 'cancelled', cb: () => void): unknown }, rpc: string): CallContext {
  const ac = new AbortController();
  call.on('cancelled', () => ac.abort());
  return { rpc, metadata: call.metadata, peer: call.getPeer(), signal: ac.signal };
}

/** Serves a handler as a grpc-js unary method; whatever it throws goes out as its gRPC status (toGrpcError), never as an exception. */
export function unaryMethod<Req, Res>(rpc: string, handler: Handler<Req, Res>) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    handler(call.request, callContext(call, rpc)).then(
      (res) => callback(null, res),
      (err) => callback(toGrpcError(err)),
    );
  };
}

export interface BatchStreamHandlers<Req, Res> {
  /** Runs once when the stream opens (authentication, admission); throws to refuse the stream. */
  open: Handler<void, void>;
  /** Answers one message of the stream. */
  message: Handler<Req, Res>;
  /** Messages a stream may have in flight before its reads pause. */
  window: number;
}

/**
 * Serves a bidirectional stream of independent messages: each is answered
 * when it is done (callers match answers to requests by a field of their
 * own), at most `window` in flight before reads pause (backpressure). The
 * first failure ends the stream with its status; answers still running are
 * dropped.
 */
export function batchStreamMethod<Req, Res>(rpc: string, { open, message, window }: BatchStreamHandlers<Req, Res>) {
  return (call: ServerDuplexStream<Req, Res>): void => {
    const context = callContext(call, rpc);
    let inFlight = 0;
    let ended = false;
    let failed = false;
    const finishIfDone = () => {
      if (ended && inFlight === 0 && !failed) call.end();
    };
    const fail = (err: unknown) => {
      failed = true;
      // grpc-js turns an emitted status object into the call's final status.
      call.emit('error', toGrpcError(err));
    };
    const admitted = open(undefined, context);
    admitted.catch(fail); // registered first: a refused stream fails with the refusal, not with a message's
    call.on('data', (req: Req) => {
      if (failed) return;
      inFlight++;
      // Backpressure: stop reading while this stream has a full window in flight.
      if (inFlight >= window) call.pause();
      // A message is answered only once its stream was admitted.
      admitted.then(() => message(req, context)).then(
        (res) => {
          inFlight--;
          if (failed) return;
          call.write(res);
          if (inFlight < window) call.resume();
          finishIfDone();
        },
        (err) => {
          inFlight--;
          if (!failed) fail(err);
        },
      );
    });
    call.on('end', () => {
      ended = true;
      finishIfDone();
    });
    call.on('error', () => {
      failed = true;
    });
  };
}
