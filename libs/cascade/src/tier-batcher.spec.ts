import type { Classification, LogRecord } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { MarkerTier } from '@logclass/test-support';
import { remoteTier, startTierServer } from '../test/tier-servers';
import { waitFor } from '../test/wait';
import { Cascade } from './index';

/** A record the marker tier decides ("@t") or abstains on, tagged so answers can be traced back to it. */
const rec = (source: string, i: number): LogRecord => ({ source, logMessage: i % 2 === 0 ? `${source} ${i} @t label=Even` : `${source} ${i}` });
const recs = (source: string, n: number): LogRecord[] => Array.from({ length: n }, (_, i) => rec(source, i));

/** Each answer belongs to its own record: decided exactly for the even (marked) ones. */
function expectAnswersFor(records: readonly LogRecord[], results: readonly Classification[]): void {
  expect(results).toHaveLength(records.length);
  results.forEach((r, i) => expect(r.label).toBe(records[i].logMessage.includes('@t') ? 'Even' : 'Unclassified'));
}

/** Continuous batching: concurrent classify() calls share calls to a tier (a real one, over gRPC). */
describe('tier batching across requests', () => {
  let tier: MarkerTier;
  let server: RunningClassifierServer;
  let cascade: Cascade;

  const start = async (batchSize: number, maxBatchesInFlight: number) => {
    tier = new MarkerTier('t');
    server = await startTierServer(tier);
    cascade = new Cascade({ tiers: [remoteTier('t', server.address)], log: silentLogger(), batchSize, maxBatchesInFlight });
  };

  afterEach(async () => {
    tier.release();
    await cascade.close();
    await server.stop(0);
  });

  it('sends the records of requests that arrive while the tier is busy together, in one call', async () => {
    await start(100, 1);
    tier.hold();
    const a = recs('a', 3);
    const first = cascade.classify(a);
    await waitFor(() => tier.calls === 1);
    const b = recs('b', 2);
    const c = recs('c', 4);
    const later = [cascade.classify(b), cascade.classify(c)];
    tier.release();
    expectAnswersFor(a, await first);
    const [rb, rc] = await Promise.all(later);
    expectAnswersFor(b, rb);
    expectAnswersFor(c, rc);
    expect(tier.batchSizes).toEqual([3, 6]);
    expect(tier.sources).toEqual([...a, ...b, ...c].map((r) => r.source));
  });

  it('sends an idle tier one request at once, and splits one larger than the batch size, answers in order', async () => {
    await start(10, 4);
    const records = recs('big', 25);
    expectAnswersFor(records, await cascade.classify(records));
    expect(tier.batchSizes).toEqual([10, 10, 5]);
    const one = recs('one', 1);
    expectAnswersFor(one, await cascade.classify(one));
    expect(tier.batchSizes.at(-1)).toBe(1);
  });

  it('keeps at most maxBatchesInFlight calls open to the tier however many requests are open', async () => {
    await start(8, 2);
    const requests = Array.from({ length: 12 }, (_, i) => recs(`s${i}`, 5));
    const results = await Promise.all(requests.map((r) => cascade.classify(r)));
    results.forEach((r, i) => expectAnswersFor(requests[i], r));
    expect(tier.peakConcurrentCalls).toBeLessThanOrEqual(2);
    expect(tier.batchSizes.every((n) => n <= 8)).toBe(true);
    expect(tier.records).toBe(60);
    expect(tier.batchSizes.length).toBeLessThan(12); // shared calls, not one per request
  });

  it('fails only the records that were in the failed call', async () => {
    await start(100, 1);
    tier.hold();
    tier.onCall = (n) => (tier.mode = n === 2 ? 'fail' : 'answer');
    const a = recs('a', 2);
    const first = cascade.classify(a);
    await waitFor(() => tier.calls === 1);
    const second = cascade.classify(recs('b', 3));
    tier.release();
    expectAnswersFor(a, await first);
    const failed = await second;
    expect(failed.map((r) => r.label)).toEqual(['Unclassified', 'Unclassified', 'Unclassified']);
    for (const r of failed) expect(r.reason).toBe('t unavailable: not reachable (UNAVAILABLE)');
  });

  it('never sends the waiting records of a cancelled request, and cancels a call nobody waits for any more', async () => {
    await start(100, 1);
    tier.hold();
    const a = new AbortController();
    const b = new AbortController();
    const first = cascade.classify(recs('a', 2), undefined, a.signal);
    await waitFor(() => tier.calls === 1);
    const second = cascade.classify(recs('b', 2), undefined, b.signal);
    b.abort();
    await expect(second).rejects.toThrow(/cancel/i);
    a.abort();
    await expect(first).rejects.toThrow(/cancel/i);
    await waitFor(() => tier.cancelled === 1);
    tier.release();
    const c = recs('c', 2);
    expectAnswersFor(c, await cascade.classify(c));
    expect(tier.sources).toEqual(['a', 'a', 'c', 'c']);
  });

  it('keeps a shared call going for the requests still waiting when one of them is cancelled', async () => {
    await start(100, 1);
    tier.hold();
    const first = cascade.classify(recs('a', 1));
    await waitFor(() => tier.calls === 1);
    const b = new AbortController();
    const second = cascade.classify(recs('b', 2), undefined, b.signal);
    const c = recs('c', 3);
    const third = cascade.classify(c);
    tier.release();
    tier.hold(); // the shared call of b and c is held in turn
    await first;
    await waitFor(() => tier.calls === 2);
    expect(tier.batchSizes).toEqual([1, 5]);
    b.abort();
    await expect(second).rejects.toThrow(/cancel/i);
    tier.release();
    expectAnswersFor(c, await third);
    expect(tier.cancelled).toBe(0);
  });
});
