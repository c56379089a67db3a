import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { LogClassifierClient, type ClassifyBatchResponse } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { MarkerTier, scrapeMetrics, type Scrape } from '@logclass/test-support';
import { startTestGateway, startTier } from '../test/gateway-fixture';
import type { RunningGateway } from './index';

/**
 * The gateway's GET /metrics (on its REST port) after real traffic through
 * real tiers: REST and gRPC records each counted once, HTTP series by route
 * pattern, the cascade's per-tier calls, and a killed tier's breaker opening.
 */
describe('gateway metrics', () => {
  const regex = new MarkerTier('regex');
  const llm = new MarkerTier('llm');
  let regexServer: RunningClassifierServer;
  let llmServer: RunningClassifierServer;
  let gateway: RunningGateway;
  const scrape = (): Promise<Scrape> => scrapeMetrics(`${gateway.httpUrl}/metrics`);

  beforeAll(async () => {
    regexServer = await startTier(regex);
    llmServer = await startTier(llm);
    gateway = await startTestGateway({
      GATEWAY_TIERS: `regex=${regexServer.address},llm=${llmServer.address}`,
      GATEWAY_ROUTING: '{"LegacyCRM":["llm"]}',
      // One failed call opens the llm breaker, and it stays open for the test.
      GATEWAY_LLM_VOLUME_THRESHOLD: '1',
      GATEWAY_LLM_ERROR_PERCENT: '1',
      GATEWAY_LLM_RESET_MS: '600000',
      GATEWAY_LLM_TIMEOUT_MS: '2000',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await regexServer?.stop(0);
    await llmServer?.stop(0);
  });

  const uploadCsv = (csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'logs.csv');
    return fetch(`${gateway.httpUrl}/classify`, { method: 'POST', body: form });
  };

  it('counts a CSV upload, a JSON request and a gRPC batch once each, by deciding tier, outcome and label', async () => {
    const before = await scrape();
    const csv = [
      'source,log_message',
      'ModernCRM,User 12 logged in @regex label=User Action',
      'LegacyCRM,Case escalation failed @llm label=Workflow Error',
      'ModernCRM,secret-token-abc nobody decides this',
    ].join('\n');
    const res = await uploadCsv(`${csv}\n`);
    expect(res.status).toBe(200);
    await res.text();
    const json = await fetch(`${gateway.httpUrl}/classify/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ source: 'ModernCRM', log_message: 'User 7 logged in @regex label=User Action' }]),
    });
    expect(json.status).toBe(200);
    await json.text();
    const client = new LogClassifierClient(gateway.grpcAddress, credentials.createInsecure());
    try {
      await new Promise<ClassifyBatchResponse>((resolve, reject) =>
        client.classifyBatch({ records: [{ source: 'ModernCRM', logMessage: 'User 9 logged in @regex label=User Action' }] }, new Metadata(), (e: ServiceError | null, r) =>
          e ? reject(e) : resolve(r),
        ),
      );
    } finally {
      client.close();
    }

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => after.value(name, labels) - before.value(name, labels);
    expect(delta('logclass_records_total', { tier: 'regex', outcome: 'decided', label: 'User Action' })).toBe(3);
    expect(delta('logclass_records_total', { tier: 'llm', outcome: 'decided', label: 'Workflow Error' })).toBe(1);
    expect(delta('logclass_records_total', { outcome: 'unclassified', label: 'Unclassified' })).toBe(1);
    expect(delta('logclass_records_total', {})).toBe(5);
    expect(delta('logclass_http_requests_total', { route: '/classify', status: '200' })).toBe(1);
    expect(delta('logclass_http_requests_total', { route: '/classify/json', status: '200' })).toBe(1);
    expect(delta('logclass_http_request_duration_seconds_count', { route: '/classify' })).toBe(1);
    expect(delta('logclass_rpc_requests_total', { rpc: 'ClassifyBatch', code: 'OK' })).toBe(1);
    // One regex call per request; llm calls for the CSV's two routes (LegacyCRM, and the row regex left).
    expect(delta('logclass_tier_calls_total', { tier: 'regex', result: 'ok' })).toBe(3);
    expect(delta('logclass_tier_calls_total', { tier: 'llm', result: 'ok' })).toBe(2);
    expect(delta('logclass_tier_call_duration_seconds_count', { tier: 'regex' })).toBe(3);
    expect(after.value('logclass_breaker_state', { tier: 'regex' })).toBe(0);
    expect(after.value('logclass_breaker_state', { tier: 'llm' })).toBe(0);
    // Every series has the service label; no message text ever becomes a label value.
    expect(after.samples.filter((s) => s.name.startsWith('logclass_')).every((s) => s.labels.service === 'gateway')).toBe(true);
    expect(after.text).not.toMatch(/logged in|secret-token|Case escalation/);
  });

  it('labels HTTP requests by route pattern, never by raw URL', async () => {
    const before = await scrape();
    expect((await fetch(`${gateway.httpUrl}/no/such/path?user=alice`)).status).toBe(404);
    expect((await fetch(`${gateway.httpUrl}/healthz?probe=1`)).status).toBe(200);
    const after = await scrape();
    expect(after.value('logclass_http_requests_total', { route: 'unmatched', status: '404' }) - before.value('logclass_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    expect(after.value('logclass_http_requests_total', { route: '/healthz', status: '200' }) - before.value('logclass_http_requests_total', { route: '/healthz', status: '200' })).toBe(1);
    expect(after.text).not.toMatch(/alice|\/no\/such/);
  });

  it('shows a killed tier: failed calls, its breaker open (2), the transition, then calls refused by the open breaker', async () => {
    await llmServer.stop(0);
    const legacy = ['source,log_message', 'LegacyCRM,Case escalation failed @llm label=Workflow Error'].join('\n') + '\n';
    for (let i = 0; i < 2; i++) {
      const res = await uploadCsv(legacy);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/Unclassified/);
    }
    const after = await scrape();
    expect(after.value('logclass_breaker_state', { tier: 'llm' })).toBe(2);
    expect(after.value('logclass_breaker_transitions_total', { tier: 'llm', to: 'open' })).toBe(1);
    expect(after.value('logclass_tier_calls_total', { tier: 'llm', result: 'failed' })).toBe(1);
    expect(after.value('logclass_tier_calls_total', { tier: 'llm', result: 'breaker_open' })).toBe(1);
    expect(after.value('logclass_records_total', { tier: 'none', outcome: 'unclassified', label: 'Unclassified' })).toBeGreaterThanOrEqual(3);
  });
});
