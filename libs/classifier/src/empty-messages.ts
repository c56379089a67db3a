import type { Classification, LogRecord } from '@logclass/contract';
import { isEmptyMessage } from './results';

/**
 * Runs `classify` on the records that have a message and fills the others
 * with `onEmpty()`, keeping input order. Empty messages are answered the same
 * way everywhere and never reach a model.
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
