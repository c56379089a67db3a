/**
 * google.rpc.Status (and the RetryInfo detail OTLP senders read for their
 * back-off), which OTLP puts in error answers: in the body of an OTLP/HTTP
 * 4xx/5xx, and as grpc-status-details-bin on gRPC. Three small well-known
 * messages, encoded by hand rather than pulling in another proto package.
 */

const GRPC_CODE = { INVALID_ARGUMENT: 3, RESOURCE_EXHAUSTED: 8, UNAUTHENTICATED: 16, UNAVAILABLE: 14 } as const;
export type StatusName = keyof typeof GRPC_CODE;

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

const field = (num: number, payload: Buffer) => Buffer.concat([varint((num << 3) | 2), varint(payload.length), payload]);
const intField = (num: number, n: number) => (n === 0 ? Buffer.alloc(0) : Buffer.concat([varint(num << 3), varint(n)]));

/** Status{code, message, details: [RetryInfo{retry_delay}] when retryAfterSeconds is given}. */
export function encodeRpcStatus(status: StatusName, message: string, retryAfterSeconds?: number): Buffer {
  const parts = [intField(1, GRPC_CODE[status]), field(2, Buffer.from(message, 'utf8'))];
  if (retryAfterSeconds !== undefined) {
    const retryInfo = field(1, intField(1, retryAfterSeconds)); // RetryInfo.retry_delay = Duration{seconds}
    parts.push(field(3, Buffer.concat([field(1, Buffer.from('type.googleapis.com/google.rpc.RetryInfo')), field(2, retryInfo)])));
  }
  return Buffer.concat(parts);
}

/** The same Status in the protobuf JSON mapping. */
export function rpcStatusJson(status: StatusName, message: string): string {
  return JSON.stringify({ code: GRPC_CODE[status], message });
}

export const grpcCode = (status: StatusName): number => GRPC_CODE[status];
