import type { Classification, LogRecord } from '@logclass/contract';

/**
 * The rule for empty messages, in one place (documented for callers on
 * LogRecord.log_message in the proto): a record whose message is empty or
 * whitespace is never sent to a model and never an error, in Classify,
 * ClassifyBatch and ClassifyStream alike (a batch never fails for one empty
 * row). Each classifier answers it itself with this reason, through
 * classifyNonEmpty: the gateway's cascade Unclassified, a tier abstained (the
 * cascade never sends a tier one). Servers pass records through untouched.
 */
export const EMPTY_MESSAGE_REASON = 'empty log_message';

export function isEmptyMessage(message: string): boolean {
  return message.trim().length === 0;
}

/**
 * Runs `classify` on the records that have a message and fills the others
 * with `onEmpty()`, keeping input order.
 */
export async function classifyNonEmpty(
  records: readonly LogRecord[],
  onEmpty: () => Classification,
  classify: (records: LogRecord[]) => Promise<Classification[]>,
): Promise<Classification[]> {
  const keep: LogRecord[] = [];
  const positions: number[] = [];
  records.forEach((r, i) => {
    if (!isEmptyMessage(r.logMessage)) {
      keep.push(r);
      positions.push(i);
    }
  });
  if (keep.length === records.length) return classify(keep);
  const out: Classification[] = records.map(() => onEmpty());
  if (keep.length === 0) return out;
  const results = await classify(keep);
  positions.forEach((p, i) => (out[p] = results[i]));
  return out;
}
