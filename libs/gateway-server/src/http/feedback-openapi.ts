import { MESSAGE_COLUMN, SOURCE_COLUMN } from '@logclass/csv-stream';
import type { PathItem, Schema } from '@logclass/openapi-types';
import { UNCLASSIFIED } from '@logclass/taxonomy';
import { gated, ref } from './openapi/openapi-shared';

/** POST /feedback (feedback-route.ts). */
export const FEEDBACK_ROUTE_PATHS: Record<string, PathItem> = {
  '/feedback': {
    post: gated({
      operationId: 'submitCorrections',
      tags: ['feedback'],
      summary: 'Send corrections: the label some lines should have had',
      description:
        'Records operators\' corrections. With the template-label store (GATEWAY_STORE), each becomes the operator\'s decision for its line\'s ' +
        '(source, masked template), which every LLM-tier replica serves instead of its own answer within about a second. ' +
        'Unless the store is PostgreSQL (then the one place every gateway replica keeps them), each is also appended to the corrections CSV ' +
        '(GATEWAY_FEEDBACK_FILE). The next `logclass train` learns from both. ' +
        `A label is a taxonomy label in any case or spacing (\`${UNCLASSIFIED}\` is not one). All or nothing: one bad element ` +
        'and nothing is written. At most GATEWAY_MAX_FEEDBACK_RECORDS per request.',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'array', items: ref('schemas', 'Correction') },
            example: [{ source: 'ModernCRM', log_message: 'Email service degraded for 4 minutes', label: 'Critical Error' }],
          },
        },
      },
      responses: {
        '202': {
          description: 'Every correction is kept (in the store and/or the file).',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['accepted'], properties: { accepted: { type: 'integer', minimum: 0 } } },
              example: { accepted: 1 },
            },
          },
        },
        '400': ref('responses', 'BadRequest'),
        '413': ref('responses', 'PayloadTooLarge'),
        '415': ref('responses', 'UnsupportedMediaType'),
        '503': ref('responses', 'Unavailable'),
        '500': ref('responses', 'Internal'),
      },
    }),
  },
};

/** The corrections it takes, as a component. */
export const FEEDBACK_ROUTE_SCHEMAS: Record<string, Schema> = {
  Correction: {
    type: 'object',
    required: [MESSAGE_COLUMN, 'label'],
    properties: {
      [SOURCE_COLUMN]: { type: 'string', example: 'ModernCRM' },
      [MESSAGE_COLUMN]: { type: 'string', description: 'The log line (non-empty, at most 8192 characters).' },
      label: { type: 'string', description: 'The label it should have had: a label of the taxonomy.', example: 'Critical Error' },
    },
  },
};
