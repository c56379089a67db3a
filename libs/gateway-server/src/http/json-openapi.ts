import { MESSAGE_COLUMN, SOURCE_COLUMN } from '@logclass/csv-stream';
import type { PathItem, Schema } from '@logclass/openapi-types';
import { UNCLASSIFIED } from '@logclass/taxonomy';
import { CLASSIFY_ERRORS, gated, ref } from './openapi/openapi-shared';

/** POST /classify/json (json-route.ts). */
export const JSON_ROUTE_PATHS: Record<string, PathItem> = {
  '/classify/json': {
    post: gated({
      operationId: 'classifyJson',
      tags: ['classification'],
      summary: 'Classify a few records as JSON',
      description:
        'For programs sending a handful of lines (at most GATEWAY_MAX_JSON_RECORDS per request); large volumes belong in the ' +
        'CSV upload or the gRPC API. One result per record, in order. Without `columns` each result has tier, confidence and reason.',
      parameters: [ref('parameters', 'columns')],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'array', items: ref('schemas', 'LogRecord') },
            example: [{ source: 'ModernCRM', log_message: 'User User123 logged in.' }],
          },
        },
      },
      responses: {
        '200': {
          description: 'One result per record, in the order sent.',
          content: {
            'application/json': {
              schema: { type: 'array', items: ref('schemas', 'Result') },
              example: [{ label: 'User Action', tier: 'regex', confidence: 1, reason: 'rule user-login' }],
            },
          },
        },
        ...CLASSIFY_ERRORS,
      },
    }),
  },
};

/** The records it takes and the results it answers, as components. */
export const JSON_ROUTE_SCHEMAS: Record<string, Schema> = {
  LogRecord: {
    type: 'object',
    required: [MESSAGE_COLUMN],
    properties: {
      [SOURCE_COLUMN]: { type: 'string', description: 'The system that wrote the line; routing may depend on it.', example: 'ModernCRM' },
      [MESSAGE_COLUMN]: { type: 'string', description: `The log line. Empty comes back ${UNCLASSIFIED}.`, example: 'User User123 logged in.' },
    },
  },
  Result: {
    type: 'object',
    required: ['label'],
    properties: {
      label: { type: 'string', description: `A label of the taxonomy, or ${UNCLASSIFIED}.`, example: 'User Action' },
      tier: { type: 'string', description: 'The tier that decided; empty when Unclassified.', example: 'regex' },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      reason: { type: 'string', description: 'Why: matched rule, model probability, LLM answer, or why nothing decided.' },
      template: { type: 'string', description: 'The message with its variable parts masked.' },
    },
  },
};
