import type { Classification, LogRecord } from '@logclass/contract';
import { abstained, type Classifier } from '@logclass/classifier';
import { defineServiceConfig, serverSettings } from '@logclass/service-config';
import { silentLogger } from '@logclass/observability';
import { checkHealth, GrpcClassifier } from '@logclass/tier-client';
import { startClassifierService } from './index';

class AbstainingClassifier implements Classifier {
  readonly tier = 'demo';
  async classify(records: readonly LogRecord[]): Promise<Classification[]> {
    return records.map(() => abstained(this.tier, 'never sure'));
  }
  describe() {
    return { tier: this.tier, labels: [], model: 'none', maxBatchSize: 100 };
  }
}

describe('startClassifierService', () => {
  it('serves the contract, health and Prometheus metrics from one config', async () => {
    const cfg = defineServiceConfig('demo', serverSettings('DEMO', 50099)).load({ DEMO_GRPC_PORT: '0', DEMO_METRICS_PORT: '0' });
    const running = await startClassifierService('DEMO', cfg, new AbstainingClassifier(), silentLogger());
    try {
      expect(await checkHealth(running.grpc.address)).toBe('SERVING');
      const remote = new GrpcClassifier({ tier: 'demo', address: running.grpc.address, timeoutMs: 2000, batchSize: 100 });
      expect((await remote.classify([{ source: '', logMessage: 'x' }]))[0].reason).toBe('never sure');
      await remote.close();
      const text = await (await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).text();
      expect(text).toContain('logclass_records_total{tier="demo",outcome="abstained",label="none",service="demo"} 1');
    } finally {
      await running.stop();
    }
  });

  it('can run without a metrics port', async () => {
    const cfg = defineServiceConfig('demo', serverSettings('DEMO', 50099)).load({ DEMO_GRPC_PORT: '0', DEMO_METRICS_PORT: '-1' });
    const running = await startClassifierService('DEMO', cfg, new AbstainingClassifier(), silentLogger());
    expect(running.metricsPort).toBeUndefined();
    await running.stop();
  });

  it('names the settings that size its queue when the queue is full', async () => {
    const cfg = defineServiceConfig('demo', serverSettings('DEMO', 50099)).load({ DEMO_GRPC_PORT: '0', DEMO_METRICS_PORT: '-1', DEMO_MAX_IN_FLIGHT: '1', DEMO_MAX_QUEUED: '0' });
    const running = await startClassifierService('DEMO', cfg, new AbstainingClassifier(), silentLogger());
    let release: () => void = () => undefined;
    const busy = running.grpc.queue.run(() => new Promise<void>((r) => (release = () => r())));
    await expect(running.grpc.queue.run(async () => undefined)).rejects.toThrow('demo queue (DEMO_MAX_IN_FLIGHT, DEMO_MAX_QUEUED): queue full');
    release();
    await busy;
    await running.stop();
  });

  it('requires one of <PREFIX>_API_KEYS when set; health stays open', async () => {
    const cfg = defineServiceConfig('demo', serverSettings('DEMO', 50099)).load({ DEMO_GRPC_PORT: '0', DEMO_METRICS_PORT: '-1', DEMO_API_KEYS: 'tier-key-1,tier-key-2' });
    const running = await startClassifierService('DEMO', cfg, new AbstainingClassifier(), silentLogger());
    const record = [{ source: 's', logMessage: 'm' }];
    const anonymous = new GrpcClassifier({ tier: 'demo', address: running.grpc.address, timeoutMs: 3000, batchSize: 10 });
    const keyed = new GrpcClassifier({ tier: 'demo', address: running.grpc.address, timeoutMs: 3000, batchSize: 10, apiKey: 'tier-key-2' });
    await expect(anonymous.classify(record)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await keyed.classify(record)).toEqual([expect.objectContaining({ reason: 'never sure' })]);
    expect(await checkHealth(running.grpc.address)).toBe('SERVING');
    await Promise.all([anonymous.close(), keyed.close()]);
    await running.stop();
  });
});
