import { Outcome, type Classification, type LogRecord } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { silentLogger } from '@logclass/observability';
import { MarkerTier, startTierProcess, type TierProcess } from '@logclass/test-support';
import { killTierServer, PATIENT_BREAKER, remoteTier, startTierServer } from '../test/tier-servers';
import { eventually, sleep, waitFor } from '../test/wait';
import { Cascade, type BreakerSettings, type BreakerState } from './index';

/** Opens quickly and probes again soon: recovery is visible within a test. */
const QUICK_RECOVERY: BreakerSettings = { timeoutMs: 2_000, errorThresholdPercentage: 50, volumeThreshold: 2, resetTimeoutMs: 100 };

/** A distinct letters-only label per index, so every result names the record it belongs to. */
const labelOf = (i: number): string => {
  let s = '';
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return `L${s}`;
};

/**
 * Records whose results are checkable one by one: every record may be decided
 * by the embedding tier; those with `withLlm` may also be decided by the llm
 * tier when the embedding tier is skipped.
 */
const records = (n: number, withLlm: (i: number) => boolean): LogRecord[] =>
  Array.from({ length: n }, (_, i) => ({ source: 'svc', logMessage: `#${i} @embedding${withLlm(i) ? ' @llm' : ''} label=${labelOf(i)}` }));

/** Every result is the record's own: decided with its label, or (when it may) unclassified because the embedding tier was skipped. */
function expectAllAccountedFor(input: readonly LogRecord[], results: readonly Classification[], withLlm: (i: number) => boolean) {
  expect(results).toHaveLength(input.length);
  const bad = results.flatMap((r, i) => {
    if (r.outcome === Outcome.OUTCOME_DECIDED) {
      const okTier = r.tier === 'embedding' || (withLlm(i) && r.tier === 'llm');
      return okTier && r.label === labelOf(i) ? [] : [{ i, r }];
    }
    const skipped = !withLlm(i) && /embedding unavailable/.test(r.reason);
    return skipped ? [] : [{ i, r }];
  });
  expect(bad.slice(0, 3)).toEqual([]);
}


