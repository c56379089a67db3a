import type { Classification } from '@logclass/contract';
import type { InputRecord } from './join-lines';

/**
 * One input format, opened: its items as they are read, and how each becomes
 * a record to classify and an output row. CSV items are rows (their other
 * columns come back); lines and JSON lines are records already.
 */
export interface RecordInput<T> {
  chunks: AsyncIterable<readonly T[]>;
  read(item: T): InputRecord;
  /** CSV output: the header row, and an item's cells with the result's columns filled in. */
  csvHeader: readonly string[];
  csvRow(item: T, result: Classification): string[];
  /** JSON output: the item's own fields, before the result's are added. */
  jsonFields(item: T): Record<string, unknown>;
  /** A failure raised while reading, worded for the caller (a CSV parser error names the record's line). */
  describeError(err: unknown): unknown;
  /** Stops reading (the answer is complete, failed or abandoned). */
  close(): void;
}
