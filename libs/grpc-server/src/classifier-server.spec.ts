import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  LogClassifierClient,
  Outcome,
  type Classification,
  type ClassifyStreamResponse,
  type ClassifyRequest,
  type ClassifyResponse,
  type ClassifyBatchRequest,
  type ClassifyBatchResponse,
  type LogRecord,
} from '@logclass/contract';
import { abstained, classifyNonEmpty, decided, EMPTY_MESSAGE_REASON, type Classifier } from '@logclass/classifier';
import { ServiceMetrics, silentLogger } from '@logclass/observability';
import { checkHealth, GrpcClassifier } from '@logclass/tier-client';
import { listServicesByReflection } from '@logclass/test-support';
import { startClassifierServer, type ClassifierServerOptions, type RunningClassifierServer } from './index';

/** A tiny real classifier: decides lines containing "login", abstains otherwise (empty ones as every tier does); can be held. */
class KeywordClassifier implements Classifier {
  readonly tier = 'keyword';
  calls = 0;
  /** Every message the classifier was given. */
  seen: string[] = [];
  hold: Promise<void> | undefined;
  serving = true;
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    this.calls++;
    this.seen.push(...records.map((r) => r.logMessage));
    if (this.hold) await this.hold;
    return classifyNonEmpty(
      records,
      () => abstained(this.tier, EMPTY_MESSAGE_REASON),
      async (nonEmpty) =>
        nonEmpty.map((r) => (r.logMessage.includes('login') ? decided(this.tier, 'User Action', 1, 'keyword login') : abstained(this.tier, 'no keyword'))),
    );
  }
  describe() {
    return { tier: this.tier, labels: [{ name: 'User Action', description: '' }], model: 'keywords', maxBatchSize: 3 };
  }
  isServing() {
    return this.serving;
  }
}

const rec = (logMessage: string, source = 'svc'): LogRecord => ({ source, logMessage });

/** A server small enough to fill: batches of 3, one call at a time and one waiting. */
const keywordServerOptions = (classifier: KeywordClassifier): ClassifierServerOptions => ({
  classifier,
  host: '127.0.0.1',
  port: 0,
  maxBatchSize: 3,
  maxBatchSizeSetting: 'KEYWORD_MAX_BATCH_SIZE',
  maxInFlight: 1,
  maxQueued: 1,
  log: silentLogger(),
});

