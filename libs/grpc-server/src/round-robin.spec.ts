import type { Classification, LogRecord } from '@logclass/contract';
import { decided, type Classifier } from '@logclass/classifier';
import { silentLogger } from '@logclass/observability';
// Lives with the server's specs: tier-client itself never imports the server side.
import { GrpcClassifier } from '@logclass/tier-client';
import { startClassifierServer, type RunningClassifierServer } from './index';

/**
 * In Kubernetes the gateway reaches a tier through a headless Service
 * (`dns:///regex-headless:50051`), which resolves to one address per pod.
 * These tests play that on loopback: one GrpcClassifier whose target lists
 * three real tier servers, as the DNS resolver would, and check that
 * round_robin spreads batches over all of them and routes around one that stops.
 */

/** A real classifier that only counts the batches it answered. */
class CountingClassifier implements Classifier {
  readonly tier = 'counting';
  batches = 0;
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    this.batches++;
    return records.map(() => decided(this.tier, 'User Action', 1, 'counted'));
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'counter', maxBatchSize: 100 };
  }
}

const INSTANCES = 3;
const batch: LogRecord[] = [{ source: 'svc', logMessage: 'user 7 logged in' }];

describe('round-robin over several instances of one tier', () => {
  const classifiers: CountingClassifier[] = [];
  const servers: RunningClassifierServer[] = [];
  let client: GrpcClassifier;

  beforeAll(async () => {
    for (let i = 0; i < INSTANCES; i++) {
      const classifier = new CountingClassifier();
      classifiers.push(classifier);
      servers.push(
        await startClassifierServer({
          classifier,
          host: '127.0.0.1',
          port: 0,
          maxBatchSize: 100,
          maxBatchSizeSetting: 'COUNTING_MAX_BATCH_SIZE',
          maxInFlight: 4,
          maxQueued: 16,
          log: silentLogger(),
        }),
      );
    }
    // The address list a DNS lookup of a headless Service would return.
    const target = `ipv4:${servers.map((s) => `127.0.0.1:${s.port}`).join(',')}`;
    client = new GrpcClassifier({ tier: 'counting', address: target, timeoutMs: 5000, batchSize: 100 });
  });

  afterAll(async () => {
    await client.close();
    await Promise.all(servers.map((s) => s.stop(100)));
  });

  const counts = () => classifiers.map((c) => c.batches);
  const send = async (n: number) => {
    for (let i = 0; i < n; i++) expect(await client.classify(batch)).toHaveLength(1);
  };

  it('spreads sequential batches over every instance', async () => {
    // Subchannels become ready one by one; once all three are, round_robin rotates strictly.
    for (let i = 0; i < 500 && counts().some((c) => c === 0); i++) await send(1);
    expect(counts().every((c) => c > 0)).toBe(true);

    const before = counts();
    await send(30);
    const share = counts().map((c, i) => c - before[i]);
    expect(share).toEqual([10, 10, 10]);
  });

  it('keeps answering on the remaining instances when one stops', async () => {
    await servers[0].stop(0);
    const before = counts();
    await send(20);
    const share = counts().map((c, i) => c - before[i]);
    expect(share[0]).toBe(0);
    expect(share[1]).toBeGreaterThan(0);
    expect(share[2]).toBeGreaterThan(0);
    expect(share[1] + share[2]).toBe(20);
  });
});
