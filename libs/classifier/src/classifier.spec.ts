import { Outcome } from '@logclass/contract';
import {
  AdmissionQueue,
  abstained,
  decided,
  expectOneResultPerRecord,
  unclassified,
} from './index';

describe('results', () => {
  it('builds the three outcomes', () => {
    expect(decided('regex', 'User Action', 1, 'rule user-login')).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'User Action' });
    expect(abstained('embedding', 'p=0.31 < 0.5', 0.31)).toMatchObject({ outcome: Outcome.OUTCOME_ABSTAINED, label: '' });
    expect(unclassified('no tier decided')).toMatchObject({ outcome: Outcome.OUTCOME_UNCLASSIFIED, label: 'Unclassified', tier: '' });
  });
});

describe('one result per record', () => {
  it('passes an aligned answer through and refuses any other with a code of its own', () => {
    const answer = [abstained('t', 'x'), abstained('t', 'y')];
    expect(expectOneResultPerRecord('t', 2, answer)).toBe(answer);
    expect(() => expectOneResultPerRecord('llm', 4, answer)).toThrow(
      expect.objectContaining({ name: 'LogclassError', code: 'WRONG_RESULT_COUNT', message: 'llm returned 2 results for 4 records' }),
    );
  });
});

describe('AdmissionQueue', () => {
  it('bounds concurrency and refuses work when the queue is full', async () => {
    const q = new AdmissionQueue('test', 2, 1);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const task = () =>
      new Promise<void>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        releases.push(() => {
          running--;
          resolve();
        });
      });
    const a = q.run(task);
    const b = q.run(task);
    const c = q.run(task); // queued
    await expect(q.run(task)).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    expect(q.inFlight).toBe(2);
    expect(q.queued).toBe(1);
    releases.shift()?.();
    await a;
    await new Promise((r) => setImmediate(r));
    expect(peak).toBe(2);
    releases.splice(0).forEach((r) => r());
    await b;
    await new Promise((r) => setImmediate(r));
    releases.splice(0).forEach((r) => r());
    await c;
    expect(q.inFlight).toBe(0);
  });

  it('drops a cancelled waiter from the queue', async () => {
    const q = new AdmissionQueue('test', 1, 5);
    let release!: () => void;
    const first = q.run(() => new Promise<void>((r) => (release = r)));
    const ac = new AbortController();
    const second = q.run(async () => 'ran', ac.signal);
    ac.abort();
    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(q.queued).toBe(0);
    release();
    await first;
    expect(q.inFlight).toBe(0);
  });
});
