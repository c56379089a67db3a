import { ERROR_CODES, type ErrorCode } from '@logclass/classifier';
import { DEFAULT_CONTINUATION, DEFAULT_JSON_COLUMNS, DEFAULT_MESSAGE_FIELD, DEFAULT_SOURCE_FIELD, EXTRA_COLUMNS, LABEL_COLUMN, MESSAGE_COLUMN, SOURCE_COLUMN } from '@logclass/csv-stream';
import { UNCLASSIFIED } from '@logclass/taxonomy';
import type { OpenApiDocument, Operation, Parameter, Ref, Response } from '@logclass/openapi-types';
import { webUiOperations } from '@logclass/web-ui';

const ref = (kind: 'schemas' | 'responses' | 'parameters', name: string): Ref => ({ $ref: `#/components/${kind}/${name}` });

/** Every error answer of the REST API has this body (toHttpError); the codes come from the closed set. */
const errorResponse = (description: string, example: { error: ErrorCode; message: string }): Response => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'Error'), example } },
});

const columnsParameter: Parameter = {
  name: 'columns',
  in: 'query',
  required: false,
  description:
    `Columns to add after \`${LABEL_COLUMN}\`, comma-separated: ${EXTRA_COLUMNS.map((c) => `\`${c}\``).join(', ')}. ` +
    'tier = the tier that decided (empty when Unclassified); confidence = its probability or score; reason = why ' +
    '(matched rule, model probability, LLM answer, or why nothing decided); template = the message with variable parts masked. ' +
    'Unknown names are refused (400).',
  schema: { type: 'string', example: 'tier,confidence,reason' },
};

const neutralizeFormulasParameter: Parameter = {
  name: 'neutralize_formulas',
  in: 'query',
  required: false,
  description:
    "Prefix every output cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) " +
    "with `'`, so a CSV opened in Excel, LibreOffice or Sheets shows log text as text (CSV injection). Off by default: it changes the data.",
  schema: { type: 'boolean', default: false },
};

const sourceParameter: Parameter = {
  name: 'source',
  in: 'query',
  required: false,
  description:
    'Source of the records that carry none: every plain line, JSON lines without the source field, CSV rows with an empty ' +
    `\`${SOURCE_COLUMN}\` cell (the CSV may then have no \`${SOURCE_COLUMN}\` column at all). Routing may depend on it. Default: empty.`,
  schema: { type: 'string' },
};

const continuationParameter: Parameter = {
  name: 'continuation',
  in: 'query',
  required: false,
  description:
    'Plain lines only: a JavaScript regular expression, tested against the first 256 characters of each line, for the lines that ' +
    'continue the record above instead of starting one (joined with a newline). Absent: the default rule, ' +
    `\`${DEFAULT_CONTINUATION}\` (indented lines, \`Caused by:\`, \`at ...\` frames, \`... N more\`). Empty: every line is a record. ` +
    'A pattern that could backtrack catastrophically is refused (400). A record is complete once 200 ms pass without a continuation line.',
  schema: { type: 'string' },
};

const messageFieldParameter: Parameter = {
  name: 'message_field',
  in: 'query',
  required: false,
  description:
    'JSON lines only: dotted path of the message in each object (`log.message` reads `{"log":{"message":...}}`; a key that holds ' +
    `dots, such as \`service.name\`, is found whole first). Default \`${DEFAULT_MESSAGE_FIELD}\`.`,
  schema: { type: 'string', default: DEFAULT_MESSAGE_FIELD },
};

const sourceFieldParameter: Parameter = {
  name: 'source_field',
  in: 'query',
  required: false,
  description: `JSON lines only: dotted path of the source in each object; objects without it take \`source\`. Default \`${DEFAULT_SOURCE_FIELD}\`.`,
  schema: { type: 'string', default: DEFAULT_SOURCE_FIELD },
};

/**
 * Who may call. Only enforced when the gateway is configured with API keys;
 * `{}` keeps "no credentials" valid for gateways without them.
 */
const optionalKey: Operation['security'] = [{}, { apiKey: [] }, { bearer: [] }];
/**
 * Every route but the probes goes through the caller gate (API keys and the
 * per-caller rate limit, when configured): it may answer 401 or 429 first.
 */
