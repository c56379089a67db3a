import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Classification, LogRecord } from '@logclass/contract';
import { expectOneResultPerRecord, LogclassError, unclassified, type Classifier } from '@logclass/classifier';
import { openCsvInput } from './csv-input';
import { csvLines } from './csv-line';
import { neutralizeRow } from './formula-guard';
import { mapBatchesInOrder } from './ordered-batches';
import { resultFields, type ExtraColumn } from './output-columns';
import { columnsFor, defaultOutputFormat, type InputFormat, type OutputFormat } from './records/record-formats';
import type { RecordInput } from './records/record-input';
import { openJsonLinesInput, openLinesInput } from './records/text-inputs';
import { limitRows, type RowLimit } from './row-limit';

export interface ClassifyStreamOptions {
  /** Default csv. */
  inputFormat?: InputFormat;
  /** Default: JSON lines for JSON lines in, CSV otherwise (defaultOutputFormat). */
  outputFormat?: OutputFormat;
  /** Columns to add after `target_label`; absent = the output format's default (columnsFor). */
  extraColumns?: readonly ExtraColumn[];
  /** Records per classify call. */
  batchSize?: number;
  /** Batches being classified at once; records are still written in input order. */
  maxBatchesInFlight?: number;
  /** Longest record (in characters) accepted; bounds memory on an unterminated quote or a stream without line ends. */
  maxRecordBytes?: number;
  /** Aborts classification (e.g. the client went away). */
  signal?: AbortSignal;
  /** Most records; past it the output fails with PAYLOAD_TOO_LARGE naming the setting. Unbounded when absent. */
  maxRows?: RowLimit;
  /** CSV output: prefix cells that a spreadsheet would run as a formula with `'` (see formula-guard.ts). */
  neutralizeFormulas?: boolean;
  /** Source of records that carry none: every plain line, JSON lines without the source field, CSV rows with an empty source cell. */
  source?: string;
  /** Plain lines: pattern of the lines that continue the record above (absent = DEFAULT_CONTINUATION, empty = none). */
  continuation?: string;
  /** JSON lines: dotted paths of the message and the source (default log_message and source). */
  messageField?: string;
  sourceField?: string;
  /**
   * A partial batch is classified once its first record has waited this long,
   * and a plain-line record is complete after this long without a
   * continuation line: a slow stream (`tail -f`) is answered as it comes.
   */
  flushAfterMs?: number;
}

export const CSV_DEFAULTS = { batchSize: 256, maxBatchesInFlight: 4, maxRecordBytes: 4 * 1024 * 1024, flushAfterMs: 200 } as const;

/**
 * Classifies a stream of records (a CSV, plain log lines or JSON lines):
 * one output record per input record, in input order, as CSV or JSON lines.
 *
 * Resolves once the input is validated (a CSV's header, a continuation
 * pattern) and the first batch is classified, with a Readable of the output
 * text; rejects with a LogclassError for anything wrong before that, so an
 * HTTP layer can answer 400. A problem found later, after output has been
 * handed out, destroys the Readable with the error: the caller must make that
 * visible (e.g. abort the HTTP response) rather than end a short output as if
 * it were complete. Records that cannot be read (a line that is not JSON or
 * not UTF-8) are answered in their place, Unclassified with the problem as
 * the reason.
 *
 * Reading, classification and writing run concurrently with backpressure;
 * memory is bounded by batchSize * maxBatchesInFlight records.
 */
export async function classifyStream(input: Readable, classifier: Classifier, opts: ClassifyStreamOptions = {}): Promise<Readable> {
  const chunks = classifiedChunks(input, classifier, opts);
  let first: IteratorResult<string | Buffer>;
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
  // If the consumer gives up, stop reading the input too.
  output.once('close', () => input.destroy());
  return output;
}

