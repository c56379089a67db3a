import { Metadata } from '@grpc/grpc-js';
import { ApiKeyCheck } from '../api-key-check';
import { authenticate } from './authenticate';
import { echo, testCall } from '../../test/middleware-calls';

describe('authenticate', () => {
  it('refuses a call without a valid key before the handler runs, and lets anyone through when keys are off', async () => {
    const handler = echo<string>();
    const guarded = authenticate(new ApiKeyCheck(['k-1']))(handler);
    const withKey = new Metadata();
    withKey.set('x-api-key', 'k-1');
    const wrongKey = new Metadata();
    wrongKey.set('x-api-key', 'k-2');
    await expect(guarded('a', testCall({ metadata: withKey }))).resolves.toBe('a');
    await expect(guarded('b', testCall({ metadata: wrongKey }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(guarded('c', testCall())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler.seen).toEqual(['a']);
    await expect(authenticate(undefined)(handler)('d', testCall())).resolves.toBe('d');
  });
});