describe('classifier server', () => {
  let classifier: KeywordClassifier;
  let running: RunningClassifierServer;
  let client: InstanceType<typeof LogClassifierClient>;

  beforeEach(async () => {
    classifier = new KeywordClassifier();
    running = await startClassifierServer(keywordServerOptions(classifier));
    client = new LogClassifierClient(running.address, credentials.createInsecure());
  });

  afterEach(async () => {
    client.close();
    await running.stop(100);
  });

  const unary = <Req, Res>(method: (req: Req, md: Metadata, cb: (e: ServiceError | null, r: Res) => void) => unknown, req: Req) =>
    new Promise<Res>((resolve, reject) => method.call(client, req, new Metadata(), (e, r) => (e ? reject(e) : resolve(r))));

  it('classifies one record and refuses a missing record', async () => {
    const res = await unary<ClassifyRequest, ClassifyResponse>(client.classify, { record: rec('user login ok') });
    expect(res.result).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'User Action', tier: 'keyword' });
    await expect(unary(client.classify, {})).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'record is required' });
  });

  it('passes empty messages to the classifier, so Classify answers them as ClassifyBatch does: never an error', async () => {
    const one = await unary<ClassifyRequest, ClassifyResponse>(client.classify, { record: rec('  ') });
    expect(one.result).toMatchObject({ outcome: Outcome.OUTCOME_ABSTAINED, tier: 'keyword', reason: 'empty log_message' });
    const res = await unary<ClassifyBatchRequest, ClassifyBatchResponse>(client.classifyBatch, { records: [rec('a'), rec(''), rec('login')] });
    expect(res.results.map((r: Classification) => [r.outcome, r.reason])).toEqual([
      [Outcome.OUTCOME_ABSTAINED, 'no keyword'],
      [Outcome.OUTCOME_ABSTAINED, 'empty log_message'],
      [Outcome.OUTCOME_DECIDED, 'keyword login'],
    ]);
    expect(classifier.seen).toEqual(['  ', 'a', '', 'login']);
  });

  it('refuses an empty batch and one over the batch size limit', async () => {
    await expect(unary(client.classifyBatch, { records: [] })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(unary(client.classifyBatch, { records: [rec('1'), rec('2'), rec('3'), rec('4')] })).rejects.toMatchObject({
      code: status.RESOURCE_EXHAUSTED,
      details: expect.stringContaining('KEYWORD_MAX_BATCH_SIZE'),
    });
  });

  it('refuses work with RESOURCE_EXHAUSTED when its queue is full', async () => {
    let release!: () => void;
    classifier.hold = new Promise((r) => (release = r));
    const first = unary(client.classifyBatch, { records: [rec('a')] }); // running
    await new Promise((r) => setTimeout(r, 50));
    const second = unary(client.classifyBatch, { records: [rec('b')] }); // queued
    await new Promise((r) => setTimeout(r, 50));
    await expect(unary(client.classifyBatch, { records: [rec('c')] })).rejects.toMatchObject({ code: status.RESOURCE_EXHAUSTED });
    release();
    await expect(first).resolves.toBeDefined();
    await expect(second).resolves.toBeDefined();
  });

  it('streams batches and tags each answer with its sequence', async () => {
    const call = client.classifyStream();
    const answers: ClassifyStreamResponse[] = [];
    const done = new Promise<void>((resolve, reject) => {
      call.on('data', (r: ClassifyStreamResponse) => answers.push(r));
      call.on('end', resolve);
      call.on('error', reject);
    });
    for (let i = 0; i < 5; i++) call.write({ sequence: i, records: [rec(`login ${i}`), rec(`x ${i}`)] });
    call.end();
    await done;
    expect(answers.map((a) => a.sequence).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const a of answers) expect(a.results.map((r) => r.outcome)).toEqual([Outcome.OUTCOME_DECIDED, Outcome.OUTCOME_ABSTAINED]);
  });

  it('ends a stream with the status of a refused batch', async () => {
    const call = client.classifyStream();
    const err = await new Promise<ServiceError>((resolve) => {
      call.on('data', () => undefined);
      call.on('error', resolve);
      call.write({ sequence: 1, records: [] });
    });
    expect(err.code).toBe(status.INVALID_ARGUMENT);
  });

  it('speaks standard health checking and reflection', async () => {
    expect(await checkHealth(running.address)).toBe('SERVING');
    expect(await checkHealth(running.address, 'logclass.v1.LogClassifier')).toBe('SERVING');
    running.setServing(false);
    expect(await checkHealth(running.address, 'logclass.v1.LogClassifier')).toBe('NOT_SERVING');
    expect(await listServicesByReflection(running.address)).toEqual(
      expect.arrayContaining(['logclass.v1.LogClassifier', 'grpc.health.v1.Health']),
    );
  });

  it('is a Classifier again through GrpcClassifier, splitting large inputs into batches', async () => {
    const remote = new GrpcClassifier({ tier: 'keyword', address: running.address, timeoutMs: 2000, batchSize: 3 });
    const records = Array.from({ length: 8 }, (_, i) => rec(i % 2 ? `login ${i}` : `other ${i}`));
    const results = await remote.classify(records);
    expect(results.map((r) => r.outcome)).toEqual(records.map((_, i) => (i % 2 ? Outcome.OUTCOME_DECIDED : Outcome.OUTCOME_ABSTAINED)));
    expect(classifier.calls).toBe(3);
    expect((await remote.fetchDescription()).model).toBe('keywords');
    await remote.close();
  });

  it('counts RPCs and results in the service metrics', async () => {
    const metrics = new ServiceMetrics('keyword');
    const counted = await startClassifierServer({ ...keywordServerOptions(classifier), metrics });
    const remote = new GrpcClassifier({ tier: 'keyword', address: counted.address, timeoutMs: 2000, batchSize: 3 });
    await remote.classify([rec('login'), rec('x'), rec('')]);
    const text = (await metrics.render()).body;
    expect(text).toContain('logclass_rpc_requests_total{rpc="ClassifyBatch",code="OK",service="keyword"} 1');
    expect(text).toContain('logclass_records_total{tier="keyword",outcome="decided",label="User Action",service="keyword"} 1');
    expect(text).toContain('logclass_records_total{tier="keyword",outcome="abstained",label="none",service="keyword"} 2');
    expect(text).toContain('logclass_admission_queue{state="running",service="keyword"} 0');
    await remote.close();
    await counted.stop(100);
  });

  it('stops gracefully: health goes NOT_SERVING and new calls fail', async () => {
    const address = running.address;
    await running.stop(100);
    expect(await checkHealth(address, '', { timeoutMs: 300 })).toBe('UNREACHABLE');
    const remote = new GrpcClassifier({ tier: 'keyword', address, timeoutMs: 300, batchSize: 3 });
    await expect(remote.classify([rec('x')])).rejects.toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|DEADLINE_EXCEEDED/) });
    await remote.close();
  });
});
