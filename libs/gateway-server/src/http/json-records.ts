import type { Classification, LogRecord } from '@logclass/contract';
import { invalidArgument, LogclassError } from '@logclass/classifier';
import { extraValue, type ExtraColumn } from '@logclass/csv-stream';

/**
 * Checks a POST /classify/json body: an array of {source, log_message}.
 * Names the first bad element so the caller can fix it; an empty
 * log_message is allowed (it comes back Unclassified, as in a CSV).
 */
export function recordsFromJson(body: unknown, maxRecords: { count: number; setting: string }): LogRecord[] {
  if (!Array.isArray(body)) throw invalidArgument('the body must be a JSON array of {"source": ..., "log_message": ...} objects');
  if (body.length > maxRecords.count) {
    throw new LogclassError(
      'PAYLOAD_TOO_LARGE',
      `${body.length} records exceed the limit of ${maxRecords.count} per request (${maxRecords.setting}); upload a CSV to POST /classify instead`,
    );
  }
  return body.map((item: unknown, i): LogRecord => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidArgument(`body[${i}] must be an object with source and log_message`);
    const { source, log_message: logMessage } = item as Record<string, unknown>;
    if (typeof logMessage !== 'string') throw invalidArgument(`body[${i}].log_message must be a string`);
    if (source !== undefined && source !== null && typeof source !== 'string') throw invalidArgument(`body[${i}].source must be a string`);
    return { source: source ?? '', logMessage };
  });
}

/** One result as the JSON API answers it: the label and the requested columns. */
export function resultToJson(result: Classification, columns: readonly ExtraColumn[]): Record<string, string | number> {
  const out: Record<string, string | number> = { label: result.label };
  for (const c of columns) out[c] = c === 'confidence' ? result.confidence : extraValue(c, result);
  return out;
}
