/**
 * The closed set of errors logclass reports. Each transport gives every code
 * its status in one table (gRPC: libs/grpc-status; HTTP: the gateway's
 * http-errors.ts). Everything thrown that is not a LogclassError is INTERNAL
 * and its message is never sent to a caller (it may hold paths, hosts or keys).
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'CANCELLED',
  'INTERNAL',
  // A classifier broke its contract: not one result per record (see one-result-per-record.ts).
  'WRONG_RESULT_COUNT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

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
