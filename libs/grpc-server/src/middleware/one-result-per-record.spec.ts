import { abstained } from '@logclass/classifier';
import type { Classification } from '@logclass/contract';
import { oneResultPerRecord } from './one-result-per-record';
import type { RecordsRequest } from './records-request';
import { testCall } from '../../test/middleware-calls';

describe('oneResultPerRecord', () => {
  it('passes an aligned answer and fails a misaligned one with WRONG_RESULT_COUNT', async () => {
    const request: RecordsRequest = { records: [{ source: 's', logMessage: 'a' }, { source: 's', logMessage: 'b' }] };
    const answering = (n: number) =>
      oneResultPerRecord('keyword')<RecordsRequest>(async (): Promise<Classification[]> => Array.from({ length: n }, () => abstained('keyword', 'x')));
    await expect(answering(2)(request, testCall())).resolves.toHaveLength(2);
    await expect(answering(1)(request, testCall())).rejects.toMatchObject({ code: 'WRONG_RESULT_COUNT', message: 'keyword returned 1 results for 2 records' });
  });
});
