import { LogclassError } from './errors';

/**
 * The Classifier contract's "exactly one result per record": checked where
 * an answer crosses a boundary (a server about to send it, a client that got
 * it, the cascade taking a tier's answer, the CSV writer), never trusted.
 * A misaligned answer cannot be used for any record, so it is a failure of
 * the whole call, with a code of its own so nobody has to read its message.
 */
export function expectOneResultPerRecord<R extends readonly unknown[]>(who: string, records: number, results: R): R {
  if (results.length !== records) {
    throw new LogclassError('WRONG_RESULT_COUNT', `${who} returned ${results.length} results for ${records} records`);
  }
  return results;
}
