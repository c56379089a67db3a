import { ServiceMetrics, startMetricsServer } from './index';

describe('ServiceMetrics', () => {
  it('serves the shared families over HTTP in Prometheus text format', async () => {
    const metrics = new ServiceMetrics('demo');
    metrics.rpcRequests.inc({ rpc: 'ClassifyBatch', code: 'OK' });
    metrics.records.inc({ tier: 'regex', outcome: 'decided', label: 'User Action' }, 3);
    const calls = metrics.counter('logclass_llm_calls_total', 'LLM calls.', ['result']);
    calls.inc({ result: 'ok' });
    const server = await startMetricsServer(metrics, '127.0.0.1', 0);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const text = await res.text();
      expect(text).toContain('logclass_rpc_requests_total{rpc="ClassifyBatch",code="OK",service="demo"} 1');
      expect(text).toContain('logclass_records_total{tier="regex",outcome="decided",label="User Action",service="demo"} 3');
      expect(text).toContain('logclass_llm_calls_total{result="ok",service="demo"} 1');
      expect(text).toContain('process_resident_memory_bytes');
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
