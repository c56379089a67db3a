import { Outcome, type Classification, type ClassifyOptions, type LogRecord } from '@logclass/contract';
import type { Classifier } from '@logclass/classifier';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import pino from 'pino';
import { silentLogger } from '@logclass/observability';
import { MarkerTier } from '@logclass/test-support';
import { killTierServer, PATIENT_BREAKER, remoteTier, startShortAnsweringTier, startTierServer } from '../test/tier-servers';
import { waitFor } from '../test/wait';
import { Cascade, parseRouting, type BreakerSettings, type BreakerState } from './index';

const rec = (logMessage: string, source = 'svc'): LogRecord => ({ source, logMessage });
const TIERS = ['regex', 'embedding', 'llm'];
/** Opens after 3 calls in the window if more than half failed; stays open for the whole test. */
const TRIGGER_HAPPY: BreakerSettings = { timeoutMs: 5_000, errorThresholdPercentage: 50, volumeThreshold: 3, resetTimeoutMs: 60_000 };

/** Counts the calls the cascade makes to a tier (including those that never reach a server). */
class CountingClassifier implements Classifier {
  calls = 0;
  constructor(private readonly inner: Classifier) {}
  get tier() {
    return this.inner.tier;
  }
  classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
    this.calls++;
    return this.inner.classify(records, options, signal);
  }
  describe() {
    return this.inner.describe();
  }
  close() {
    return this.inner.close?.() ?? Promise.resolve();
  }
}

