import type { Operation, PathItem, Ref, Response, Schema } from '@logclass/openapi-types';
import { LIST_SORTS, MAX_LIST_LIMIT, OPERATOR } from '@logclass/template-store';
import { UNCLASSIFIED } from '@logclass/taxonomy';
import { errorResponse, gated, optionalQuery, ref } from './openapi/openapi-shared';

const STORE_ERRORS: Operation['responses'] = {
  '409': errorResponse('The gateway has no template-label store to review (GATEWAY_STORE=none).', {
    error: 'FAILED_PRECONDITION',
    message: 'the review needs the template-label store: set GATEWAY_STORE (and GATEWAY_STORE_FILE or GATEWAY_STORE_URL) as the LLM tier has them',
  }),
  '503': errorResponse('The template-label store could not be reached (or the gateway is shutting down).', {
    error: 'UNAVAILABLE',
    message: 'the template-label store (postgres) failed: connect ECONNREFUSED 127.0.0.1:5432',
  }),
  '500': ref('responses', 'Internal'),
};

const NO_ENTRY = errorResponse('No entry for that scope and template (deleted meanwhile, or evicted).', {
  error: 'NOT_FOUND',
  message: 'no template-label store entry for template "Case <NUM> escalation failed" in scope "LegacyCRM"',
});

/** A confirm, correct or delete: a JSON body naming the entry (and the new label). */
function action(operationId: string, summary: string, description: string, body: Schema | Ref, ok: Response): Operation {
  return gated({
    operationId,
    tags: ['review'],
    summary,
    description,
    requestBody: { required: true, content: { 'application/json': { schema: body } } },
    responses: {
      '200': ok,
      '400': ref('responses', 'BadRequest'),
      '404': NO_ENTRY,
      '413': ref('responses', 'PayloadTooLarge'),
      '415': ref('responses', 'UnsupportedMediaType'),
      ...STORE_ERRORS,
    },
  });
}

const entryAnswer: Response = { description: 'The entry as it is now.', content: { 'application/json': { schema: { type: 'object', required: ['entry'], properties: { entry: ref('schemas', 'ReviewEntry') } } } } };

/** GET /review/entries and the actions on one entry (review-route.ts). */
export const REVIEW_ROUTE_PATHS: Record<string, PathItem> = {
  '/review/entries': {
    get: gated({
      operationId: 'listReviewEntries',
      tags: ['review'],
      summary: "List the LLM tier's template-label store: what it decided per template, most rows first",
      description:
        'Every LLM answer and operator decision the LLM tier keeps per (scope, template), shared by its replicas, with who decided it, ' +
        'how many rows it answered, an exemplar line and where the answer came from (provenance: the call, how many records it carried, ' +
        'whether the line looked like instructions to the model). Filters combine; pages are stable (ties broken by key).',
      parameters: [
        optionalQuery('label', `Only entries with this label (any case or spacing); \`${UNCLASSIFIED}\` for those the LLM found no label for.`, { type: 'string' }),
        optionalQuery('decided_by', `Only entries decided by \`${OPERATOR}\` or by this LLM model id.`, { type: 'string' }),
        optionalQuery('scope', 'Only entries of this scope (the records\' source).', { type: 'string' }),
        optionalQuery('confirmed', 'Only entries an operator confirmed (true) or not (false).', { type: 'boolean' }),
        optionalQuery('suspect', 'Only entries whose line looked like instructions to the model (true), or the others (false).', { type: 'boolean' }),
        optionalQuery('sort', '`rows`: most rows answered first (default); `recent`: latest decision first.', { type: 'string', enum: [...LIST_SORTS], default: 'rows' }),
        optionalQuery('limit', 'Entries per page.', { type: 'integer', minimum: 1, maximum: MAX_LIST_LIMIT, default: 50 }),
        optionalQuery('offset', 'Entries skipped (the page is `offset / limit`).', { type: 'integer', minimum: 0, default: 0 }),
      ],
      responses: {
        '200': {
          description: 'One page of entries and how many match in all.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['total', 'limit', 'offset', 'labels', 'entries'],
                properties: {
                  total: { type: 'integer', minimum: 0 },
                  limit: { type: 'integer' },
                  offset: { type: 'integer' },
                  labels: { type: 'array', items: { type: 'string' }, description: 'The labels a correction may name (GATEWAY_TAXONOMY_FILE).' },
                  entries: { type: 'array', items: ref('schemas', 'ReviewEntry') },
                },
              },
            },
          },
        },
        '400': ref('responses', 'BadRequest'),
        ...STORE_ERRORS,
      },
    }),
  },
  '/review/entries/confirm': {
    post: action(
      'confirmReviewEntry',
      'Confirm an entry: an operator vouches for its label',
      'A confirmed entry is served under any LLM model and kept against new LLM answers and eviction; `logclass train` can take confirmed entries only.',
      ref('schemas', 'ReviewEntryKey'),
      entryAnswer,
    ),
  },
  '/review/entries/correct': {
    post: action(
      'correctReviewEntry',
      "Correct an entry: the operator's label replaces the LLM's",
      'The entry becomes an operator decision in the store every LLM-tier replica reads: each serves it once its memory of the old answer expires ' +
        '(LLM_STORE_REFRESH_MS), and no LLM answer replaces it. The correction (source = scope, the exemplar line, the label) is also appended ' +
        'to the corrections CSV, as POST /feedback does, for the next `logclass train`.',
      {
        type: 'object',
        required: ['scope', 'template', 'label'],
        properties: {
          scope: { type: 'string', example: 'LegacyCRM' },
          template: { type: 'string', example: 'Case <NUM> escalation failed' },
          label: { type: 'string', description: `A label of the taxonomy, any case or spacing (\`${UNCLASSIFIED}\` is not one).`, example: 'Security Alert' },
        },
      },
      entryAnswer,
    ),
  },
  '/review/entries/delete': {
    post: action(
      'deleteReviewEntry',
      'Delete an entry: the next row of that template is asked of the LLM again',
      'Replicas holding the answer in memory serve it until it expires there (LLM_STORE_REFRESH_MS).',
      ref('schemas', 'ReviewEntryKey'),
      { description: 'Deleted.', content: { 'application/json': { schema: { type: 'object', required: ['deleted'], properties: { deleted: { type: 'boolean', description: 'Always true.' } } } } } },
    ),
  },
};

