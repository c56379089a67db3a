import type { Classification, ClassifyOptions, DescribeResponse, LogRecord } from '@logclass/contract';

/**
 * What every tier and the gateway's cascade implement: classify a batch of
 * records. Returns exactly one Classification per record, in order. A tier
 * may abstain on a record; it throws only when the whole batch failed (then
 * with a LogclassError, see errors.ts).
 */
export interface Classifier {
  /** "regex", "embedding", "llm", "gateway"... */
  readonly tier: string;
  classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]>;
  describe(): DescribeResponse;
  /** False while the classifier cannot answer usefully (e.g. the LLM tier without an API key). Health checks report it. */
  isServing?(): boolean;
  close?(): Promise<void>;
}
