import { invalidArgument, LogclassError } from '@logclass/classifier';
import type { Handler } from './handler';
import type { RecordsRequest } from './records-request';

export interface BatchLimit {
  /** Most records in one batch or stream message. */
  maxBatchSize: number;
  /** The setting that sets maxBatchSize, named in the error a caller gets. */
  maxBatchSizeSetting: string;
}

/** A batch needs at least one record (INVALID_ARGUMENT) and at most the limit (RESOURCE_EXHAUSTED, naming the setting). */
export const limitBatchSize =
  ({ maxBatchSize, maxBatchSizeSetting }: BatchLimit) =>
  <Req extends RecordsRequest, Res>(next: Handler<Req, Res>): Handler<Req, Res> =>
  async (request, call) => {
    const n = request.records.length;
    if (n === 0) throw invalidArgument('records must not be empty');
    if (n > maxBatchSize) {
      throw new LogclassError('RESOURCE_EXHAUSTED', `batch of ${n} records exceeds the limit of ${maxBatchSize} (${maxBatchSizeSetting})`);
    }
    return next(request, call);
  };
