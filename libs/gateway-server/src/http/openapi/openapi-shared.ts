import { ERROR_CODES, type ErrorCode } from '@logclass/classifier';
import { EXTRA_COLUMNS, LABEL_COLUMN } from '@logclass/csv-stream';
import type { Operation, Parameter, Ref, Response, Schema, SecurityScheme } from '@logclass/openapi-types';

/**
 * What the descriptions of the gateway's routes share: references into the
 * document's components, the error answers, who may call. Each route's own
 * operations are written next to the route (`*-openapi.ts`); openapi-document.ts
 * puts them together.
 */

export const ref = (kind: 'schemas' | 'responses' | 'parameters', name: string): Ref => ({ $ref: `#/components/${kind}/${name}` });

/** Every error answer of the REST API has this body (toHttpError); the codes come from the closed set. */
export const errorResponse = (description: string, example: { error: ErrorCode; message: string }): Response => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'Error'), example } },
});

/** A query parameter a caller may leave out. */
export const optionalQuery = (name: string, description: string, schema: Schema): Parameter => ({ name, in: 'query', required: false, description, schema });

/** The columns either classification route adds to each record. */
export const columnsParameter: Parameter = optionalQuery(
  'columns',
  `Columns to add after \`${LABEL_COLUMN}\`, comma-separated: ${EXTRA_COLUMNS.map((c) => `\`${c}\``).join(', ')}. ` +
    'tier = the tier that decided (empty when Unclassified); confidence = its probability or score; reason = why ' +
    '(matched rule, model probability, LLM answer, or why nothing decided); template = the message with variable parts masked. ' +
    'Unknown names are refused (400).',
  { type: 'string', example: 'tier,confidence,reason' },
);

/**
 * Who may call. Only enforced when the gateway is configured with API keys;
 * `{}` keeps "no credentials" valid for gateways without them.
 */
const optionalKey: Operation['security'] = [{}, { apiKey: [] }, { bearer: [] }];

/**
 * Every route but the probes goes through the caller gate (API keys and the
 * per-caller rate limit, when configured): it may answer 401 or 429 first.
 */
export function gated(operation: Omit<Operation, 'security'>): Operation {
  return {
    ...operation,
    responses: { ...operation.responses, '401': ref('responses', 'Unauthenticated'), '429': ref('responses', 'TooManyRequests') },
    security: optionalKey,
  };
}

/** Health probes never need a key: a load balancer or kubelet has none. */
export const noKey: Operation['security'] = [{}];

/** What either classification route may answer instead of a result. */
export const CLASSIFY_ERRORS: Operation['responses'] = {
  '400': ref('responses', 'BadRequest'),
  '413': ref('responses', 'PayloadTooLarge'),
  '415': ref('responses', 'UnsupportedMediaType'),
  '503': ref('responses', 'Unavailable'),
  '500': ref('responses', 'Internal'),
};

/** The body of every error answer. */
export const ERROR_SCHEMA: Schema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', enum: [...ERROR_CODES], description: 'A code of the closed error set.' },
    message: { type: 'string', description: 'What went wrong, worded for the caller (names the setting behind a limit).' },
  },
};

/** The error answers the routes refer to by name. */
export const ERROR_RESPONSES: Record<string, Response> = {
  BadRequest: errorResponse('The request is malformed: no file, missing CSV columns, unknown `columns`, bad JSON...', {
    error: 'INVALID_ARGUMENT',
    message: 'missing required column "log_message" in the header row (found "source", "message")',
  }),
  PayloadTooLarge: errorResponse('The body (or the record count) exceeds a configured limit, named in the message.', {
    error: 'PAYLOAD_TOO_LARGE',
    message: 'the upload exceeds the limit of 536870912 bytes (GATEWAY_MAX_UPLOAD_BYTES)',
  }),
  UnsupportedMediaType: errorResponse('The Content-Type is not one this route accepts.', {
    error: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'unsupported Content-Type: send application/json',
  }),
  Unauthenticated: errorResponse('The gateway requires an API key (GATEWAY_API_KEYS) and none or a wrong one was sent.', {
    error: 'UNAUTHENTICATED',
    message: 'missing or invalid API key (send x-api-key or authorization: Bearer)',
  }),
  TooManyRequests: errorResponse(
    'Too many requests of this kind are being classified, or the caller is over its rate limit (GATEWAY_RATE_LIMIT_RPS; a `retry-after` header says when to retry).',
    {
      error: 'RESOURCE_EXHAUSTED',
      message: 'CSV uploads (GATEWAY_MAX_CONCURRENT_UPLOADS): queue full (4 running, 0 waiting); retry later',
    },
  ),
  Unavailable: errorResponse('The gateway is shutting down; retry on another instance.', {
    error: 'UNAVAILABLE',
    message: 'the gateway is shutting down; retry on another instance',
  }),
  Internal: errorResponse('An unexpected failure; the message never carries details.', { error: 'INTERNAL', message: 'internal error' }),
};

export const SECURITY_SCHEMES: Record<string, SecurityScheme> = {
  apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'Required only when the gateway is configured with API keys.' },
  bearer: { type: 'http', scheme: 'bearer', description: 'The same API key as `Authorization: Bearer KEY`.' },
};
