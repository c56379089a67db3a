import { invalidArgument } from '@logclass/classifier';
import type { ExtraColumn } from '../output-columns';

/** What a caller may send: a CSV with a header, plain log lines, or JSON lines. */
export const INPUT_FORMATS = ['csv', 'lines', 'jsonl'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** What comes back: CSV, or one JSON object per line. */
export const OUTPUT_FORMATS = ['csv', 'jsonl'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** JSON lines in get JSON lines out; CSV and plain lines get a CSV. */
export function defaultOutputFormat(input: InputFormat): OutputFormat {
  return input === 'jsonl' ? 'jsonl' : 'csv';
}

/** Where a JSON line's message and source are unless the caller says otherwise: the names of the CSV columns. */
export const DEFAULT_MESSAGE_FIELD = 'log_message';
export const DEFAULT_SOURCE_FIELD = 'source';

/** What JSON answers carry besides the label unless columns are asked for (JSON lines, POST /classify/json): everything but the (costlier) template. */
export const DEFAULT_JSON_COLUMNS: readonly ExtraColumn[] = ['tier', 'confidence', 'reason'];

/** The extra columns of an answer: the caller's, or the output format's default (none for CSV). */
export function columnsFor(output: OutputFormat, requested: readonly ExtraColumn[] | undefined): readonly ExtraColumn[] {
  return requested ?? (output === 'jsonl' ? DEFAULT_JSON_COLUMNS : []);
}

export function parseInputFormat(name: string): InputFormat {
  return choose('input format', name, INPUT_FORMATS);
}

export function parseOutputFormat(name: string): OutputFormat {
  return choose('output format', name, OUTPUT_FORMATS);
}

function choose<T extends string>(what: string, name: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(name)) return name as T;
  throw invalidArgument(`unknown ${what} "${name.slice(0, 40)}": choose from ${choices.join(', ')}`);
}
