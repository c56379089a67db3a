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

/**
 * Records as csvLine writes them, encoded straight into one buffer: building
 * a batch's text by concatenation and then encoding it (the output stream
 * turns every string into bytes) cost more than writing the cells.
 */
export function csvLines(records: readonly (readonly unknown[])[]): Buffer {
  // A UTF-16 code unit is at most 3 bytes of UTF-8; a quoted cell at most doubles, plus its quotes, comma and line end.
  let bound = 0;
  for (const cells of records) {
    bound += cells.length + 1;
    for (const cell of cells) if (typeof cell === 'string') bound += cell.length * 6 + 2;
  }
  let buf = Buffer.allocUnsafe(bound);
  let at = 0;
  for (const cells of records) {
    if (!cells.every((cell) => typeof cell === 'string' || cell === undefined || cell === null)) {
      // Left to csv-stringify: its text may be longer than the bound (a number's digits), so the buffer is grown.
      const line = Buffer.from(csvLine(cells));
      buf = Buffer.concat([buf.subarray(0, at), line, Buffer.allocUnsafe(bound - at)]);
      at += line.length;
      continue;
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (i > 0) buf[at++] = 0x2c; // ,
      if (typeof cell !== 'string' || cell === '') continue;
      const plain = cell.length <= SHORT_CELL ? writePlainAscii(buf, at, cell) : 0;
      if (plain > 0) {
        at += plain;
      } else if (NEEDS_QUOTES.test(cell)) {
        buf[at++] = 0x22; // "
        at += buf.write(cell.replaceAll('"', '""'), at, 'utf8');
        buf[at++] = 0x22;
      } else {
        at += buf.write(cell, at, 'utf8');
      }
    }
    buf[at++] = 0x0a; // \n
  }
  return buf.subarray(0, at);
}

/**
 * Cells up to this long (a source, a label, an outcome) are copied by writePlainAscii: for a
 * short string, Buffer#write's call costs several times the copy.
 */
const SHORT_CELL = 32;

/**
 * Writes a cell that is ASCII and needs no quotes byte for byte at `at` and returns its
 * length; returns 0, having written nothing that counts, for any other cell (the caller
 * writes it the general way, over whatever was copied).
 */
function writePlainAscii(buf: Buffer, at: number, cell: string): number {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    // Not ASCII, or one of NEEDS_QUOTES: a quote (34), a comma (44), a line end (10, 13).
    if (c > 0x7f || c === 34 || c === 44 || c === 10 || c === 13) return 0;
    buf[at + i] = c;
  }
  return cell.length;
}
