import { Outcome, type LogRecord } from '@logclass/contract';
import { EMPTY_MESSAGE_REASON } from '@logclass/classifier';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { MarkerTier } from '@logclass/test-support';
import { GrpcClassifier } from '@logclass/tier-client';
import { PATIENT_BREAKER, remoteTier, startTierServer } from '../test/tier-servers';
import { waitFor } from '../test/wait';
import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner } from '@logclass/template-miner';
import { Cascade, parseRouting } from './index';

const rec = (logMessage: string, source = 'ModernCRM'): LogRecord => ({ source, logMessage });

describe('Cascade over real gRPC tiers', () => {
  const tiers = { regex: new MarkerTier('regex'), embedding: new MarkerTier('embedding'), llm: new MarkerTier('llm') };
  const servers: RunningClassifierServer[] = [];
  let cascade: Cascade;

  beforeAll(async () => {
    for (const t of Object.values(tiers)) servers.push(await startTierServer(t));
  });

  beforeEach(() => {
    for (const t of Object.values(tiers)) {
      t.calls = 0;
      t.records = 0;
      t.sources.length = 0;
    }
    const names = ['regex', 'embedding', 'llm'];
    cascade = new Cascade({
      tiers: names.map((n, i) => remoteTier(n, servers[i].address)),
      routing: parseRouting('{"LegacyCRM": ["llm"], "*": ["regex", "embedding", "llm"]}', names),
      log: silentLogger(),
      batchSize: 4,
      maxBatchesInFlight: 2,
    });
  });

  afterEach(() => cascade.close());
  afterAll(() => Promise.all(servers.map((s) => s.stop(100))));

  it('returns one result per record, in order: decided results kept, abstentions fall through, empty messages never sent', async () => {
    const records = [
      rec('user login @regex label=User Action'),
      rec('disk at 91% @embedding label=Resource Usage'),
      rec(''),
      rec('odd workflow failure @llm label=Workflow Error'),
      rec('nobody knows this'),
      rec('   '),
    ];
    const results = await cascade.classify(records);
    expect(results.map((r) => [r.outcome, r.tier, r.label])).toEqual([
      [Outcome.OUTCOME_DECIDED, 'regex', 'User Action'],
      [Outcome.OUTCOME_DECIDED, 'embedding', 'Resource Usage'],
      [Outcome.OUTCOME_UNCLASSIFIED, '', 'Unclassified'],
      [Outcome.OUTCOME_DECIDED, 'llm', 'Workflow Error'],
      [Outcome.OUTCOME_UNCLASSIFIED, '', 'Unclassified'],
      [Outcome.OUTCOME_UNCLASSIFIED, '', 'Unclassified'],
    ]);
    expect(results[1]).toMatchObject({ confidence: 0.9, reason: 'marker @embedding' });
    expect(results[2].reason).toBe(EMPTY_MESSAGE_REASON);
    expect(results[4].reason).toBe('no tier decided (llm: no @llm marker)');
    expect(results[5].reason).toBe(EMPTY_MESSAGE_REASON);
    // Only non-empty records travel: 4 to regex, 3 abstained on to embedding, 2 to the llm.
    expect([tiers.regex.records, tiers.embedding.records, tiers.llm.records]).toEqual([4, 3, 2]);
  });

  it('routes by source: LegacyCRM goes straight to the llm, in order with everyone else', async () => {
    const records = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 0 ? rec(`legacy ${i} @regex @llm`, 'LegacyCRM') : rec(`modern ${i}${i % 2 ? ' @regex' : ''}`, 'ModernCRM'),
    );
    const results = await cascade.classify(records);
    expect(results).toHaveLength(records.length);
    results.forEach((r, i) => {
      if (i % 3 === 0) expect([i, r.tier, r.reason]).toEqual([i, 'llm', 'marker @llm']);
      else if (i % 2) expect([i, r.tier]).toEqual([i, 'regex']);
      else expect([i, r.outcome, r.reason]).toEqual([i, Outcome.OUTCOME_UNCLASSIFIED, 'no tier decided (llm: no @llm marker)']);
    });
    expect(tiers.regex.sources).not.toContain('LegacyCRM');
    expect(tiers.embedding.sources).not.toContain('LegacyCRM');
  });

  it('answers the records every tier abstained on alike with one shared result, across batches and calls, over tier streams', async () => {
    // As the gateway reaches its tiers (GATEWAY_TIER_STREAMS): their repeated answers decode to shared objects.
    const names = ['regex', 'embedding', 'llm'];
    const streamed = new Cascade({
      tiers: names.map((name, i) => ({ name, breaker: PATIENT_BREAKER, classifier: new GrpcClassifier({ tier: name, address: servers[i].address, timeoutMs: 5_000, batchSize: 4, streams: 2 }) })),
      log: silentLogger(),
      batchSize: 4,
      maxBatchesInFlight: 2,
    });
    const records = Array.from({ length: 12 }, (_, i) => rec(`line ${i}${i % 3 === 0 ? ' @embedding' : ''}`));
    const first = await streamed.classify(records);
    const second = await streamed.classify(records.slice(0, 5));
    await streamed.close();
    const undecided = [...first, ...second].filter((r) => r.outcome === Outcome.OUTCOME_UNCLASSIFIED);
    expect(undecided).toHaveLength(8 + 3);
    expect(undecided[0]).toStrictEqual({ outcome: Outcome.OUTCOME_UNCLASSIFIED, label: 'Unclassified', tier: '', confidence: 0, reason: 'no tier decided (llm: no @llm marker)', template: '' });
    // Batches of 4: the 8 undecided records of the first call crossed the tiers in several calls.
    for (const r of undecided) expect(r).toBe(undecided[0]);
    expect(first.filter((r) => r.tier === 'embedding')).toHaveLength(4);
  });

  it('walks each route on its own: a held llm call for LegacyCRM does not hold back the other sources', async () => {
    tiers.llm.hold();
    const pending = cascade.classify([rec('legacy @llm', 'LegacyCRM'), rec('modern @embedding')]);
    await waitFor(() => tiers.embedding.calls === 1 && tiers.llm.calls === 1);
    tiers.llm.release();
    expect((await pending).map((r) => r.tier)).toEqual(['llm', 'embedding']);
  });

  it('batches per tier instead of one call per record', async () => {
    const records = Array.from({ length: 40 }, (_, i) => rec(`line ${i}${i < 20 ? ' @regex' : ''}`));
    const results = await cascade.classify(records);
    expect(results.filter((r) => r.tier === 'regex')).toHaveLength(20);
    // 40 records in batches of 4 to regex, the 20 it abstains on in batches of 4 to each later tier.
    expect([tiers.regex.calls, tiers.embedding.calls, tiers.llm.calls]).toEqual([10, 5, 5]);
  });

  it('answers an empty input with an empty list and describes itself as the gateway', async () => {
    expect(await cascade.classify([])).toEqual([]);
    expect(tiers.regex.calls).toBe(0);
    const d = cascade.describe();
    expect(d.tier).toBe('gateway');
    expect(d.model).toContain('regex');
    expect(cascade.tierStatus()).toEqual([
      { name: 'regex', state: 'closed' },
      { name: 'embedding', state: 'closed' },
      { name: 'llm', state: 'closed' },
    ]);
  });
});