function gated(operation: Omit<Operation, 'security'>): Operation {
  return {
    ...operation,
    responses: { ...operation.responses, '401': ref('responses', 'Unauthenticated'), '429': ref('responses', 'TooManyRequests') },
    security: optionalKey,
  };
}

/** Health probes never need a key: a load balancer or kubelet has none. */
const noKey: Operation['security'] = [{}];

/** What either classification route may answer instead of a result. */
const CLASSIFY_ERRORS: Operation['responses'] = {
  '400': ref('responses', 'BadRequest'),
  '413': ref('responses', 'PayloadTooLarge'),
  '415': ref('responses', 'UnsupportedMediaType'),
  '503': ref('responses', 'Unavailable'),
  '500': ref('responses', 'Internal'),
};

const JSONL_EXAMPLE =
  `{"${SOURCE_COLUMN}":"ModernCRM","${MESSAGE_COLUMN}":"User User123 logged in."}\n` +
  `{"${SOURCE_COLUMN}":"LegacyCRM","${MESSAGE_COLUMN}":"Case escalation for ticket ID 7324 failed because the assigned support agent is no longer active."}\n`;

const LINES_EXAMPLE =
  '2024-05-01 10:00:00 ERROR Request failed\njava.lang.IllegalStateException: boom\n\tat com.example.Service.run(Service.java:42)\n' +
  'Caused by: java.io.IOException: disk full\n\t... 12 more\n2024-05-01 10:00:01 INFO User User123 logged in.\n';

const CSV_EXAMPLE = `${SOURCE_COLUMN},${MESSAGE_COLUMN}\nModernCRM,User User123 logged in.\nLegacyCRM,"Case escalation for ticket ID 7324 failed because the assigned support agent is no longer active."\n`;

/** POST /classify, and the same under its original path /classify/ (`note` says so). */
function classifyOperation(operationId: string, note: string): Omit<Operation, 'security'> {
  return {
    operationId,
    tags: ['classification'],
    summary: 'Classify a CSV file, plain log lines or JSON lines',
    description:
      note +
      `Send a CSV whose header row names \`${SOURCE_COLUMN}\` and \`${MESSAGE_COLUMN}\` (other columns are kept), plain log lines ` +
      '(`text/plain`: one record a line, multi-line records such as stack traces joined, see `continuation`) or JSON lines ' +
      '(`application/x-ndjson`: one object a line, see `message_field`). The answer has one record per input record, in order, ' +
      'streamed while the body is classified (a partial batch is classified after 200 ms, so a slow stream is answered as it comes). ' +
      'Its format is the first of `text/csv` or `application/x-ndjson` named by the Accept header, else the input\'s kind: JSON lines ' +
      'in, JSON lines out; CSV or plain lines in, CSV out. A CSV answer is the input CSV (or, for lines and JSON lines, ' +
      `\`${SOURCE_COLUMN},${MESSAGE_COLUMN}\`) with \`${LABEL_COLUMN}\` and the requested \`columns\`; a JSON-lines answer is each ` +
      `input object (or CSV row, or \`{"${SOURCE_COLUMN}", "${MESSAGE_COLUMN}"}\`) with \`${LABEL_COLUMN}\` and the columns added ` +
      `(default ${DEFAULT_JSON_COLUMNS.join(', ')}). A line that is not valid JSON, not an object, has no message, or is not UTF-8 ` +
      `is answered in its place, \`${UNCLASSIFIED}\` with the problem as its reason. Problems found before the first output record ` +
      'are a 4xx; one found later (a malformed CSV row deep in the file) breaks the transfer, so a partial answer never looks complete. ' +
      'The largest body is GATEWAY_MAX_UPLOAD_BYTES; GATEWAY_MAX_CONCURRENT_UPLOADS are classified at once.',
    parameters: [
      ref('parameters', 'columns'),
      ref('parameters', 'neutralize_formulas'),
      ref('parameters', 'source'),
      ref('parameters', 'continuation'),
      ref('parameters', 'message_field'),
      ref('parameters', 'source_field'),
    ],
    requestBody: {
      required: true,
      description: 'A multipart form with the CSV file in the field `file`, or the CSV, plain lines or JSON lines as the body.',
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary', description: 'The CSV file (UTF-8, a header row first).' } },
          },
        },
        'text/csv': { schema: { type: 'string', format: 'binary' }, example: CSV_EXAMPLE },
        'application/csv': { schema: { type: 'string', format: 'binary' } },
        'text/plain': { schema: { type: 'string', format: 'binary' }, example: LINES_EXAMPLE },
        'application/x-ndjson': { schema: { type: 'string', format: 'binary' }, example: JSONL_EXAMPLE },
        'application/jsonl': { schema: { type: 'string', format: 'binary' } },
      },
    },
    responses: {
      '200': {
        description: `One record per input record, in order, with \`${LABEL_COLUMN}\` and the requested columns.`,
        headers: { 'content-disposition': { description: 'attachment; filename="classified.csv" (or classified.jsonl)', schema: { type: 'string' } } },
        content: {
          'text/csv': {
            schema: { type: 'string' },
            example: `${SOURCE_COLUMN},${MESSAGE_COLUMN},${LABEL_COLUMN}\nModernCRM,User User123 logged in.,User Action\n`,
          },
          'application/x-ndjson': {
            schema: { type: 'string' },
            example: `{"${SOURCE_COLUMN}":"ModernCRM","${MESSAGE_COLUMN}":"User User123 logged in.","${LABEL_COLUMN}":"User Action","tier":"regex","confidence":1,"reason":"rule user-logged-in"}\n`,
          },
        },
      },
      ...CLASSIFY_ERRORS,
    },
  };
}

