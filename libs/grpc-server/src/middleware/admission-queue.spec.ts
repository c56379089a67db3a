import { AdmissionQueue } from '@logclass/classifier';
import { admitToQueue } from './admission-queue';
import { testCall } from '../../test/middleware-calls';

describe('admitToQueue', () => {
  it('runs calls in the queue: one at a time here, the next waits, one more is refused, a cancelled one leaves', async () => {
    const queue = new AdmissionQueue('test calls', 1, 1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const queued = admitToQueue(queue)<string, string>(async (request) => {
      if (request === 'first') await held;
      return request;
    });
    const first = queued('first', testCall());
    const second = queued('second', testCall());
    await expect(queued('third', testCall())).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    expect([queue.inFlight, queue.queued]).toEqual([1, 1]);
    release();
    await expect(Promise.all([first, second])).resolves.toEqual(['first', 'second']);
    const gone = new AbortController();
    gone.abort();
    await expect(queued('late', testCall({ signal: gone.signal }))).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
