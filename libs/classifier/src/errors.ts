import { status as GrpcStatus } from '@grpc/grpc-js';

/**
 * The closed set of errors logclass reports, each with its gRPC and HTTP
 * status. Everything thrown that is not a LogclassError is INTERNAL and its
 * message is never sent to a caller (it may hold paths, hosts or keys).
 */
export const ERROR_CODES = {
  INVALID_ARGUMENT: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 400 },
  UNAUTHENTICATED: { grpc: GrpcStatus.UNAUTHENTICATED, http: 401 },
  NOT_FOUND: { grpc: GrpcStatus.NOT_FOUND, http: 404 },
  PAYLOAD_TOO_LARGE: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 413 },
  UNSUPPORTED_MEDIA_TYPE: { grpc: GrpcStatus.INVALID_ARGUMENT, http: 415 },
  RESOURCE_EXHAUSTED: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 429 },
  FAILED_PRECONDITION: { grpc: GrpcStatus.FAILED_PRECONDITION, http: 409 },
  UNAVAILABLE: { grpc: GrpcStatus.UNAVAILABLE, http: 503 },
  DEADLINE_EXCEEDED: { grpc: GrpcStatus.DEADLINE_EXCEEDED, http: 504 },
  CANCELLED: { grpc: GrpcStatus.CANCELLED, http: 499 },
  INTERNAL: { grpc: GrpcStatus.INTERNAL, http: 500 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class LogclassError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LogclassError';
  }
}

export const invalidArgument = (message: string) => new LogclassError('INVALID_ARGUMENT', message);
export const resourceExhausted = (message: string) => new LogclassError('RESOURCE_EXHAUSTED', message);
export const unavailable = (message: string) => new LogclassError('UNAVAILABLE', message);

const INTERNAL_MESSAGE = 'internal error';

/** What a caller may see of an error: a code from the closed set and a safe message. */
export function publicError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof LogclassError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE };
}

export function toGrpcError(err: unknown): { code: GrpcStatus; details: string } {
  const { code, message } = publicError(err);
  return { code: ERROR_CODES[code].grpc, details: message };
}

export function toHttpError(err: unknown): { status: number; body: { error: ErrorCode; message: string } } {
  const { code, message } = publicError(err);
  return { status: ERROR_CODES[code].http, body: { error: code, message } };
}

/** The reverse direction, for clients of a tier: a gRPC status back to the closed set. */
export function fromGrpcStatus(code: number, details: string): LogclassError {
  const entry = (Object.entries(ERROR_CODES) as [ErrorCode, (typeof ERROR_CODES)[ErrorCode]][]).find(
    ([name, v]) => v.grpc === code && name !== 'PAYLOAD_TOO_LARGE' && name !== 'UNSUPPORTED_MEDIA_TYPE',
  );
  if (entry) return new LogclassError(entry[0], details);
  return new LogclassError('UNAVAILABLE', `${GrpcStatus[code] ?? code}: ${details}`);
}
