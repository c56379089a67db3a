import { status } from '@grpc/grpc-js';
import { LogclassError, publicError, type ErrorCode } from '@logclass/classifier';

/**
 * The gRPC status of each code of the closed error set. Both ends of a gRPC
 * call read this one table: a server to answer with it, a client to turn the
 * status it got back into the closed set.
 */
export const GRPC_STATUS: Readonly<Record<ErrorCode, status>> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  NOT_FOUND: status.NOT_FOUND,
  PAYLOAD_TOO_LARGE: status.RESOURCE_EXHAUSTED,
  UNSUPPORTED_MEDIA_TYPE: status.INVALID_ARGUMENT,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  CANCELLED: status.CANCELLED,
  INTERNAL: status.INTERNAL,
  WRONG_RESULT_COUNT: status.INTERNAL,
};

/**
 * Codes a gRPC status never means on its own: how an HTTP body was refused,
 * and a misaligned answer (a server sends it as INTERNAL; a client finds it
 * by counting).
 */
const NOT_A_GRPC_STATUS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'WRONG_RESULT_COUNT']);

/** What a gRPC caller gets for an error: its status and a safe message (see publicError). */
export function toGrpcError(err: unknown): { code: status; details: string } {
  const { code, message } = publicError(err);
  return { code: GRPC_STATUS[code], details: message };
}

/** The reverse direction, for clients of a tier: a gRPC status back to the closed set. */
export function fromGrpcStatus(code: number, details: string): LogclassError {
  const entry = (Object.entries(GRPC_STATUS) as [ErrorCode, status][]).find(([name, grpc]) => grpc === code && !NOT_A_GRPC_STATUS.has(name));
  if (entry) return new LogclassError(entry[0], details);
  return new LogclassError('UNAVAILABLE', `${status[code] ?? code}: ${details}`);
}
