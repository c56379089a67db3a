import { DEFAULT_CONTINUATION, DEFAULT_JSON_COLUMNS, DEFAULT_MESSAGE_FIELD, DEFAULT_SOURCE_FIELD, LABEL_COLUMN, MESSAGE_COLUMN, SOURCE_COLUMN } from '@logclass/csv-stream';
import type { Operation, Parameter, PathItem } from '@logclass/openapi-types';
import { UNCLASSIFIED } from '@logclass/taxonomy';
import { CLASSIFY_ERRORS, gated, optionalQuery, ref } from './openapi/openapi-shared';

/** The query parameters only POST /classify takes, as components (both of its paths refer to them). */
export const CSV_ROUTE_PARAMETERS: Record<string, Parameter> = {
  neutralize_formulas: optionalQuery(
    'neutralize_formulas',
    "Prefix every output cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) " +
      "with `'`, so a CSV opened in Excel, LibreOffice or Sheets shows log text as text (CSV injection). Off by default: it changes the data.",
    { type: 'boolean', default: false },
  ),
  source: optionalQuery(
    'source',
    'Source of the records that carry none: every plain line, JSON lines without the source field, CSV rows with an empty ' +
      `\`${SOURCE_COLUMN}\` cell (the CSV may then have no \`${SOURCE_COLUMN}\` column at all). Routing may depend on it. Default: empty.`,
    { type: 'string' },
  ),
  continuation: optionalQuery(
    'continuation',
    'Plain lines only: a JavaScript regular expression, tested against the first 256 characters of each line, for the lines that ' +
      'continue the record above instead of starting one (joined with a newline). Absent: the default rule, ' +
      `\`${DEFAULT_CONTINUATION}\` (indented lines, \`Caused by:\`, \`at ...\` frames, \`... N more\`). Empty: every line is a record. ` +
      'A pattern that could backtrack catastrophically is refused (400). A record is complete once 200 ms pass without a continuation line.',
    { type: 'string' },
  ),
  message_field: optionalQuery(
    'message_field',
    'JSON lines only: dotted path of the message in each object (`log.message` reads `{"log":{"message":...}}`; a key that holds ' +
      `dots, such as \`service.name\`, is found whole first). Default \`${DEFAULT_MESSAGE_FIELD}\`.`,
    { type: 'string', default: DEFAULT_MESSAGE_FIELD },
  ),
  source_field: optionalQuery(
    'source_field',
    `JSON lines only: dotted path of the source in each object; objects without it take \`source\`. Default \`${DEFAULT_SOURCE_FIELD}\`.`,
    { type: 'string', default: DEFAULT_SOURCE_FIELD },
  ),
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

/** POST /classify (csv-route.ts), and its original path with a trailing slash. */
export const CSV_ROUTE_PATHS: Record<string, PathItem> = {
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
};
