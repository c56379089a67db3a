import { resourceExhausted } from '@logclass/classifier';
import { ServiceMetrics } from '@logclass/observability';
import { parsePrometheusText } from '@logclass/test-support';
import { observeRpc } from './observe-rpc';
import { echo, testCall } from '../../test/middleware-calls';

describe('observeRpc', () => {
  it('counts every call by the status it ended with, and times it', async () => {
    const metrics = new ServiceMetrics('test');
    const ok = observeRpc(metrics, 'ClassifyBatch')(echo<string>());
    const refused = observeRpc(metrics, 'ClassifyBatch')<string, string>(async () => Promise.reject(resourceExhausted('queue full')));
    await ok('a', testCall());
    await ok('b', testCall());
    await expect(refused('c', testCall())).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    const scrape = parsePrometheusText((await metrics.render()).body);
    expect(scrape.value('logclass_rpc_requests_total', { rpc: 'ClassifyBatch', code: 'OK' })).toBe(2);
    expect(scrape.value('logclass_rpc_requests_total', { rpc: 'ClassifyBatch', code: 'RESOURCE_EXHAUSTED' })).toBe(1);
    expect(scrape.value('logclass_rpc_duration_seconds_count', { rpc: 'ClassifyBatch' })).toBe(3);
  });
});