describe('Cascade when tiers fail', () => {
  let regex: MarkerTier;
  let embedding: MarkerTier;
  let llm: MarkerTier;
  let servers: Record<string, RunningClassifierServer>;
  let cascade: Cascade | undefined;
  const transitions: Array<[string, BreakerState]> = [];

  beforeEach(async () => {
    regex = new MarkerTier('regex');
    embedding = new MarkerTier('embedding');
    llm = new MarkerTier('llm');
    servers = { regex: await startTierServer(regex), embedding: await startTierServer(embedding), llm: await startTierServer(llm) };
    transitions.length = 0;
  });

  afterEach(async () => {
    await cascade?.close();
    cascade = undefined;
    embedding.release();
    await Promise.all(Object.values(servers).map((s) => s.stop(0)));
  });

  /** regex -> embedding (with the given breaker) -> llm; LegacyCRM records go to the embedding tier only. */
  const build = (embeddingBreaker: BreakerSettings, opts: { batchSize?: number; maxBatchesInFlight?: number } = {}) => {
    const counted = new CountingClassifier(remoteTier('embedding', servers.embedding.address, embeddingBreaker).classifier);
    cascade = new Cascade({
      tiers: [
        remoteTier('regex', servers.regex.address),
        { name: 'embedding', classifier: counted, breaker: embeddingBreaker },
        remoteTier('llm', servers.llm.address),
      ],
      routing: parseRouting('{"LegacyCRM": ["embedding"]}', TIERS),
      log: silentLogger(),
      batchSize: opts.batchSize ?? 2,
      maxBatchesInFlight: opts.maxBatchesInFlight ?? 1,
    });
    cascade.onStateChange((tier, state) => transitions.push([tier, state]));
    return { cascade, counted };
  };

  it('skips a tier that is down from the start, and its open breaker stops further calls', async () => {
    await killTierServer(servers.embedding);
    const { cascade, counted } = build(TRIGGER_HAPPY);
    const records = Array.from({ length: 20 }, (_, i) => (i % 2 ? rec(`#${i} @embedding @llm`) : rec(`#${i} @embedding`, 'LegacyCRM')));
    const results = await cascade.classify(records);

    expect(results).toHaveLength(20);
    results.forEach((r, i) => {
      if (i % 2) expect([i, r.tier, r.outcome]).toEqual([i, 'llm', Outcome.OUTCOME_DECIDED]);
      else expect([i, r.outcome, r.reason]).toEqual([i, Outcome.OUTCOME_UNCLASSIFIED, expect.stringMatching(/^embedding unavailable: /)]);
    });
    // 10 batches of 2 for the embedding tier, one at a time: 3 failures open the breaker, the other 7 never leave the gateway.
    expect(counted.calls).toBe(3);
    expect(results[0].reason).toBe('embedding unavailable: not reachable (UNAVAILABLE)');
    expect(results[18].reason).toBe('embedding unavailable: breaker open');
    expect(cascade.tierStatus()[1]).toEqual({ name: 'embedding', state: 'open', lastFailure: 'unreachable' });
    expect(transitions).toEqual([['embedding', 'open']]);
  });

  it('counts UNAVAILABLE answers from a running tier as failures', async () => {
    embedding.mode = 'fail';
    const { cascade } = build(TRIGGER_HAPPY);
    const results = await cascade.classify(Array.from({ length: 20 }, (_, i) => rec(`#${i} @embedding`)));
    expect(embedding.calls).toBe(3);
    expect(results.every((r) => r.outcome === Outcome.OUTCOME_UNCLASSIFIED)).toBe(true);
    // Nobody decided; the last tier abstained but the reason keeps that the embedding tier could not be asked.
    expect(results[19].reason).toBe('no tier decided (llm: no @llm marker; embedding unavailable: breaker open)');
  });

  it('does not open the breaker on INVALID_ARGUMENT: the tier is up, it refused what it was sent', async () => {
    embedding.mode = 'reject';
    const { cascade } = build({ ...TRIGGER_HAPPY, errorThresholdPercentage: 0, volumeThreshold: 1 });
    const results = await cascade.classify(Array.from({ length: 20 }, (_, i) => rec(`#${i} @embedding`, 'LegacyCRM')));
    expect(embedding.calls).toBe(10);
    expect(results[0].reason).toBe('embedding refused the batch (INVALID_ARGUMENT: embedding refuses this batch)');
    expect(cascade.tierStatus()[1].state).toBe('closed');
    expect(transitions).toEqual([]);
  });

  it('counts a wrong number of results as a failure and uses none of them', async () => {
    const short = await startShortAnsweringTier();
    try {
      cascade = new Cascade({ tiers: [remoteTier('embedding', short.address, TRIGGER_HAPPY)], log: silentLogger(), batchSize: 2, maxBatchesInFlight: 1 });
      const results = await cascade.classify(Array.from({ length: 10 }, (_, i) => rec(`#${i} @embedding`)));
      expect(results.map((r) => r.outcome)).toEqual(Array(10).fill(Outcome.OUTCOME_UNCLASSIFIED));
      expect(results[0].reason).toBe('embedding unavailable: bad answer (embedding returned 1 results for 2 records)');
      expect(short.calls()).toBe(3);
      expect(cascade.tierStatus()[0]).toEqual({ name: 'embedding', state: 'open', lastFailure: 'wrong_result_count' });
    } finally {
      short.stop();
    }
  });

  it('reports a tier failing inside (INTERNAL) as unavailable and counts it', async () => {
    embedding.mode = 'wrong-count'; // the tier's server refuses to send a misaligned answer: INTERNAL
    const { cascade } = build(TRIGGER_HAPPY);
    const results = await cascade.classify(Array.from({ length: 10 }, (_, i) => rec(`#${i} @embedding`, 'LegacyCRM')));
    expect(results[0].reason).toBe('embedding unavailable: INTERNAL');
    expect(embedding.calls).toBe(3);
  });

  it('gives up on a tier that answers after the deadline, cancels the call, and moves on', async () => {
    embedding.hold();
    const { cascade } = build({ ...PATIENT_BREAKER, timeoutMs: 200 });
    const results = await cascade.classify([rec('#0 @embedding @llm'), rec('#1 @embedding', 'LegacyCRM')]);
    expect(results.map((r) => [r.tier, r.reason])).toEqual([
      ['llm', 'marker @llm'],
      ['', 'embedding unavailable: deadline exceeded'],
    ]);
    // The late call was cancelled on the wire: the tier saw its caller go away.
    await waitFor(() => embedding.cancelled === 2);
  });

  it('treats a tier shedding load (RESOURCE_EXHAUSTED) as overloaded: skipped, and counted towards its breaker', async () => {
    const shedding = new MarkerTier('embedding');
    const server = await startTierServer(shedding, 0, { maxInFlight: 1, maxQueued: 0 });
    shedding.hold();
    cascade = new Cascade({
      tiers: [remoteTier('embedding', server.address, { ...TRIGGER_HAPPY, volumeThreshold: 2 })],
      log: silentLogger(),
      batchSize: 1,
      maxBatchesInFlight: 3,
    });
    try {
      const pending = cascade.classify([rec('#0 @embedding'), rec('#1 @embedding'), rec('#2 @embedding')]);
      await waitFor(() => cascade?.tierStatus()[0].state === 'open');
      shedding.release();
      const results = await pending;
      // One batch got the tier's only slot and was answered; the other two were shed.
      expect(results.map((r) => r.reason).sort()).toEqual([
        'embedding unavailable: overloaded (RESOURCE_EXHAUSTED)',
        'embedding unavailable: overloaded (RESOURCE_EXHAUSTED)',
        'marker @embedding',
      ]);
      expect(shedding.calls).toBe(1);
    } finally {
      shedding.release();
      await server.stop(0);
    }
  });

  it('logs breaker transitions as structured lines', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    embedding.mode = 'fail';
    cascade = new Cascade({
      tiers: [remoteTier('embedding', servers.embedding.address, { ...TRIGGER_HAPPY, volumeThreshold: 1 })],
      log,
      batchSize: 1,
      maxBatchesInFlight: 1,
    });
    await cascade.classify([rec('#0 @embedding')]);
    expect(lines).toContainEqual(expect.objectContaining({ tier: 'embedding', from: 'closed', to: 'open', level: 40 }));
  });

  it('propagates cancellation to the tier calls and rejects with CANCELLED', async () => {
    embedding.hold();
    const { cascade } = build(PATIENT_BREAKER, { maxBatchesInFlight: 2 });
    const ac = new AbortController();
    const pending = cascade.classify([rec('#0'), rec('#1'), rec('#2'), rec('#3')], undefined, ac.signal);
    await waitFor(() => embedding.calls === 2);
    ac.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    await waitFor(() => embedding.cancelled === 2);
    expect(cascade.tierStatus()[1].state).toBe('closed');
  });
});
