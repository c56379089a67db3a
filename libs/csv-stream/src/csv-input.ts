import type { Readable } from 'node:stream';
import { Parser, type Options } from 'csv-parse';
import { invalidArgument } from '@logclass/classifier';
import { CsvLayout, MESSAGE_COLUMN, SOURCE_COLUMN } from './csv-header';
import { toCsvInputError } from './csv-errors';
import { objectChunks } from './object-chunks';
import type { ExtraColumn } from './output-columns';
import type { RecordInput } from './records/record-input';
import { Utf8Validator } from './utf8-validator';

export interface CsvInputOptions {
  extras: readonly ExtraColumn[];
  maxRecordBytes: number;
  /** Source of rows with an empty source cell; the source column may then be absent. */
  defaultSource?: string;
}

/**
 * A CSV upload, opened: its bytes checked as UTF-8 and parsed as they
 * stream, the header read and checked. Rejects (INVALID_ARGUMENT) when the
 * header is missing or wrong, so a caller can still answer 400.
 */
export async function openCsvInput(input: Readable, opts: CsvInputOptions): Promise<RecordInput<string[]>> {
  const parser = new LineNotingParser({
    bom: true,
    skip_empty_lines: true,
    // Log lines often hold quotes (`GET "/api" 200`) in fields nobody quoted:
    // take those literally, as Python's csv and spreadsheets do. A field that
    // opens with a quote must still close it.
    relax_quotes: true,
    max_record_size: opts.maxRecordBytes,
  });
  const validator = new Utf8Validator();
  // Errors of any stage end the parser, so reading it raises them in one place.
  input.on('error', (err) => validator.destroy(err));
  validator.on('error', (err) => parser.destroy(err));
  input.pipe(validator).pipe(parser);
  const describeError = (err: unknown) => toCsvInputError(err, { maxRecordBytes: opts.maxRecordBytes, recordStartLine: parser.recordStartLine });

  const chunks = objectChunks<string[]>(parser);
  let layout: CsvLayout;
  let first: string[][];
  try {
    const head = await chunks.next();
    if (head.done) throw invalidArgument(`empty file: expected a CSV with a header row naming ${SOURCE_COLUMN} and ${MESSAGE_COLUMN}`);
    layout = CsvLayout.fromHeader(head.value[0], opts.extras, opts.defaultSource);
    first = head.value.slice(1);
  } catch (err) {
    parser.destroy();
    throw describeError(err);
  }
  async function* rows(): AsyncGenerator<string[][]> {
    if (first.length > 0) yield first;
    yield* chunks;
  }
  return {
    chunks: rows(),
    read: (row) => ({ record: layout.record(row) }),
    csvHeader: layout.header,
    csvRow: (row, result) => layout.output(row, result),
    jsonFields: (row) => layout.fields(row),
    describeError,
    close: () => parser.destroy(),
  };
}

/**
 * csv-parse, noting the line where the record being parsed starts (the line
 * after the last complete one) as it hands each record over: its own errors
 * name where it gave up. An `on_record` hook would tell the same, but
 * csv-parse builds an info object for every record to call it (a third of
 * the parser's CPU on an upload); `info` is the parser's own live count.
 */
class LineNotingParser extends Parser {
  recordStartLine = 1;

  constructor(options: Options) {
    super(options);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk !== null) this.recordStartLine = this.info.lines + 1;
    return super.push(chunk, encoding);
  }
}
