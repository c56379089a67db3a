import type { LogRecord } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { MarkerTier } from '@logclass/test-support';
import { remoteTier, startTierServer } from '../test/tier-servers';
import { distinctRecords } from './tier-batcher';
import { Cascade } from './index';

const rec = (logMessage: string, source = 's'): LogRecord => ({ source, logMessage });

/** Each distinct record goes to a tier once per call; its answer comes back at every position it held. */
describe('repeated records in one tier call', () => {
  const servers: RunningClassifierServer[] = [];
  let cascade: Cascade;

  const start = async (...names: string[]): Promise<MarkerTier[]> => {
    const tiers = names.map((n) => new MarkerTier(n));
    for (const t of tiers) servers.push(await startTierServer(t));
    cascade = new Cascade({ tiers: tiers.map((t, i) => remoteTier(t.tier, servers[i].address)), log: silentLogger() });
    return tiers;
  };

  afterEach(async () => {
    await cascade.close();
    await Promise.all(servers.splice(0).map((s) => s.stop(0)));
  });

  it('sends each distinct record once and answers every row with its own record’s answer, in order', async () => {
    const [t] = await start('t');
    const alpha = rec('@t label=Alpha');
    const beta = rec('@t label=Beta');
    const plain = rec('nothing to see');
    // The same message from another source is another record (routing and rules may depend on the source).
    const alphaElsewhere = rec('@t label=Alpha', 'other');
    const records = [alpha, beta, alpha, plain, beta, alphaElsewhere, alpha, plain];
    const results = await cascade.classify(records);
    expect(results.map((r) => r.label)).toEqual(['Alpha', 'Beta', 'Alpha', 'Unclassified', 'Beta', 'Alpha', 'Alpha', 'Unclassified']);
    expect(results[3].reason).toBe('no tier decided (t: no @t marker)');
    expect(t.batchSizes).toEqual([4]);
    expect(t.sources).toEqual(['s', 's', 's', 'other']);
  });

  it('sends what the first tier left undecided on to the next, each distinct record once there too', async () => {
    const [a, b] = await start('a', 'b');
    const first = rec('@a label=First');
    const second = rec('@b label=Second');
    const neither = rec('no marker');
    const records = [second, neither, first, second, neither, second, first];
    const results = await cascade.classify(records);
    expect(results.map((r) => `${r.tier}:${r.label}`)).toEqual(['b:Second', ':Unclassified', 'a:First', 'b:Second', ':Unclassified', 'b:Second', 'a:First']);
    expect(a.batchSizes).toEqual([3]);
    expect(b.batchSizes).toEqual([2]);
  });

  it('answers every row, repeats included, when the tier fails', async () => {
    const [t] = await start('t');
    t.mode = 'fail';
    const records = [rec('x'), rec('x'), rec('y'), rec('x')];
    const results = await cascade.classify(records);
    expect(results).toHaveLength(4);
    for (const r of results) expect(r).toMatchObject({ label: 'Unclassified', reason: 't unavailable: not reachable (UNAVAILABLE)' });
    expect(t.batchSizes).toEqual([2]);
  });
});

describe('distinctRecords', () => {
  it('says where each record’s answer is, and nothing when all are distinct', () => {
    expect(distinctRecords([rec('a'), rec('b'), rec('a', 'other')])).toBeUndefined();
    const repeated = distinctRecords([rec('a'), rec('b'), rec('a'), rec('b'), rec('c')]);
    expect(repeated?.distinct).toEqual([rec('a'), rec('b'), rec('c')]);
    expect([...(repeated?.from ?? [])]).toEqual([0, 1, 0, 1, 2]);
  });

  it('keeps a repeat that carries another template as its own record', () => {
    const mined = (template?: string): LogRecord => ({ source: 's', logMessage: 'm', ...(template === undefined ? {} : { template }) });
    const repeated = distinctRecords([mined('t1'), mined('t1'), mined('t2'), mined(), mined('t1')]);
    expect(repeated?.distinct).toEqual([mined('t1'), mined('t2'), mined()]);
    expect([...(repeated?.from ?? [])]).toEqual([0, 0, 1, 2, 0]);
  });
});
