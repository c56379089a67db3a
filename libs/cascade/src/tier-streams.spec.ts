import type { Classification, LogRecord } from '@logclass/contract';
import { startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { ServiceMetrics, silentLogger } from '@logclass/observability';
import { MarkerTier, parsePrometheusText } from '@logclass/test-support';
import { GrpcClassifier } from '@logclass/tier-client';
import { startShortAnsweringTier } from '../test/tier-servers';

const recs = (tag: string, n: number): LogRecord[] =>
  Array.from({ length: n }, (_, i) => ({ source: tag, logMessage: i % 2 === 0 ? `${tag} ${i} @t label=Even` : `${tag} ${i}` }));

function expectAnswersFor(records: readonly LogRecord[], results: readonly Classification[]): void {
  expect(results.map((r) => r.label)).toEqual(records.map((r) => (r.logMessage.includes('@t') ? 'Even' : '')));
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(condition()).toBe(true);
}

/** The tier client's batches over long-lived ClassifyStreams to a real tier server (the gateway's default transport). */
describe('tier client over streams', () => {
  let tier: MarkerTier;
  let server: RunningClassifierServer;
  let metrics: ServiceMetrics;
  let client: GrpcClassifier;

  const start = async (opts: { maxBatchSize?: number; port?: number } = {}) => {
    metrics = new ServiceMetrics('tier');
    server = await startClassifierServer({
      classifier: tier,
      host: '127.0.0.1',
      port: opts.port ?? 0,
      maxBatchSize: opts.maxBatchSize ?? 10_000,
      maxBatchSizeSetting: 'TEST_MAX_BATCH_SIZE',
      maxInFlight: 16,
      maxQueued: 100,
      log: silentLogger(),
      metrics,
    });
  };
  const rpcs = async (rpc: string) =>
    parsePrometheusText((await metrics.render()).body).value('logclass_rpc_requests_total', { rpc });

  beforeEach(async () => {
    tier = new MarkerTier('t');
    await start();
  });

  afterEach(async () => {
    tier.release();
    await client?.close();
    await server.stop(0);
  });

  const connect = (opts: { timeoutMs?: number; streamMaxAgeMs?: number; streams?: number } = {}) =>
    (client = new GrpcClassifier({
      tier: 't',
      address: server.address,
      timeoutMs: opts.timeoutMs ?? 5_000,
      batchSize: 1_000,
      streams: opts.streams ?? 2,
      streamMaxAgeMs: opts.streamMaxAgeMs,
    }));

  it('carries concurrent batches as stream messages, each answered with its own rows in order', async () => {
    connect();
    const batches = Array.from({ length: 6 }, (_, i) => recs(`b${i}`, 5 + i));
    const answers = await Promise.all(batches.map((b) => client.classify(b)));
    answers.forEach((a, i) => expectAnswersFor(batches[i], a));
    expect(await rpcs('ClassifyStream.batch')).toBe(6);
    expect(await rpcs('ClassifyBatch')).toBe(0);
  });

  it('fails only the batch that broke the stream; its neighbours are asked again alone and answered', async () => {
    await server.stop(0);
    await start({ maxBatchSize: 5 });
    connect();
    tier.hold();
    const small = [recs('a', 3), recs('c', 4)];
    const answers = small.map((b) => client.classify(b));
    await until(() => tier.calls === 2);
    // Too big for the tier: it ends the whole stream with RESOURCE_EXHAUSTED while the others are held.
    await expect(client.classify(recs('big', 8))).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    tier.release();
    const [a, c] = await Promise.all(answers);
    expectAnswersFor(small[0], a);
    expectAnswersFor(small[1], c);
    expect(await rpcs('ClassifyBatch')).toBeGreaterThanOrEqual(2); // the retries, plus the big batch alone
  });

  it('gives up on a batch after timeoutMs with DEADLINE_EXCEEDED, and cancels its stream so the tier stops', async () => {
    connect({ timeoutMs: 200 });
    tier.hold();
    await expect(client.classify(recs('slow', 2))).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    await until(() => tier.cancelled === 1);
    tier.release();
    const next = recs('next', 3);
    expectAnswersFor(next, await client.classify(next));
  });

  it('rejects a cancelled batch with CANCELLED at once and keeps a stream other batches still use', async () => {
    connect({ streams: 1 }); // both batches share the one stream
    tier.hold();
    const ac = new AbortController();
    const gone = client.classify(recs('gone', 2), undefined, ac.signal);
    const kept = recs('kept', 3);
    const stays = client.classify(kept);
    await until(() => tier.calls === 2);
    ac.abort();
    await expect(gone).rejects.toMatchObject({ code: 'CANCELLED' });
    tier.release();
    expectAnswersFor(kept, await stays);
    expect(tier.cancelled).toBe(0);
  });

  it('fails batches to a tier that died with UNAVAILABLE, and opens a new stream once it is back', async () => {
    connect();
    const first = recs('first', 2);
    expectAnswersFor(first, await client.classify(first));
    const port = server.port;
    server.server.forceShutdown();
    await server.stop(0);
    await expect(client.classify(recs('down', 2))).rejects.toMatchObject({ code: expect.stringMatching(/^(UNAVAILABLE|CANCELLED)$/) });
    await start({ port });
    const again = recs('again', 3);
    let answered: Classification[] | undefined;
    for (let i = 0; i < 100 && !answered; i++) {
      answered = await client.classify(again).catch(() => undefined);
      if (!answered) await new Promise((r) => setTimeout(r, 50));
    }
    expectAnswersFor(again, answered ?? []);
  });

  it('fails a batch the tier answered with the wrong number of results, as a unary answer would be', async () => {
    const short = await startShortAnsweringTier();
    const batch = recs('s', 3);
    const viaStream = new GrpcClassifier({ tier: 'short', address: short.address, timeoutMs: 5_000, batchSize: 1_000, streams: 1 });
    const unary = new GrpcClassifier({ tier: 'short', address: short.address, timeoutMs: 5_000, batchSize: 1_000 });
    try {
      for (const c of [viaStream, unary]) {
        await expect(c.classify(batch)).rejects.toMatchObject({ code: 'WRONG_RESULT_COUNT', message: 'short returned 2 results for 3 records' });
      }
      expect(short.calls()).toBe(2);
    } finally {
      await viaStream.close();
      await unary.close();
      short.stop();
    }
  });

    it('retires streams past their age and carries on over fresh ones', async () => {
    connect({ streamMaxAgeMs: 1 });
    for (let i = 0; i < 5; i++) {
      const batch = recs(`r${i}`, 3);
      expectAnswersFor(batch, await client.classify(batch));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await rpcs('ClassifyStream.batch')).toBe(5);
  });
});
