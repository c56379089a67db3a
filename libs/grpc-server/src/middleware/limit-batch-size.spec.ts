import type { LogRecord } from '@logclass/contract';
import { limitBatchSize } from './limit-batch-size';
import type { RecordsRequest } from './records-request';
import { echo, testCall } from '../../test/middleware-calls';

const batch = (n: number): RecordsRequest => ({ records: Array.from({ length: n }, (): LogRecord => ({ source: 's', logMessage: 'm' })) });

describe('limitBatchSize', () => {
  it('refuses an empty batch and one over the limit, naming the setting, and passes the rest', async () => {
    const limited = limitBatchSize({ maxBatchSize: 3, maxBatchSizeSetting: 'X_MAX_BATCH_SIZE' })(echo<RecordsRequest>());
    await expect(limited(batch(0), testCall())).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'records must not be empty' });
    await expect(limited(batch(4), testCall())).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      message: 'batch of 4 records exceeds the limit of 3 (X_MAX_BATCH_SIZE)',
    });
    await expect(limited(batch(3), testCall())).resolves.toEqual(batch(3));
  });
});
