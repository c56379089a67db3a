import { silentLogger } from '@logclass/observability';
import { scrapeMetrics } from '@logclass/test-support';
import { GrpcClassifier } from '@logclass/tier-client';
import { config } from './config';
import { startEmbeddingService } from './service';

describe('embedding tier metrics', () => {
  it('exports template cache hits, misses and size after repeated templates (shipped model, as main.ts starts it)', async () => {
    const running = await startEmbeddingService(config.load({ EMBEDDING_GRPC_PORT: '0', EMBEDDING_METRICS_PORT: '0', LOG_LEVEL: 'silent' }), silentLogger());
    const client = new GrpcClassifier({ tier: 'embedding', address: running.grpc.address, timeoutMs: 5000, batchSize: 100 });
    try {
      // One template ("User <*> logged in."): the first call misses, the next two hit.
      for (const user of [12, 13, 14]) await client.classify([{ source: 'svc', logMessage: `User ${user} logged in.` }]);
      const m = await scrapeMetrics(`http://127.0.0.1:${running.metricsPort}/metrics`);
      expect(m.value('logclass_embedding_cache_lookups_total', { result: 'miss', service: 'embedding' })).toBe(1);
      expect(m.value('logclass_embedding_cache_lookups_total', { result: 'hit' })).toBe(2);
      expect(m.value('logclass_embedding_cache_entries')).toBe(1);
      expect(m.value('logclass_rpc_requests_total', { rpc: 'ClassifyBatch', code: 'OK' })).toBe(3);
      expect(m.value('logclass_records_total', { tier: 'embedding' })).toBe(3);
      expect(m.text).not.toMatch(/logged in/);
    } finally {
      await client.close();
      await running.stop();
    }
  });
});