/**
 * The gateway's REST API as OpenAPI 3.0, served at GET /openapi.json and
 * rendered by Swagger UI at GET /docs. This is the one place it is written;
 * test/openapi/openapi.spec.ts checks it is valid and that it names exactly the
 * routes the gateway registers.
 */
export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'logclass gateway',
    version: '1',
    description:
      'Hybrid log classification. Send log records (`source`, `log_message`) and get back one label of the taxonomy, ' +
      'decided by the cheapest tier that can (regex, then embedding + logistic regression, then an LLM). Whatever no ' +
      `tier decides comes back \`${UNCLASSIFIED}\` with the reason. Errors are JSON \`{"error": CODE, "message": text}\`.`,
  },
  tags: [
    { name: 'classification', description: 'Label log records.' },
    { name: 'feedback', description: 'Corrections that the next training run learns from.' },
    { name: 'health', description: 'Probes for load balancers and orchestrators.' },
    { name: 'web', description: 'The web page, these docs and their static files.' },
  ],
  paths: {
    '/classify': { post: gated(classifyOperation('classifyCsv', '')) },
    '/classify/': {
      post: gated(
        classifyOperation(
          'classifyTrailingSlash',
          'The original project\'s route, with its trailing slash: it behaves exactly as `POST /classify` (same body, parameters ' +
            'and answers), so its clients work unchanged. ',
        ),
      ),
    },
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
    '/feedback': {
      post: gated({
        operationId: 'submitCorrections',
        tags: ['feedback'],
        summary: 'Send corrections: the label some lines should have had',
        description:
          'Appends operators\' corrections to the corrections CSV (GATEWAY_FEEDBACK_FILE) that the next `logclass train` learns from. ' +
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
            description: 'Every correction is on disk.',
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
    '/healthz': {
      get: {
        operationId: 'liveness',
        tags: ['health'],
        summary: 'Liveness: the process is up',
        description: 'Stays 200 while the gateway drains before shutdown: the process is fine, it is just leaving.',
        responses: {
          '200': {
            description: 'Alive.',
            content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } } },
          },
        },
        security: noKey,
      },
    },
    '/readyz': {
      get: {
        operationId: 'readiness',
        tags: ['health'],
        summary: 'Readiness: each tier\'s health and circuit breaker',
        description: '200 while the gateway can classify (all tiers usable, or `degraded`); 503 when no tier is usable or the gateway is shutting down.',
        responses: {
          '200': { description: 'Ready or degraded.', content: { 'application/json': { schema: ref('schemas', 'Readiness') } } },
          '503': {
            description: 'No tier usable (a readiness report), or shutting down (an error body).',
            content: { 'application/json': { schema: ref('schemas', 'Readiness') } },
          },
        },
        security: noKey,
      },
    },
    '/metrics': {
      get: gated({
        operationId: 'metrics',
        tags: ['health'],
        summary: 'Prometheus metrics',
        description:
          'Process, REST request, record and per-tier call metrics (latency, outcomes, circuit breaker state) in the Prometheus text format. ' +
          'Needs an API key when keys are configured and metrics are protected.',
        responses: {
          '200': { description: 'Prometheus exposition.', content: { 'text/plain': { schema: { type: 'string' }, example: 'logclass_http_requests_total{route="/classify",status="200"} 3\n' } } },
        },
      }),
    },
    '/openapi.json': {
      get: gated({
        operationId: 'openapi',
        tags: ['web'],
        summary: 'This API description (OpenAPI 3.0)',
        responses: { '200': { description: 'The document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      }),
    },
    ...Object.fromEntries(
      Object.entries(webUiOperations(errorResponse('No such file.', { error: 'NOT_FOUND', message: 'no file x.js' }))).map(([path, get]) => [
        path,
        { get: gated(get) },
      ]),
    ),
  },
  components: {
    parameters: {
      columns: columnsParameter,
      neutralize_formulas: neutralizeFormulasParameter,
      source: sourceParameter,
      continuation: continuationParameter,
      message_field: messageFieldParameter,
      source_field: sourceFieldParameter,
    },
    securitySchemes: {
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'Required only when the gateway is configured with API keys.' },
      bearer: { type: 'http', scheme: 'bearer', description: 'The same API key as `Authorization: Bearer KEY`.' },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'message'],
        properties: {
          error: { type: 'string', enum: [...ERROR_CODES], description: 'A code of the closed error set.' },
          message: { type: 'string', description: 'What went wrong, worded for the caller (names the setting behind a limit).' },
        },
      },
      LogRecord: {
        type: 'object',
        required: [MESSAGE_COLUMN],
        properties: {
          [SOURCE_COLUMN]: { type: 'string', description: 'The system that wrote the line; routing may depend on it.', example: 'ModernCRM' },
          [MESSAGE_COLUMN]: { type: 'string', description: `The log line. Empty comes back ${UNCLASSIFIED}.`, example: 'User User123 logged in.' },
        },
      },
      Correction: {
        type: 'object',
        required: [MESSAGE_COLUMN, 'label'],
        properties: {
          [SOURCE_COLUMN]: { type: 'string', example: 'ModernCRM' },
          [MESSAGE_COLUMN]: { type: 'string', description: 'The log line (non-empty, at most 8192 characters).' },
          label: { type: 'string', description: 'The label it should have had: a label of the taxonomy.', example: 'Critical Error' },
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
      Readiness: {
        type: 'object',
        required: ['status', 'tiers'],
        properties: {
          status: { type: 'string', enum: ['ready', 'degraded', 'unavailable'] },
          tiers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'address', 'health', 'breaker'],
              properties: {
                name: { type: 'string', example: 'regex' },
                address: { type: 'string', example: '127.0.0.1:50051' },
                health: { type: 'string', description: 'grpc.health.v1 status, or UNREACHABLE.', example: 'SERVING' },
                breaker: { type: 'string', enum: ['closed', 'open', 'half-open'] },
                lastError: { type: 'string' },
              },
            },
          },
          otlp: {
            type: 'object',
            description: 'The OTLP logs receiver, when on: its ports, requests in flight, and what the downstream last answered (failing makes a ready gateway degraded).',
            required: ['inFlight', 'maxInFlight', 'exporter'],
            properties: {
              grpcPort: { type: 'integer' },
              httpPort: { type: 'integer' },
              inFlight: { type: 'integer' },
              maxInFlight: { type: 'integer' },
              exporter: {
                type: 'object',
                required: ['state', 'consecutiveFailures'],
                properties: {
                  state: { type: 'string', enum: ['not-configured', 'unknown', 'ok', 'failing'] },
                  protocol: { type: 'string', enum: ['grpc', 'http/protobuf', 'http/json'] },
                  lastError: { type: 'string', example: 'downstream answered gRPC UNAVAILABLE' },
                  consecutiveFailures: { type: 'integer' },
                },
              },
            },
          },
        },
      },
    },
    responses: {
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
    },
  },
};
