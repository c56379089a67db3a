// @ts-check
/**
 * An incremental CSV parser (RFC 4180: quoted fields, doubled quotes, CR/LF
 * inside quotes) for text that arrives in pieces: the gateway's answer is
 * read while it streams, and a piece may end in the middle of a field.
 */
export class CsvReader {
  constructor() {
    /** @type {string[]} */
    this.row = [];
    this.field = '';
    this.inQuotes = false;
    /** A quote seen inside a quoted field: either the field ends or it is a doubled quote. */
    this.quotePending = false;
    /** A CR seen outside quotes: the row ended, skip the LF of a CRLF. */
    this.afterCr = false;
  }

  /**
   * @param {string} text the next piece of the CSV
   * @returns {string[][]} the rows completed by this piece
   */
  push(text) {
    /** @type {string[][]} */
    const rows = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') continue;
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        if (c === '"') this.quotePending = true;
        else this.field += c;
        continue;
      }
      if (c === '"' && this.field === '') this.inQuotes = true;
      else if (c === ',') this.endField();
      else if (c === '\n' || c === '\r') {
        this.afterCr = c === '\r';
        rows.push(this.endRow());
      } else this.field += c;
    }
    return rows;
  }

  /** @returns {string[][]} the last row when the text did not end with a line break */
  finish() {
    if (this.quotePending) this.inQuotes = false;
    if (this.field === '' && this.row.length === 0) return [];
    return [this.endRow()];
  }

  endField() {
    this.row.push(this.field);
    this.field = '';
  }

  endRow() {
    this.endField();
    const row = this.row;
    this.row = [];
    return row;
  }
}
