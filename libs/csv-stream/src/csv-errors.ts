import { CsvError } from 'csv-parse';
import { invalidArgument, LogclassError } from '@logclass/classifier';

/**
 * csv-parse's errors say what is wrong and on which line ("Quote Not Closed:
 * ... at line 7"); they become INVALID_ARGUMENT so the caller gets a 400.
 * Anything else passes through unchanged (an upload limit, a cancelled
 * request, an internal fault).
 */
export function toCsvInputError(err: unknown, limits: { maxRecordBytes: number; recordStartLine: number }): unknown {
  if (err instanceof LogclassError || !(err instanceof CsvError)) return err;
  // csv-parse names the line where it gave up (the end of the file); the user needs where the record began.
  const where = `the record starting on line ${limits.recordStartLine}`;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return invalidArgument(`malformed CSV: a quoted field in ${where} is never closed`);
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return invalidArgument(`malformed CSV: ${where} exceeds ${limits.maxRecordBytes} characters (an unterminated quote?)`);
  }
  return invalidArgument(`malformed CSV: ${err.message}`);
}
