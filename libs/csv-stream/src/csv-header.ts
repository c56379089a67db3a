import { invalidArgument } from '@logclass/classifier';
import { extraValue, LABEL_COLUMN, type ExtraColumn } from './output-columns';
import type { Classification } from '@logclass/contract';

export const SOURCE_COLUMN = 'source';
export const MESSAGE_COLUMN = 'log_message';

/**
 * Where the input columns are and where the output columns go. Output columns
 * already present in the input (a labelled training file has `target_label`)
 * are overwritten in place instead of appearing twice; the others are appended.
 */
export class CsvLayout {
  private constructor(
    readonly header: readonly string[],
    /** The input's columns, as JSON output names a row's fields. */
    readonly inputHeader: readonly string[],
    private readonly source: number,
    private readonly message: number,
    private readonly outputs: readonly { name: string; index: number; value: (r: Classification) => string }[],
    private readonly defaultSource: string | undefined,
  ) {}

  /** With a `defaultSource`, the source column may be absent, and its empty cells take that source. */
  static fromHeader(cells: readonly string[], extras: readonly ExtraColumn[], defaultSource?: string): CsvLayout {
    const names = cells.map((c) => c.trim());
    const required = defaultSource === undefined ? [SOURCE_COLUMN, MESSAGE_COLUMN] : [MESSAGE_COLUMN];
    const missing = required.filter((c) => !names.includes(c));
    if (missing.length > 0) {
      const found = names.length > 0 && names.some(Boolean) ? names.map((n) => `"${n}"`).join(', ') : 'nothing';
      throw invalidArgument(
        `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(' and ')} in the header row (found ${found}); expected a CSV with a header row naming ${SOURCE_COLUMN} and ${MESSAGE_COLUMN}`,
      );
    }
    const header = [...cells];
    const wanted: { name: string; value: (r: Classification) => string }[] = [
      { name: LABEL_COLUMN, value: (r) => r.label },
      ...extras.map((c) => ({ name: c, value: (r: Classification) => extraValue(c, r) })),
    ];
    const outputs = wanted.map((w) => {
      let index = names.indexOf(w.name);
      if (index < 0) index = header.push(w.name) - 1;
      return { ...w, index };
    });
    return new CsvLayout(header, names, names.indexOf(SOURCE_COLUMN), names.indexOf(MESSAGE_COLUMN), outputs, defaultSource);
  }

  record(row: readonly string[]): { source: string; logMessage: string } {
    const source = this.source < 0 ? '' : row[this.source];
    return { source: source === '' && this.defaultSource !== undefined ? this.defaultSource : source, logMessage: row[this.message] };
  }

  /** The row as an object of its columns (a later column of the same name wins). */
  fields(row: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.inputHeader.forEach((name, i) => (out[name] = row[i]));
    return out;
  }

  /** The input row with the result's columns filled in. */
  output(row: readonly string[], result: Classification): string[] {
    const out = row.slice();
    for (const o of this.outputs) out[o.index] = o.value(result);
    return out;
  }
}
