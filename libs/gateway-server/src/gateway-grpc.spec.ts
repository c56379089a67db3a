import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  LogClassifierClient,
  Outcome,
  type ClassifyBatchRequest,
  type ClassifyBatchResponse,
  type ClassifyRequest,
  type ClassifyResponse,
  type ClassifyStreamResponse,
} from '@logclass/contract';
import { EMPTY_MESSAGE_REASON } from '@logclass/classifier';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { checkHealth } from '@logclass/tier-client';
import { listServicesByReflection, MarkerTier } from '@logclass/test-support';
import { startTestGateway, startTier } from '../test/gateway-fixture';
import type { RunningGateway } from './index';

describe('gateway gRPC API (the LogClassifier contract over the cascade)', () => {
  const regex = new MarkerTier('regex');
  let tier: RunningClassifierServer;
  let gateway: RunningGateway;
  let client: InstanceType<typeof LogClassifierClient>;

  beforeAll(async () => {
    tier = await startTier(regex);
    gateway = await startTestGateway({ GATEWAY_TIERS: `regex=${tier.address}`, GATEWAY_ROUTING: '{}' });
    client = new LogClassifierClient(gateway.grpcAddress, credentials.createInsecure());
  });

  afterAll(async () => {
    client?.close();
    await gateway?.stop();
    await tier?.stop(100);
  });

  const unary = <Req, Res>(method: (req: Req, md: Metadata, cb: (e: ServiceError | null, r: Res) => void) => unknown, req: Req) =>
    new Promise<Res>((resolve, reject) => method.call(client, req, new Metadata(), (e, r) => (e ? reject(e) : resolve(r))));

  it('classifies one record, a batch and a stream', async () => {
    const one = await unary<ClassifyRequest, ClassifyResponse>(client.classify, { record: { source: 'A', logMessage: 'x @regex label=User Action' } });
    expect(one.result).toMatchObject({ outcome: Outcome.OUTCOME_DECIDED, label: 'User Action', tier: 'regex' });

    const batch = await unary<ClassifyBatchRequest, ClassifyBatchResponse>(client.classifyBatch, {
      records: [
        { source: 'A', logMessage: 'nothing here' },
        { source: 'B', logMessage: 'y @regex' },
        { source: 'C', logMessage: '' },
      ],
    });
    expect(batch.results.map((r) => [r.outcome, r.label, r.tier, r.reason])).toEqual([
      [Outcome.OUTCOME_UNCLASSIFIED, 'Unclassified', '', expect.stringMatching(/no tier decided/)],
      [Outcome.OUTCOME_DECIDED, 'Test Label', 'regex', 'marker @regex'],
      // The gateway never abstains: an empty message is Unclassified, with the reason.
      [Outcome.OUTCOME_UNCLASSIFIED, 'Unclassified', '', EMPTY_MESSAGE_REASON],
    ]);

    const call = client.classifyStream();
    const answers: ClassifyStreamResponse[] = [];
    const done = new Promise<void>((resolve, reject) => call.on('data', (r: ClassifyStreamResponse) => answers.push(r)).on('end', resolve).on('error', reject));
    for (let i = 0; i < 3; i++) call.write({ sequence: i, records: [{ source: 'S', logMessage: `m${i} @regex` }] });
    call.end();
    await done;
    expect(answers.map((a) => a.sequence).sort()).toEqual([0, 1, 2]);
    expect(answers.every((a) => a.results[0].label === 'Test Label')).toBe(true);
  });

  it('refuses requests with missing fields with INVALID_ARGUMENT', async () => {
    await expect(unary(client.classify, {})).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'record is required' });
    await expect(unary(client.classifyBatch, { records: [] })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('answers an empty message Unclassified with its reason in Classify, ClassifyBatch and ClassifyStream alike, never an error', async () => {
    const expected = { outcome: Outcome.OUTCOME_UNCLASSIFIED, label: 'Unclassified', tier: '', reason: EMPTY_MESSAGE_REASON };
    for (const logMessage of ['', '  \t ']) {
      const one = await unary<ClassifyRequest, ClassifyResponse>(client.classify, { record: { source: 'A', logMessage } });
      expect(one.result).toMatchObject(expected);
    }
    const batch = await unary<ClassifyBatchRequest, ClassifyBatchResponse>(client.classifyBatch, { records: [{ source: 'A', logMessage: ' ' }] });
    expect(batch.results).toEqual([expect.objectContaining(expected)]);
    const call = client.classifyStream();
    const answers: ClassifyStreamResponse[] = [];
    const done = new Promise<void>((resolve, reject) => call.on('data', (r: ClassifyStreamResponse) => answers.push(r)).on('end', resolve).on('error', reject));
    call.write({ sequence: 7, records: [{ source: 'S', logMessage: '' }] });
    call.end();
    await done;
    expect(answers).toEqual([{ sequence: 7, results: [expect.objectContaining(expected)] }]);
  });

  it('describes itself and speaks health checking and reflection', async () => {
    expect(await unary(client.describe, {})).toMatchObject({ tier: 'gateway' });
    expect(await checkHealth(gateway.grpcAddress)).toBe('SERVING');
    expect(await listServicesByReflection(gateway.grpcAddress)).toEqual(expect.arrayContaining(['logclass.v1.LogClassifier', 'grpc.health.v1.Health']));
  });
});
