import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { Classification, ClassifyOptions, LogRecord } from '@logclass/contract';
import { DEFAULT_ROUTING } from '@logclass/cascade';
import { LogclassError, type Classifier } from '@logclass/classifier';
import { classifyStream, DEFAULT_CONTINUATION, DEFAULT_MESSAGE_FIELD, DEFAULT_SOURCE_FIELD, parseExtraColumns, type ClassifyStreamOptions, type ExtraColumn } from '@logclass/csv-stream';
import { DEFAULT_MODEL_DIR } from '@logclass/embedding-tier';
import { inputFormatOf, inputName, openInput, outputFormatOf, readingOptions, type InputFlags } from '../classify-input';
import { CliError, EXIT } from '../exit-codes';
import { networkReason, postToGateway } from '../gateway-client';
import { openInProcessClassifier } from '../in-process-classifier';
import type { CliIo } from '../io';
import { ClassifyProgress, progressMode } from '../progress';

export interface ClassifyArgs extends InputFlags {
  input: string;
  output?: string;
  gateway: string;
  columns?: string;
  inProcess?: boolean;
  model?: string;
  routing: string;
  rules?: string;
  taxonomy?: string;
  quiet?: boolean;
  neutralizeFormulas?: boolean;
}

export const DEFAULT_GATEWAY = 'http://127.0.0.1:8080';
/** The shipped model, as the embedding service's EMBEDDING_MODEL_DIR defaults to. */
export const DEFAULT_MODEL = DEFAULT_MODEL_DIR;

export function registerClassifyCommand(program: Command, io: CliIo): void {
  program
    .command('classify')
    .summary('classify a CSV, plain log lines or JSON lines, from a file or stdin (through the gateway, or --in-process)')
    .description(
      [
        'Reads <input> (a file, or - for standard input) and writes one labelled record',
        'per input record, in order, as they are decided: a record waits at most ~200 ms',
        'for others to share its batch, so `tail -f app.log | logclass classify -`',
        'answers each line as it comes.',
        '',
        '--input-format (default: by file name; - reads plain lines):',
        '  csv    columns source and log_message (others kept): the same rows come back',
        '         with target_label added',
        '  lines  a record per line; a line matching --continuation (default: indented,',
        '         "Caused by: ", "Suppressed: ", "at ", "... N more") continues the',
        '         record above, so a stack trace is one record; blank lines are skipped',
        '  jsonl  a JSON object per line; the message and source are read at',
        '         --message-field and --source-field',
        '--output-format csv (source,log_message,target_label for lines and JSON lines)',
        'or jsonl (each input object, CSV row or {source, log_message} with target_label',
        'and the --columns added, default tier,confidence,reason); default: jsonl for',
        'JSON lines in, csv otherwise. A line that is not valid JSON, not an object, has',
        'no message or is not UTF-8 is answered in its place, Unclassified, with the',
        'problem as its reason.',
        '',
        'By default the input is streamed to the gateway; with --in-process the regex',
        'rules, the embedding model and the LLM (when GROQ_API_KEY is set; otherwise',
        'those rows come back Unclassified) run in this process, no servers needed, with',
        'the REGEX_*, EMBEDDING_* and LLM_* variables and defaults of the services (the',
        'flags below override theirs). Inputs of any size are streamed; a result that',
        'breaks off midway is never written to -o. On a terminal a progress bar (rows,',
        'rows/s, ETA) appears on stderr for files that take more than a second;',
        'otherwise a progress line every 5 s (--quiet: none).',
      ].join('\n'),
    )
    .argument('<input>', 'file to classify (CSV, plain lines or JSON lines), or - for standard input')
    .option('-o, --output <file>', 'where to write the result (default: standard output)')
    .option('--input-format <format>', 'csv, lines or jsonl (default: .jsonl/.ndjson jsonl, .log/.txt and - lines, else csv)')
    .option('--output-format <format>', 'csv or jsonl (default: jsonl for jsonl input, else csv)')
    .option('-s, --source <name>', 'source of records that carry none (every plain line; JSON lines without the source field; empty CSV cells)')
    .option('--continuation <regex>', `lines: lines that continue the record above (default ${DEFAULT_CONTINUATION}; '' = every line a record)`)
    .option('--message-field <path>', `jsonl: dotted path of the message (default ${DEFAULT_MESSAGE_FIELD})`)
    .option('--source-field <path>', `jsonl: dotted path of the source (default ${DEFAULT_SOURCE_FIELD})`)
    .option('-c, --columns <list>', 'extra columns after target_label: tier,confidence,reason,template')
    .option('-g, --gateway <url>', 'gateway REST address (env LOGCLASS_GATEWAY)', io.env.LOGCLASS_GATEWAY ?? DEFAULT_GATEWAY)
    .option('--in-process', 'run the cascade in this process instead of calling the gateway')
    .option('--model <dir>', `--in-process: embedding model folder, its current version (default: EMBEDDING_MODEL_DIR or ${DEFAULT_MODEL})`)
    .option('--routing <json>', '--in-process: routing by source, as GATEWAY_ROUTING', DEFAULT_ROUTING)
    .option('--rules <yaml>', '--in-process: regex rules file (default: the shipped rules)')
    .option('--taxonomy <json>', '--in-process: label file (default: the nine built-in labels)')
    .option('--neutralize-formulas', "prefix cells starting with = + - @ with ' so spreadsheets show them as text (changes the data)")
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ logclass classify logs.csv -o labelled.csv',
        '  $ logclass classify logs.csv --columns tier,reason --gateway http://gateway:8080 > labelled.csv',
        '  $ logclass classify logs.csv --in-process -o labelled.csv                  # no servers',
        '  $ tail -f /var/log/app.log | logclass classify - --source app --output-format jsonl',
        '  $ kubectl logs -f deploy/api | logclass classify - --input-format jsonl --message-field msg --source-field service',
        '  $ GROQ_API_KEY=... logclass classify logs.csv --in-process --columns tier  # with the LLM tier',
      ].join('\n'),
    )
    .action(async (input: string, opts: Omit<ClassifyArgs, 'input'>) => {
      await classifyFile({ input, ...opts }, io);
    });
}