describe('Cascade while tiers go away and come back', () => {
  let embedding: MarkerTier;
  let embeddingServer: RunningClassifierServer;
  let llmServer: RunningClassifierServer;
  let cascade: Cascade;
  const transitions: BreakerState[] = [];

  const start = async (breaker: BreakerSettings, opts: { batchSize: number; maxBatchesInFlight: number }) => {
    embedding = new MarkerTier('embedding');
    embeddingServer = await startTierServer(embedding);
    llmServer = await startTierServer(new MarkerTier('llm'));
    cascade = new Cascade({
      tiers: [remoteTier('embedding', embeddingServer.address, breaker), remoteTier('llm', llmServer.address)],
      log: silentLogger(),
      ...opts,
    });
    transitions.length = 0;
    cascade.onStateChange((_tier, state) => transitions.push(state));
  };

  afterEach(async () => {
    await cascade.close();
    await Promise.all([embeddingServer.stop(0), llmServer.stop(0)]);
  });

  it('half-opens and closes again when a tier restarts on the same port, without a new Cascade', async () => {
    await start(QUICK_RECOVERY, { batchSize: 2, maxBatchesInFlight: 1 });
    const port = embeddingServer.port;
    const onlyEmbedding = () => false;
    expect((await cascade.classify(records(4, onlyEmbedding))).map((r) => r.tier)).toEqual(Array(4).fill('embedding'));

    await killTierServer(embeddingServer);
    const during = await cascade.classify(records(8, onlyEmbedding));
    expectAllAccountedFor(records(8, onlyEmbedding), during, onlyEmbedding);
    expect(during.every((r) => r.outcome === Outcome.OUTCOME_UNCLASSIFIED)).toBe(true);
    // Open (or, on a slow machine, already half-open: the reset timeout is short).
    expect(cascade.tierStatus()[0].state).not.toBe('closed');

    embedding = new MarkerTier('embedding');
    embeddingServer = await startTierServer(embedding, port);
    await eventually(async () => (await cascade.classify(records(1, onlyEmbedding)))[0].tier === 'embedding');

    expect(cascade.tierStatus()[0].state).toBe('closed');
    expect(transitions[0]).toBe('open');
    expect(transitions.slice(-2)).toEqual(['half-open', 'closed']);
    const after = await cascade.classify(records(6, onlyEmbedding));
    expect(after.map((r) => r.tier)).toEqual(Array(6).fill('embedding'));
  });

  it('keeps every request complete and ordered while a tier flaps under steady load', async () => {
    await start(QUICK_RECOVERY, { batchSize: 16, maxBatchesInFlight: 3 });
    const port = embeddingServer.port;
    const everySecond = (i: number) => i % 2 === 0;
    const input = records(200, everySecond);

    let flapping = true;
    const flap = (async () => {
      for (let k = 0; k < 6; k++) {
        await killTierServer(embeddingServer);
        await sleep(80);
        embeddingServer = await startTierServer(embedding, port);
        await sleep(80);
      }
      flapping = false;
    })();
    let requests = 0;
    const client = async () => {
      while (flapping) {
        expectAllAccountedFor(input, await cascade.classify(input), everySecond);
        requests++;
      }
    };
    await Promise.all([flap, client(), client(), client()]);

    expect(requests).toBeGreaterThanOrEqual(3);
    expect(transitions).toContain('open');
    // Once the tier stays up, the cascade uses it again.
    await eventually(async () => (await cascade.classify(records(1, () => false)))[0].tier === 'embedding');
  });

  it('returns all 50,000 records in order when a tier dies in the middle of a large classify', async () => {
    await start({ ...PATIENT_BREAKER, volumeThreshold: 3, errorThresholdPercentage: 50 }, { batchSize: 512, maxBatchesInFlight: 4 });
    // The tier "crashes" while serving its 20th batch (of 98), with other batches in flight.
    embedding.onCall = (call) => {
      if (call === 20) void killTierServer(embeddingServer);
    };
    const notEveryTenth = (i: number) => i % 10 !== 0;
    const input = records(50_000, notEveryTenth);

    const results = await cascade.classify(input);

    expectAllAccountedFor(input, results, notEveryTenth);
    const byTier = (tier: string) => results.filter((r) => r.tier === tier).length;
    const skipped = results.filter((r) => r.outcome === Outcome.OUTCOME_UNCLASSIFIED);
    expect(byTier('embedding')).toBeGreaterThan(0);
    expect(byTier('llm')).toBeGreaterThan(0);
    expect(skipped.length).toBeGreaterThan(0);
    expect(byTier('embedding') + byTier('llm') + skipped.length).toBe(50_000);
    expect(cascade.tierStatus()[0].state).toBe('open');
  });
});

describe('Cascade over a tier that runs in its own process', () => {
  let tierProcess: TierProcess;
  let llmServer: RunningClassifierServer;
  let cascade: Cascade;

  afterEach(async () => {
    await cascade.close();
    await Promise.all([tierProcess.kill(), llmServer.stop(0)]);
  });

  it('survives the tier being SIGKILLed mid-request, and uses it again once it is restarted', async () => {
    tierProcess = await startTierProcess({ tier: 'embedding', delayMs: 20 });
    llmServer = await startTierServer(new MarkerTier('llm'));
    cascade = new Cascade({
      tiers: [remoteTier('embedding', tierProcess.address, QUICK_RECOVERY), remoteTier('llm', llmServer.address)],
      log: silentLogger(),
      batchSize: 50,
      maxBatchesInFlight: 4,
    });
    const notEveryTenth = (i: number) => i % 10 !== 0;
    const input = records(5_000, notEveryTenth);
    const pending = cascade.classify(input);
    await waitFor(() => tierProcess.calls >= 10);
    await tierProcess.kill();
    const results = await pending;

    expectAllAccountedFor(input, results, notEveryTenth);
    expect(results.filter((r) => r.tier === 'embedding').length).toBeGreaterThan(0);
    expect(results.filter((r) => r.tier === 'llm').length).toBeGreaterThan(0);
    expect(results.filter((r) => r.outcome === Outcome.OUTCOME_UNCLASSIFIED).length).toBeGreaterThan(0);

    tierProcess = await startTierProcess({ tier: 'embedding', port: tierProcess.port });
    await eventually(async () => (await cascade.classify(records(1, () => false)))[0].tier === 'embedding');
    expect(cascade.tierStatus()[0].state).toBe('closed');
  });
});
