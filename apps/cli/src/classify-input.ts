import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import {
  continuationRule,
  defaultOutputFormat,
  parseInputFormat,
  parseOutputFormat,
  type ClassifyStreamOptions,
  type InputFormat,
  type OutputFormat,
} from '@logclass/csv-stream';
import { CliError, EXIT } from './exit-codes';
import type { CliIo } from './io';

/** What `classify` reads from: a file, or standard input for `-`. */
export const STDIN = '-';

/** The flags of `classify` that say what the input is and how to answer. */
export interface InputFlags {
  inputFormat?: string;
  outputFormat?: string;
  source?: string;
  continuation?: string;
  messageField?: string;
  sourceField?: string;
}

/** The input's format: the flag, else by name: `-`, .log and .txt are plain lines, .jsonl and .ndjson JSON lines, anything else a CSV. */
export function inputFormatOf(input: string, flag: string | undefined): InputFormat {
  if (flag !== undefined) return usage('--input-format', () => parseInputFormat(flag));
  if (input === STDIN) return 'lines';
  const ext = extname(input).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.log' || ext === '.txt') return 'lines';
  return 'csv';
}

/** The answer's format: the flag, else JSON lines for JSON lines and CSV otherwise. */
export function outputFormatOf(input: InputFormat, flag: string | undefined): OutputFormat {
  return flag === undefined ? defaultOutputFormat(input) : usage('--output-format', () => parseOutputFormat(flag));
}

/**
 * The reading options of classifyStream from the flags. A bad continuation
 * pattern, or a flag of another format (`--message-field` on input read as
 * plain lines), is a usage error before anything is read.
 */
export function readingOptions(flags: InputFlags, inputFormat: InputFormat, outputFormat: OutputFormat): ClassifyStreamOptions {
  const only = (flag: string, value: string | undefined, format: InputFormat) => {
    if (value !== undefined && inputFormat !== format) throw new CliError(EXIT.USAGE, `${flag} applies to --input-format ${format} (the input is read as ${inputFormat})`);
  };
  only('--continuation', flags.continuation, 'lines');
  only('--message-field', flags.messageField, 'jsonl');
  only('--source-field', flags.sourceField, 'jsonl');
  if (flags.continuation !== undefined) usage('--continuation', () => continuationRule(flags.continuation));
  return { inputFormat, outputFormat, source: flags.source, continuation: flags.continuation, messageField: flags.messageField, sourceField: flags.sourceField };
}

/** The input's bytes and size (undefined for standard input: a stream has none). */
export async function openInput(input: string, io: CliIo): Promise<{ stream: Readable; size: number | undefined }> {
  if (input === STDIN) return { stream: io.stdin ?? Readable.from([]), size: undefined };
  const size = await stat(input).then(
    (s) => s.size,
    (err: NodeJS.ErrnoException) => {
      throw new CliError(EXIT.INPUT, `cannot read ${input}: ${err.code ?? err.message}`);
    },
  );
  return { stream: createReadStream(input), size };
}

/** How the input is named in an error line. */
export const inputName = (input: string): string => (input === STDIN ? 'standard input' : input);

function usage<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new CliError(EXIT.USAGE, `${flag}: ${(err as Error).message}`);
  }
}