describe('Cascade templates', () => {
  let server: RunningClassifierServer;
  let cascade: Cascade;

  beforeAll(async () => {
    server = await startTierServer(new MarkerTier('regex'));
  });
  beforeEach(() => {
    cascade = new Cascade({ tiers: [remoteTier('regex', server.address)], log: silentLogger() });
  });
  afterEach(() => cascade.close());
  afterAll(() => server.stop(0));

  it('fills the mined template of every record when asked, and only then', async () => {
    const records = [rec('user 4711 logged in @regex'), rec('disk 93% full'), rec('')];
    const withTemplates = await cascade.classify(records, { includeTemplate: true });
    // A line of a template seen once is its masked line; an empty message keeps the deterministic mask.
    expect(withTemplates.map((r) => r.template)).toEqual([maskTemplate(records[0].logMessage), maskTemplate(records[1].logMessage), maskTemplate('')]);
    expect(withTemplates[0].template).not.toContain('4711');
    expect((await cascade.classify(records)).map((r) => r.template)).toEqual(['', '', '']);
  });

  it('generalises the values of one template across the calls that ask for templates, and learns nothing from the others', async () => {
    const users = ['alice', 'bob', 'carol', 'dave'];
    // A call that does not ask for templates is not mined: these lines teach the miner nothing.
    await cascade.classify(['xavier', 'yusuf', 'zoe'].map((u, i) => rec(`User ${u} logged in from 10.1.3.${i} @regex`)));
    expect(cascade.templateMiner.match('User xavier logged in from 10.1.3.0 @regex')).toBeUndefined();
    await cascade.classify(users.slice(0, 3).map((u) => rec(`User ${u} logged in from 10.1.2.${users.indexOf(u)} @regex`)), { includeTemplate: true });
    const [dave, erin] = await cascade.classify([rec('User dave logged in from 10.1.2.9 @regex'), rec('User erin logged in from 10.1.2.7 @regex')], { includeTemplate: true });
    expect(dave.template).toBe('User <*> logged in from <IP> @regex');
    expect(erin.template).toBe(dave.template);
    expect(cascade.templateMiner.match('User frank logged in from 10.9.9.9 @regex')?.template).toBe(dave.template);
    // The label still comes from the tier, which saw the line itself.
    expect([dave.outcome, dave.tier]).toEqual([Outcome.OUTCOME_DECIDED, 'regex']);
  });

  it('reports the template of the miner it was given', async () => {
    await cascade.close();
    const miner = new TemplateMiner();
    for (const u of ['ann', 'ben', 'cid', 'dot']) miner.add(`Session closed for ${u}`, 'ModernCRM');
    cascade = new Cascade({ tiers: [remoteTier('regex', server.address)], log: silentLogger(), templateMiner: miner });
    const [r] = await cascade.classify([rec('Session closed for eve')], { includeTemplate: true });
    expect(r.template).toBe('Session closed for <*>');
    expect(cascade.templateMiner).toBe(miner);
  });
});

describe('Cascade construction', () => {
  const tier = (name: string) => ({ name, classifier: new MarkerTier(name), breaker: PATIENT_BREAKER });

  it('refuses a configuration that cannot work, saying why', () => {
    expect(() => new Cascade({ tiers: [], log: silentLogger() })).toThrow('a cascade needs at least one tier');
    expect(() => new Cascade({ tiers: [tier('a'), tier('a')], log: silentLogger() })).toThrow('tier names must be unique: a, a');
    expect(() => new Cascade({ tiers: [tier('a')], log: silentLogger(), batchSize: 0 })).toThrow('batchSize must be a positive integer, got 0');
  });

  it('rejects a call routed to a tier it does not have (a hand-written RoutingPolicy; parseRouting checks names up front)', async () => {
    const cascade = new Cascade({ tiers: [tier('a')], routing: { tiersFor: () => ['b'] }, log: silentLogger() });
    await expect(cascade.classify([rec('x')])).rejects.toThrow('routing names unknown tier "b"; tiers: a');
    await cascade.close();
  });
});
