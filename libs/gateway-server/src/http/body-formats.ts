import type { FastifyRequest } from 'fastify';
import { defaultOutputFormat, type InputFormat, type OutputFormat } from '@logclass/csv-stream';
import { JSONL_CONTENT_TYPES, LINES_CONTENT_TYPES } from './upload-source';

/** The media type of a Content-Type or Accept entry, without parameters, lower-cased. */
const mediaType = (value: string) => value.split(';')[0].trim().toLowerCase();

/** What a POST /classify body is, by its Content-Type: a multipart upload is a CSV file. */
export function inputFormatOf(request: FastifyRequest): InputFormat {
  if (request.isMultipart()) return 'csv';
  const type = mediaType(request.headers['content-type'] ?? '');
  if (LINES_CONTENT_TYPES.includes(type)) return 'lines';
  if (JSONL_CONTENT_TYPES.includes(type)) return 'jsonl';
  return 'csv';
}

/**
 * What to answer in: the first of text/csv or JSON lines that the Accept
 * header names (in the order written; quality values are not weighed), or
 * else the input's own kind (JSON lines for JSON lines, CSV otherwise).
 */
export function outputFormatFor(accept: string | undefined, input: InputFormat): OutputFormat {
  for (const entry of (accept ?? '').split(',')) {
    const type = mediaType(entry);
    if (type === 'text/csv') return 'csv';
    if (JSONL_CONTENT_TYPES.includes(type)) return 'jsonl';
  }
  return defaultOutputFormat(input);
}

/** Content-Type and file name of an answer in each output format. */
export const OUTPUT_MEDIA: Record<OutputFormat, { type: string; file: string }> = {
  csv: { type: 'text/csv; charset=utf-8', file: 'classified.csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', file: 'classified.jsonl' },
};
