import { invalidArgument, LogclassError } from '@logclass/classifier';
import type { Taxonomy } from '@logclass/taxonomy';
import type { Correction } from '@logclass/corrections';

/** Longest log_message kept in a correction: a correction is one line, not a file. */
export const MAX_CORRECTION_MESSAGE_CHARS = 8192;

/**
 * Checks a POST /feedback body: a JSON array of {source, log_message, label}
 * where label is a taxonomy label in any case or spacing ("http status").
 * Names the first bad element; nothing is written unless every element is good.
 */
export function correctionsFromJson(body: unknown, taxonomy: Taxonomy, maxRecords: { count: number; setting: string }): Correction[] {
  if (!Array.isArray(body)) throw invalidArgument('the body must be a JSON array of {"source": ..., "log_message": ..., "label": ...} objects');
  if (body.length > maxRecords.count) {
    throw new LogclassError('PAYLOAD_TOO_LARGE', `${body.length} corrections exceed the limit of ${maxRecords.count} per request (${maxRecords.setting}); send them in several requests`);
  }
  return body.map((item: unknown, i): Correction => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidArgument(`body[${i}] must be an object with source, log_message and label`);
    const { source, log_message: logMessage, label } = item as Record<string, unknown>;
    if (typeof logMessage !== 'string' || logMessage.trim() === '') throw invalidArgument(`body[${i}].log_message must be a non-empty string`);
    if (logMessage.length > MAX_CORRECTION_MESSAGE_CHARS) throw invalidArgument(`body[${i}].log_message is longer than ${MAX_CORRECTION_MESSAGE_CHARS} characters`);
    if (source !== undefined && source !== null && typeof source !== 'string') throw invalidArgument(`body[${i}].source must be a string`);
    if (typeof label !== 'string') throw invalidArgument(`body[${i}].label must be a string`);
    const canonical = taxonomy.resolve(label);
    // "Unclassified" never resolves: it is an outcome, not something a model can be taught.
    if (!canonical) throw invalidArgument(`body[${i}].label "${label}" is not in the taxonomy (${taxonomy.names.join(', ')})`);
    return { source: source ?? '', logMessage, label: canonical };
  });
}
