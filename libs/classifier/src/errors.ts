/**
 * The closed set of errors logclass reports, each with its HTTP status.
 * (Each code's gRPC status is the transport's business: libs/grpc-status.)
 * Everything thrown that is not a LogclassError is INTERNAL and its message
 * is never sent to a caller (it may hold paths, hosts or keys).
 */
export const ERROR_CODES = {
  INVALID_ARGUMENT: { http: 400 },
  UNAUTHENTICATED: { http: 401 },
  NOT_FOUND: { http: 404 },
  PAYLOAD_TOO_LARGE: { http: 413 },
  UNSUPPORTED_MEDIA_TYPE: { http: 415 },
  RESOURCE_EXHAUSTED: { http: 429 },
  FAILED_PRECONDITION: { http: 409 },
  UNAVAILABLE: { http: 503 },
  DEADLINE_EXCEEDED: { http: 504 },
  CANCELLED: { http: 499 },
  INTERNAL: { http: 500 },
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

export function toHttpError(err: unknown): { status: number; body: { error: ErrorCode; message: string } } {
  const { code, message } = publicError(err);
  return { status: ERROR_CODES[code].http, body: { error: code, message } };
}