/** Output text: the header (CSV) plus the first batch, then one chunk per batch. */
async function* classifiedChunks(input: Readable, classifier: Classifier, opts: ClassifyStreamOptions): AsyncGenerator<string | Buffer> {
  const inputFormat = opts.inputFormat ?? 'csv';
  const outputFormat = opts.outputFormat ?? defaultOutputFormat(inputFormat);
  const extras = columnsFor(outputFormat, opts.extraColumns);
  const maxRecordBytes = opts.maxRecordBytes ?? CSV_DEFAULTS.maxRecordBytes;
  const flushAfterMs = opts.flushAfterMs ?? CSV_DEFAULTS.flushAfterMs;
  const classifyOptions = { includeTemplate: extras.includes('template') };
  // Our own controller: stopping early (error, consumer gone) cancels batches still in flight.
  const stop = new AbortController();
  // The caller gave up (client gone): stop classifying and stop waiting for input.
  const onCallerAbort = () => {
    stop.abort();
    input.destroy(new LogclassError('CANCELLED', 'classification cancelled'));
  };
  opts.signal?.addEventListener('abort', onCallerAbort, { once: true });

  let source: RecordInput<unknown> | undefined;
  try {
    source = await openInput(input, inputFormat, { extras, maxRecordBytes, source: opts.source, continuation: opts.continuation, messageField: opts.messageField, sourceField: opts.sourceField, idleMs: flushAfterMs });
    const opened = source;
    const render = renderer(outputFormat, opened, extras, opts.neutralizeFormulas ?? false);
    const classifyBatch = async (batch: unknown[]) => render.rows(batch, await classifyItems(classifier, batch.map((item) => opened.read(item)), classifyOptions, stop.signal));
    let header: string | undefined = render.header;
    const batches = mapBatchesInOrder(limitRows(opened.chunks, opts.maxRows), opts.batchSize ?? CSV_DEFAULTS.batchSize, opts.maxBatchesInFlight ?? CSV_DEFAULTS.maxBatchesInFlight, classifyBatch, flushAfterMs);
    for await (const text of batches) {
      yield header === undefined ? text : typeof text === 'string' ? header + text : Buffer.concat([Buffer.from(header), text]);
      header = undefined;
    }
    if (header) yield header; // no records: a CSV answer is still its header
  } catch (err) {
    throw source ? source.describeError(err) : err;
  } finally {
    stop.abort();
    opts.signal?.removeEventListener('abort', onCallerAbort);
    source?.close();
  }
}

function openInput(
  input: Readable,
  format: InputFormat,
  opts: { extras: readonly ExtraColumn[]; maxRecordBytes: number; source?: string; continuation?: string; messageField?: string; sourceField?: string; idleMs: number },
): Promise<RecordInput<unknown>> | RecordInput<unknown> {
  switch (format) {
    case 'csv':
      return openCsvInput(input, { extras: opts.extras, maxRecordBytes: opts.maxRecordBytes, defaultSource: opts.source }) as Promise<RecordInput<unknown>>;
    case 'lines':
      return openLinesInput(input, opts) as RecordInput<unknown>;
    case 'jsonl':
      return openJsonLinesInput(input, opts) as RecordInput<unknown>;
  }
}

/** Classifies the records that could be read; the others are answered with their problem. One result per item, in order. */
async function classifyItems(
  classifier: Classifier,
  items: readonly { record: LogRecord; problem?: string }[],
  options: { includeTemplate: boolean },
  signal: AbortSignal,
): Promise<Classification[]> {
  const readable = items.filter((item) => item.problem === undefined).map((item) => item.record);
  const results = readable.length > 0 ? expectOneResultPerRecord('classifier', readable.length, await classifier.classify(readable, options, signal)) : [];
  let next = 0;
  return items.map((item) => (item.problem === undefined ? results[next++] : unclassified(item.problem)));
}

interface Renderer {
  header: string;
  /** CSV rows come as bytes already (see csvLines). */
  rows(items: readonly unknown[], results: readonly Classification[]): string | Buffer;
}

function renderer(format: OutputFormat, source: RecordInput<unknown>, extras: readonly ExtraColumn[], neutralize: boolean): Renderer {
  if (format === 'jsonl') {
    return {
      header: '',
      rows: (items, results) => items.map((item, i) => `${JSON.stringify({ ...source.jsonFields(item), ...resultFields(results[i], extras) })}\n`).join(''),
    };
  }
  const cells = neutralize ? neutralizeRow : (row: readonly string[]) => row;
  return {
    header: stringify([cells([...source.csvHeader])]),
    rows: (items, results) => csvLines(items.map((item, i) => cells(source.csvRow(item, results[i])))),
  };
}