/** Classifies the input through the gateway or in this process, with progress on stderr. */
export async function classifyFile(args: ClassifyArgs, io: CliIo): Promise<void> {
  const columns = extraColumns(args.columns);
  const inputFormat = inputFormatOf(args.input, args.inputFormat);
  const reading = readingOptions(args, inputFormat, outputFormatOf(inputFormat, args.outputFormat));
  const { stream, size } = await openInput(args.input, io);
  const progress = new ClassifyProgress(size, progressMode(io.stderr, args.quiet ?? false, size !== undefined), io.stderr);
  let ok = false;
  const input = pipeWithErrors(stream, progress.byteCounter());
  try {
    const body = args.inProcess ? await classifyInProcess(input, args, reading, columns, progress, io.env) : await classifyThroughGateway(input, args, reading, columns, progress);
    if (args.output) await writeAtomically(body, args.output, args.inProcess ?? false);
    else await copyTo(body, io.stdout, args.inProcess ?? false);
    ok = true;
  } catch (err) {
    // Nothing reads the input any more (a setting refused, the gateway unreachable...): close it, and let
    // what it runs into from now on (a file not opened yet and removed meanwhile) go unheard: the failure is already told.
    for (const s of [input, stream]) s.on('error', () => undefined).destroy();
    throw err;
  } finally {
    progress.finish(ok);
  }
}

function extraColumns(list: string | undefined): ExtraColumn[] | undefined {
  if (list === undefined) return undefined;
  try {
    return parseExtraColumns(list);
  } catch (err) {
    throw new CliError(EXIT.USAGE, `--columns: ${(err as Error).message}`);
  }
}

/** The body's Content-Type, and the Accept header, of each format (as POST /classify reads them). */
const CONTENT_TYPE = { csv: 'text/csv', lines: 'text/plain', jsonl: 'application/x-ndjson' } as const;

