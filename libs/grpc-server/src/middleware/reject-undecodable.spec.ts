import { LogClassifierService } from '@logclass/contract';
import { withUndecodableRequestsMarked } from '../undecodable-requests';
import { rejectUndecodableRequests } from './reject-undecodable';
import { echo, testCall } from '../../test/middleware-calls';

describe('rejectUndecodableRequests', () => {
  it('refuses a request that did not decode with INVALID_ARGUMENT naming the method, and passes the others', async () => {
    const lenient = withUndecodableRequestsMarked(LogClassifierService);
    // Field 1, wire type 2 (length-delimited) claiming 100 bytes that never come.
    const garbage: unknown = lenient.classifyBatch.requestDeserialize(Buffer.from([0x0a, 0x64, 0x01]));
    const handler = echo<unknown>();
    const guarded = rejectUndecodableRequests(handler);
    await expect(guarded(garbage, testCall())).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'the request is not a valid protobuf message for /logclass.v1.LogClassifier/ClassifyBatch',
    });
    await expect(guarded({ records: [] }, testCall())).resolves.toEqual({ records: [] });
    expect(handler.seen).toEqual([{ records: [] }]);
  });
});
