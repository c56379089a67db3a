import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Classification } from '@logclass/contract';
import { invalidArgument, LogclassError, type Classifier } from '@logclass/classifier';
import { CsvLayout, MESSAGE_COLUMN, SOURCE_COLUMN } from './csv-header';
import { toCsvInputError } from './csv-errors';
import { mapBatchesInOrder } from './ordered-batches';
import type { ExtraColumn } from './output-columns';
import { Utf8Validator } from './utf8-validator';
import { neutralizeRow } from './formula-guard';
import { limitRows, type RowLimit } from './row-limit';

export interface ClassifyCsvOptions {
  /** Columns to add after `target_label`. */
  extraColumns?: readonly ExtraColumn[];
  /** Rows per classify call. */
  batchSize?: number;
  /** Batches being classified at once; rows are still written in input order. */
  maxBatchesInFlight?: number;
  /** Longest record (in characters) accepted; bounds memory on an unterminated quote. */
  maxRecordBytes?: number;
  /** Aborts classification (e.g. the client went away). */
  signal?: AbortSignal;
  /** Most data rows; past it the output fails with PAYLOAD_TOO_LARGE naming the setting. Unbounded when absent. */
  maxRows?: RowLimit;
  /** Prefix cells that a spreadsheet would run as a formula with `'` (see formula-guard.ts). Off by default: cells come back as sent. */
  neutralizeFormulas?: boolean;
}

export const CSV_DEFAULTS = { batchSize: 256, maxBatchesInFlight: 4, maxRecordBytes: 4 * 1024 * 1024 } as const;

/**
 * Classifies a CSV stream: the same rows, in the same order, with
 * `target_label` (and any requested extra columns) filled in.
 *
 * Resolves once the header and the first batch are validated and classified,
 * with a Readable of CSV text; rejects with a LogclassError for anything
 * wrong before that (missing column, empty file, bad encoding, malformed
 * CSV...). So an HTTP layer can answer 400 for those. A problem found later,
 * after output has been handed out, destroys the Readable with the error: the
 * caller must make that visible (e.g. abort the HTTP response) rather than
 * end a short CSV as if it were complete.
 *
 * Parsing, classification and writing run concurrently with backpressure;
 * memory is bounded by batchSize * maxBatchesInFlight rows.
 */
export async function classifyCsv(input: Readable, classifier: Classifier, opts: ClassifyCsvOptions = {}): Promise<Readable> {
  const chunks = classifiedChunks(input, classifier, opts);
  let first: IteratorResult<string>;
  try {
    first = await chunks.next();
  } catch (err) {
    input.destroy();
    throw err;
  }
  async function* rest() {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  const output = Readable.from(rest(), { objectMode: false });
  // If the consumer gives up, stop reading the upload too.
  output.once('close', () => input.destroy());
  return output;
}

/** CSV text: the header plus the first batch, then one chunk per batch. */
async function* classifiedChunks(input: Readable, classifier: Classifier, opts: ClassifyCsvOptions): AsyncGenerator<string> {
  const batchSize = opts.batchSize ?? CSV_DEFAULTS.batchSize;
  const inFlight = opts.maxBatchesInFlight ?? CSV_DEFAULTS.maxBatchesInFlight;
  const maxRecordBytes = opts.maxRecordBytes ?? CSV_DEFAULTS.maxRecordBytes;
  const extras = opts.extraColumns ?? [];
  const classifyOptions = { includeTemplate: extras.includes('template') };
  const cells = opts.neutralizeFormulas ? neutralizeRow : (row: string[]) => row;
  // Our own controller: stopping early (error, consumer gone) cancels batches still in flight.
  const stop = new AbortController();
  // The caller gave up (client gone): stop classifying and stop waiting for input.
  const onCallerAbort = () => {
    stop.abort();
    input.destroy(new LogclassError('CANCELLED', 'classification cancelled'));
  };
  opts.signal?.addEventListener('abort', onCallerAbort, { once: true });

  // Line where the record being parsed starts (the line after the last complete
  // one), noted as the parser goes: its own errors name where it gave up.
  let recordStartLine = 1;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    // Log lines often hold quotes (`GET "/api" 200`) in fields nobody quoted:
    // take those literally, as Python's csv and spreadsheets do. A field that
    // opens with a quote must still close it.
    relax_quotes: true,
    max_record_size: maxRecordBytes,
    on_record: (record: string[], context: { lines: number }) => {
      recordStartLine = context.lines + 1;
      return record;
    },
  });
  const validator = new Utf8Validator();
  // Errors of any stage end the parser, so iterating it raises them in one place.
  input.on('error', (err) => validator.destroy(err));
  validator.on('error', (err) => parser.destroy(err));
  input.pipe(validator).pipe(parser);

  try {
    const rows = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
    const head = await rows.next();
    if (head.done) throw invalidArgument(`empty file: expected a CSV with a header row naming ${SOURCE_COLUMN} and ${MESSAGE_COLUMN}`);
    const layout = CsvLayout.fromHeader(head.value, extras);

    const classifyBatch = async (batch: string[][]) => {
      const results: Classification[] = await classifier.classify(
        batch.map((row) => layout.record(row)),
        classifyOptions,
        stop.signal,
      );
      if (results.length !== batch.length) {
        throw new LogclassError('INTERNAL', `classifier returned ${results.length} results for ${batch.length} rows`);
      }
      return stringify(batch.map((row, i) => cells(layout.output(row, results[i]))));
    };

    let header: string | undefined = stringify([cells([...layout.header])]);
    for await (const text of mapBatchesInOrder(limitRows({ [Symbol.asyncIterator]: () => rows }, opts.maxRows), batchSize, inFlight, classifyBatch)) {
      yield header ? header + text : text;
      header = undefined;
    }
    if (header) yield header; // a header-only file
  } catch (err) {
    throw toCsvInputError(err, { maxRecordBytes, recordStartLine });
  } finally {
    stop.abort();
    opts.signal?.removeEventListener('abort', onCallerAbort);
    parser.destroy();
  }
}