async function classifyThroughGateway(
  input: Readable,
  args: ClassifyArgs,
  reading: ClassifyStreamOptions,
  columns: ExtraColumn[] | undefined,
  progress: ClassifyProgress,
): Promise<Readable> {
  let url: URL;
  try {
    url = new URL('/classify', args.gateway);
  } catch {
    throw new CliError(EXIT.USAGE, `--gateway "${args.gateway}" is not a URL (e.g. ${DEFAULT_GATEWAY})`);
  }
  if (columns) url.searchParams.set('columns', columns.join(','));
  if (args.neutralizeFormulas) url.searchParams.set('neutralize_formulas', 'true');
  const query = { source: reading.source, continuation: reading.continuation, message_field: reading.messageField, source_field: reading.sourceField };
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  const inputFormat = reading.inputFormat ?? 'csv';
  const outputFormat = reading.outputFormat ?? 'csv';
  const res = await postToGateway(url, input, CONTENT_TYPE[inputFormat], { accept: CONTENT_TYPE[outputFormat] });
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  return pipeWithErrors(body, lineCounter(progress, outputFormat === 'csv'));
}

/** source.pipe(through), with the source's failure passed on (pipe() drops it) and an abandoned result releasing the source. */
function pipeWithErrors(source: Readable, through: Transform): Transform {
  source.once('error', (err) => through.destroy(err));
  through.once('close', () => source.destroy());
  return source.pipe(through);
}

/** The gateway's answer has one line per row (plus a CSV's header): newlines are a good row count (quoted multi-line messages overcount). */
function lineCounter(progress: ClassifyProgress, hasHeader: boolean): Transform {
  let header = hasHeader;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let lines = 0;
      for (const byte of chunk) if (byte === 0x0a) lines++;
      if (header && lines > 0) {
        lines--;
        header = false;
      }
      progress.addRows(lines);
      done(null, chunk);
    },
  });
}

async function classifyInProcess(
  input: Readable,
  args: ClassifyArgs,
  reading: ClassifyStreamOptions,
  columns: ExtraColumn[] | undefined,
  progress: ClassifyProgress,
  env: NodeJS.ProcessEnv,
): Promise<Readable> {
  let cascade: Awaited<ReturnType<typeof openInProcessClassifier>>;
  try {
    cascade = await openInProcessClassifier({ model: args.model, routing: args.routing, rules: args.rules, taxonomy: args.taxonomy, env });
  } catch (err) {
    throw new CliError(EXIT.MODEL, `cannot build the in-process cascade: ${(err as Error).message}`);
  }
  const counted: Classifier = {
    tier: cascade.tier,
    describe: () => cascade.describe(),
    async classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
      const results = await cascade.classify(records, options, signal);
      progress.addRows(results.length);
      return results;
    },
  };
  try {
    const output = await classifyStream(input, counted, { ...reading, extraColumns: columns, neutralizeFormulas: args.neutralizeFormulas, batchSize: 512, maxBatchesInFlight: 2 });
    output.once('close', () => void cascade.close());
    return output;
  } catch (err) {
    await cascade.close();
    // Wrong header, empty file, bad encoding...: the input's fault.
    if (err instanceof LogclassError) throw new CliError(EXIT.INPUT, `${inputName(args.input)}: ${err.message}`);
    throw err;
  }
}

/** Who broke off, and the likely causes, for the one-line error. */
const cutOff = (inProcess: boolean): string =>
  inProcess
    ? 'classification broke off midway (a problem found deep in the input, such as a malformed row)'
    : 'the gateway broke off its answer midway (a problem found deep in the input, such as a malformed row, or a lost connection)';

/** Writes next to the target and renames at the end: a broken transfer never leaves a short file that looks complete. */
async function writeAtomically(body: Readable, path: string, inProcess: boolean): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await pipeline(body, createWriteStream(partial));
  } catch (err) {
    await rm(partial, { force: true });
    throw new CliError(EXIT.CLASSIFIER, `${cutOff(inProcess)}; ${path} was not written (${networkReason(err)})`);
  }
  await rename(partial, path);
}

async function copyTo(body: Readable, out: Writable, inProcess: boolean): Promise<void> {
  try {
    await pipeline(body, out, { end: false });
  } catch (err) {
    throw new CliError(EXIT.CLASSIFIER, `${cutOff(inProcess)}; the output above is incomplete (${networkReason(err)})`);
  }
}
