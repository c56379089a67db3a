import { stringify } from 'csv-stringify/sync';

/** A cell csv-stringify (default options) would quote: one holding a quote, the delimiter or a line end. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV record and its line end, exactly as csv-stringify's defaults write
 * it (csv-line.spec.ts compares the two), without its per-record and per-cell
 * bookkeeping: a cell is quoted only when it holds a quote, a comma or a line
 * end, quotes doubled. A cell that is not a string (never, on our paths) is
 * left to csv-stringify itself.
 */
export function csvLine(cells: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (i > 0) line += ',';
    if (typeof cell !== 'string') {
      if (cell !== undefined && cell !== null) return stringify([cells as unknown[]]);
      continue;
    }
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return line + '\n';
}
