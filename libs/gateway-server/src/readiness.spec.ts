import type { RunningClassifierServer } from '@logclass/grpc-server';
import { MarkerTier } from '@logclass/test-support';
import { startTestGateway, startTier } from '../test/gateway-fixture';
import type { ReadinessReport } from './index';

/** A port nothing listens on: a tier that is down. */
const DOWN = '127.0.0.1:1';

describe('GET /readyz with tiers down', () => {
  let up: RunningClassifierServer;

  beforeAll(async () => {
    up = await startTier(new MarkerTier('regex'));
  });
  afterAll(() => up.stop(100));

  it('stays 200 but reports "degraded" while some tier is usable, and classification still answers', async () => {
    const gateway = await startTestGateway({ GATEWAY_TIERS: `regex=${up.address},llm=${DOWN}`, GATEWAY_ROUTING: '{"LegacyCRM":["llm"]}' });
    try {
      const res = await fetch(`${gateway.httpUrl}/readyz`);
      expect(res.status).toBe(200);
      const report = (await res.json()) as ReadinessReport;
      expect(report.status).toBe('degraded');
      expect(report.tiers).toEqual([
        expect.objectContaining({ name: 'regex', health: 'SERVING', breaker: 'closed' }),
        expect.objectContaining({ name: 'llm', address: DOWN, health: 'UNREACHABLE' }),
      ]);
      const csv = await fetch(`${gateway.httpUrl}/classify`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'source,log_message\nLegacyCRM,case failed\nA,x @regex\n',
      });
      expect(await csv.text()).toMatch(/^source,log_message,target_label\nLegacyCRM,case failed,Unclassified\nA,x @regex,Test Label\n$/);
    } finally {
      await gateway.stop();
    }
  });

  it('answers 503 when no tier is usable, yet still classifies', async () => {
    const gateway = await startTestGateway({ GATEWAY_TIERS: `llm=${DOWN}`, GATEWAY_ROUTING: '{}' });
    const res = await fetch(`${gateway.httpUrl}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as ReadinessReport).status).toBe('unavailable');
    // Every record still gets an answer: Unclassified, with the reason.
    const json = await fetch(`${gateway.httpUrl}/classify/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"source":"A","log_message":"x"}]' });
    expect(await json.json()).toEqual([{ label: 'Unclassified', tier: '', confidence: 0, reason: expect.stringMatching(/llm unavailable/) }]);
    await gateway.stop();
    expect((await fetch(`${gateway.httpUrl}/healthz`).catch(() => undefined))?.status).toBeUndefined();
  });
});
