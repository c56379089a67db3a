import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { invalidArgument, LogclassError, publicError, type ErrorCode } from '@logclass/classifier';
import type { Logger } from '@logclass/observability';
import { tooLarge, type SizeLimit } from './byte-limit';

/** The HTTP status of each code of the closed error set. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 409,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  CANCELLED: 499,
  INTERNAL: 500,
  WRONG_RESULT_COUNT: 500,
};

/** What a REST caller gets for an error: its status and a body with the code and a safe message (see publicError). */
export function toHttpError(err: unknown): { status: number; body: { error: ErrorCode; message: string } } {
  const { code, message } = publicError(err);
  return { status: HTTP_STATUS[code], body: { error: code, message } };
}

/** Per-route facts the error handler needs to word its answer. */
export interface RouteErrorContext {
  /** The limit that applies to this route's body. */
  bodyLimit?: SizeLimit;
  /** Content types the route accepts, named in a 415. */
  accepts?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    errors?: RouteErrorContext;
  }
}

/**
 * Fastify's and its plugins' own refusals (body too large, wrong media type,
 * bad JSON) carry a 4xx status: they become the LogclassError a caller should
 * see. Anything else stays as it is, so toHttpError turns an unexpected error
 * into a bare 500 that leaks nothing.
 */
export function asLogclassError(err: unknown, request: FastifyRequest): unknown {
  if (err instanceof LogclassError) return err;
  const e = err as Partial<FastifyError>;
  const status = e.statusCode ?? 500;
  if (status >= 500 || status < 400) return err;
  const context = request.routeOptions.config.errors ?? {};
  if (status === 413) return context.bodyLimit ? tooLarge('the request body', context.bodyLimit) : new LogclassError('PAYLOAD_TOO_LARGE', 'request body too large');
  if (status === 415) {
    return new LogclassError('UNSUPPORTED_MEDIA_TYPE', `unsupported Content-Type${context.accepts ? `: send ${context.accepts}` : ''}`);
  }
  if (e instanceof SyntaxError) return invalidArgument(`the body is not valid JSON: ${e.message}`);
  // Other 4xx from Fastify or multipart (empty body, malformed multipart...): their messages describe the request only.
  return invalidArgument(e.message ?? 'bad request');
}

/** Every error answer of the REST API goes through toHttpError, here and only here. */
export function installErrorHandling(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toHttpError(asLogclassError(err, request));
    if (status >= 500) log.error({ err, url: request.url, method: request.method }, 'request failed');
    else log.debug({ url: request.url, status, message: body.message }, 'request refused');
    // A body still arriving after a 413 would only be thrown away: close the connection.
    if (status === 413) reply.header('connection', 'close');
    return reply.code(status).type('application/json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = toHttpError(new LogclassError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
    return reply.code(status).send(body);
  });
}
