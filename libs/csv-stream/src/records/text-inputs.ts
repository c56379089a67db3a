import { LABEL_COLUMN, extraValue, type ExtraColumn } from '../output-columns';
import { MESSAGE_COLUMN, SOURCE_COLUMN } from '../csv-header';
import { continuationRule } from './continuation-rule';
import { joinLines, type InputRecord } from './join-lines';
import { jsonLineRecord } from './json-lines';
import { readLines } from './read-lines';
import type { RecordInput } from './record-input';
import { DEFAULT_MESSAGE_FIELD, DEFAULT_SOURCE_FIELD } from './record-formats';

export interface LinesInputOptions {
  extras: readonly ExtraColumn[];
  /** Longest line, and longest joined record. */
  maxRecordBytes: number;
  source?: string;
  /** Pattern of the lines that continue a record (see continuation-rule.ts); absent = the default rule, empty = none. */
  continuation?: string;
  /** A record is complete after this long without a continuation line. */
  idleMs: number;
}

export interface JsonLinesInputOptions {
  extras: readonly ExtraColumn[];
  maxRecordBytes: number;
  source?: string;
  messageField?: string;
  sourceField?: string;
}

/** Plain log lines, multi-line records joined. Throws INVALID_ARGUMENT on a bad continuation pattern. */
export function openLinesInput(input: AsyncIterable<Buffer | string>, opts: LinesInputOptions): RecordInput<InputRecord> {
  const rule = continuationRule(opts.continuation);
  const lines = readLines(input, opts.maxRecordBytes);
  return recordsInput(joinLines(lines, { rule, source: opts.source ?? '', idleMs: opts.idleMs, maxRecordChars: opts.maxRecordBytes }), opts.extras, () => lines.return(undefined));
}

/** JSON lines, one object a line; the message and source are read at the given (dotted) fields. */
export function openJsonLinesInput(input: AsyncIterable<Buffer | string>, opts: JsonLinesInputOptions): RecordInput<InputRecord> {
  const fields = { messageField: opts.messageField ?? DEFAULT_MESSAGE_FIELD, sourceField: opts.sourceField ?? DEFAULT_SOURCE_FIELD, source: opts.source ?? '' };
  const lines = readLines(input, opts.maxRecordBytes);
  async function* records(): AsyncGenerator<InputRecord[]> {
    for await (const chunk of lines) yield chunk.map((line) => jsonLineRecord(line, fields));
  }
  return recordsInput(records(), opts.extras, () => lines.return(undefined));
}

/** Records written back as `source,log_message,target_label,...` in CSV, and as their own fields (or those two) in JSON. */
function recordsInput(chunks: AsyncIterable<InputRecord[]>, extras: readonly ExtraColumn[], stop: () => Promise<unknown>): RecordInput<InputRecord> {
  return {
    chunks,
    read: (item) => item,
    csvHeader: [SOURCE_COLUMN, MESSAGE_COLUMN, LABEL_COLUMN, ...extras],
    csvRow: (item, result) => [item.record.source, item.record.logMessage, result.label, ...extras.map((c) => extraValue(c, result))],
    jsonFields: (item) => item.fields ?? { [SOURCE_COLUMN]: item.record.source, [MESSAGE_COLUMN]: item.record.logMessage },
    describeError: (err) => err,
    close: () => void stop().catch(() => undefined),
  };
}
