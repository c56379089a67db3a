import { resourceExhausted } from '@logclass/classifier';
import { admitCalls, type CallInfo } from './admit-calls';
import { echo, testCall } from '../../test/middleware-calls';

describe('admitCalls', () => {
  it('asks the hook about every call, with its method and peer, and refuses what it refuses', async () => {
    const asked: CallInfo[] = [];
    const handler = echo<string>();
    const admitted = admitCalls((call) => {
      asked.push(call);
      if (asked.length > 1) throw resourceExhausted('rate limit');
    })(handler);
    await expect(admitted('first', testCall({ rpc: 'Classify' }))).resolves.toBe('first');
    await expect(admitted('second', testCall({ rpc: 'Classify' }))).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    expect(asked.map((c) => [c.rpc, c.peer])).toEqual([
      ['Classify', 'ipv4:127.0.0.1:5000'],
      ['Classify', 'ipv4:127.0.0.1:5000'],
    ]);
    expect(handler.seen).toEqual(['first']);
  });
});
