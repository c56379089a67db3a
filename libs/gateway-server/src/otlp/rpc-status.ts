import { BinaryWriter } from '@bufbuild/protobuf/wire';

/**
 * google.rpc.Status (and the RetryInfo detail OTLP senders read for their
 * back-off), which OTLP puts in error answers: in the body of an OTLP/HTTP
 * 4xx/5xx, and as grpc-status-details-bin on gRPC. Three small well-known
 * messages, written field by field with @bufbuild/protobuf's wire writer
 * rather than pulling in another proto package:
 *   Status { int32 code = 1; string message = 2; repeated Any details = 3; }
 *   Any { string type_url = 1; bytes value = 2; }
 *   RetryInfo { Duration retry_delay = 1; }  Duration { int64 seconds = 1; }
 */

const GRPC_CODE = { INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, UNAUTHENTICATED: 16, UNAVAILABLE: 14 } as const;
export type StatusName = keyof typeof GRPC_CODE;

const RETRY_INFO_TYPE = 'type.googleapis.com/google.rpc.RetryInfo';

/** Status{code, message, details: [RetryInfo{retry_delay}] when retryAfterSeconds is given}. */
export function encodeRpcStatus(status: StatusName, message: string, retryAfterSeconds?: number): Buffer {
  const w = new BinaryWriter();
  w.uint32((1 << 3) | 0).int32(GRPC_CODE[status]);
  w.uint32((2 << 3) | 2).string(message);
  if (retryAfterSeconds !== undefined) {
    const duration = new BinaryWriter().uint32((1 << 3) | 0).int64(retryAfterSeconds).finish();
    const retryInfo = new BinaryWriter().uint32((1 << 3) | 2).bytes(duration).finish();
    const any = new BinaryWriter().uint32((1 << 3) | 2).string(RETRY_INFO_TYPE).uint32((2 << 3) | 2).bytes(retryInfo).finish();
    w.uint32((3 << 3) | 2).bytes(any);
  }
  return Buffer.from(w.finish());
}

/** The same Status in the protobuf JSON mapping. */
export function rpcStatusJson(status: StatusName, message: string): string {
  return JSON.stringify({ code: GRPC_CODE[status], message });
}

export const grpcCode = (status: StatusName): number => GRPC_CODE[status];
