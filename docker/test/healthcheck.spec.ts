import type { Classification, LogRecord } from '@logclass/contract';
import { unclassified, type Classifier } from '@logclass/classifier';
import { silentLogger } from '@logclass/observability';
import { startClassifierServer, type RunningClassifierServer } from '@logclass/grpc-server';
import { probe, probeAddress } from '../healthcheck/probe';

/** The image HEALTHCHECK against a real tier server: what Docker would see. */
class IdleClassifier implements Classifier {
  readonly tier = 'idle';
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    return records.map(() => unclassified('idle', this.tier));
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'none', maxBatchSize: 1 };
  }
}

describe('container healthcheck probe', () => {
  let server: RunningClassifierServer;

  beforeAll(async () => {
    server = await startClassifierServer({
      classifier: new IdleClassifier(),
      host: '127.0.0.1',
      port: 0,
      maxBatchSize: 1,
      maxBatchSizeSetting: 'IDLE_MAX_BATCH_SIZE',
      maxInFlight: 1,
      maxQueued: 0,
      log: silentLogger(),
    });
  });

  afterAll(() => server.stop(0));

  it('reads the port from the service variable, falling back to the default', () => {
    expect(probeAddress(['REGEX_GRPC_PORT', '50051'], {})).toBe('127.0.0.1:50051');
    expect(probeAddress(['REGEX_GRPC_PORT', '50051'], { REGEX_GRPC_PORT: '6000' })).toBe('127.0.0.1:6000');
    expect(() => probeAddress(['REGEX_GRPC_PORT', '50051'], { REGEX_GRPC_PORT: 'x' })).toThrow(/not a port/);
    expect(() => probeAddress([], {})).toThrow(/usage/);
  });

  it('is healthy while the server reports SERVING, overall and for the contract service', async () => {
    const env = { IDLE_GRPC_PORT: String(server.port) };
    await expect(probe(['IDLE_GRPC_PORT', '1'], env)).resolves.toMatchObject({ status: 'SERVING', exitCode: 0 });
    await expect(probe(['IDLE_GRPC_PORT', '1', 'logclass.v1.LogClassifier'], env)).resolves.toMatchObject({ exitCode: 0 });
  });

  it('is unhealthy when the server reports NOT_SERVING or does not answer', async () => {
    const env = { IDLE_GRPC_PORT: String(server.port) };
    server.setServing(false);
    await expect(probe(['IDLE_GRPC_PORT', '1'], env)).resolves.toMatchObject({ status: 'NOT_SERVING', exitCode: 1 });
    server.setServing(true);
    await server.stop(0);
    await expect(probe(['IDLE_GRPC_PORT', '1'], env, 500)).resolves.toMatchObject({ status: 'UNREACHABLE', exitCode: 1 });
  });
});
