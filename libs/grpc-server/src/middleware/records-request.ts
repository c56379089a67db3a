import type { ClassifyOptions, LogRecord } from '@logclass/contract';

/** What every classifying method comes down to: a batch of records (Classify's one record is a batch of one). */
export interface RecordsRequest {
  records: readonly LogRecord[];
  options?: ClassifyOptions;
}