/** The entry and its key, as components. */
export const REVIEW_ROUTE_SCHEMAS: Record<string, Schema> = {
  ReviewEntryKey: {
    type: 'object',
    required: ['scope', 'template'],
    properties: {
      scope: { type: 'string', description: 'As listed (the records\' source; may be empty).', example: 'LegacyCRM' },
      template: { type: 'string', description: 'As listed.', example: 'Case <NUM> escalation failed' },
    },
  },
  ReviewEntry: {
    type: 'object',
    required: ['scope', 'template', 'label', 'answer', 'decided_by', 'decided_at', 'confirmed_at', 'rows_answered', 'last_used_at', 'exemplar', 'model', 'taxonomy_hash', 'current_taxonomy', 'provenance'],
    properties: {
      scope: { type: 'string' },
      template: { type: 'string' },
      // OpenAPI 3.0 says "may be null" with nullable, which these types leave out: no type, so either passes.
      label: { description: `A label of the taxonomy (string), or null: the LLM found no label that fits (${UNCLASSIFIED}).` },
      answer: { type: 'string', description: 'What the decider said (the raw LLM answer; the label for an operator).' },
      decided_by: { type: 'string', description: `\`${OPERATOR}\`, or the LLM model id.` },
      decided_at: { type: 'string', format: 'date-time' },
      confirmed_at: { description: 'When an operator confirmed it (date-time string), or null.' },
      rows_answered: { type: 'integer', minimum: 0 },
      last_used_at: { type: 'string', format: 'date-time' },
      exemplar: { type: 'string', description: 'One log line of the template, as it was seen (attacker-controlled text).' },
      model: { type: 'string', description: 'The LLM model the answer was made under.' },
      taxonomy_hash: { type: 'string' },
      current_taxonomy: { type: 'boolean', description: "Made under the gateway's taxonomy (GATEWAY_TAXONOMY_FILE); the LLM tier serves only entries of its own." },
      provenance: {
        type: 'object',
        required: ['prompt_version', 'call_id', 'call_records', 'suspect'],
        properties: {
          prompt_version: { type: 'string', description: "The LLM tier's prompt version; empty for an operator's decision." },
          call_id: { type: 'string', description: 'The chat call that answered: entries answered together share it.' },
          call_records: { type: 'integer', minimum: 0, description: 'Records that call carried: 1 = asked alone; 0 = unknown.' },
          suspect: { type: 'boolean', description: 'The line looked like instructions to the model, so it was asked alone.' },
        },
      },
    },
  },
};
