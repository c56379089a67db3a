import type { InputRecord } from './join-lines';
import { valueAt } from './field-path';
import type { Line } from './read-lines';

export interface JsonLineOptions {
  /** Dotted path of the message in each object. */
  messageField: string;
  /** Dotted path of the source; records without it get `source`. */
  sourceField: string;
  source: string;
}

/** Longest part of a bad line quoted in its problem. */
const QUOTED = 60;

/**
 * One JSON line to a record. A line that is not a JSON object, or has no
 * text at the message field, is still a record: its raw text is the message
 * and the problem says what is wrong, so it is answered (Unclassified) in
 * its place and nothing is lost.
 */
export function jsonLineRecord(line: Line, opts: JsonLineOptions): InputRecord {
  const raw = (problem: string): InputRecord => ({ record: { source: opts.source, logMessage: line.text }, problem });
  if (line.problem) return raw(line.problem);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.text);
  } catch (err) {
    return raw(`line ${line.number} is not valid JSON (${(err as Error).message}): ${quote(line.text)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return raw(`line ${line.number} is not a JSON object: ${quote(line.text)}`);
  const fields = parsed as Record<string, unknown>;
  const source = text(valueAt(fields, opts.sourceField)) ?? opts.source;
  const message = text(valueAt(fields, opts.messageField));
  if (message === undefined) {
    return { record: { source, logMessage: line.text }, fields, problem: `line ${line.number} has no text at "${opts.messageField}" (set the message field)` };
  }
  return { record: { source, logMessage: message }, fields };
}

/** Strings as they are; numbers and booleans as JSON writes them; anything else is not text. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function quote(line: string): string {
  return JSON.stringify(line.length > QUOTED ? `${line.slice(0, QUOTED)}…` : line);
}
