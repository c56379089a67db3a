import { credentials, Metadata } from '@grpc/grpc-js';
import { LogClassifierClient } from '@logclass/contract';
import { MarkerTier } from '@logclass/test-support';
import { startTestGateway, startTier } from '../test/gateway-fixture';

describe('gateway shutdown', () => {
  it('lets an upload in flight finish, then stops', async () => {
    const regex = new MarkerTier('regex');
    const tier = await startTier(regex);
    const gateway = await startTestGateway({ GATEWAY_TIERS: `regex=${tier.address}`, GATEWAY_ROUTING: '{}' });
    try {
      regex.hold();
      const upload = fetch(`${gateway.httpUrl}/classify`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'source,log_message\nA,x @regex\n' });
      while (regex.calls === 0) await new Promise((r) => setTimeout(r, 10));
      const stopped = gateway.stop();
      regex.release();
      const res = await upload;
      expect(await res.text()).toBe('source,log_message,target_label\nA,x @regex,Test Label\n');
      await stopped;
      await expect(fetch(`${gateway.httpUrl}/healthz`)).rejects.toThrow();
    } finally {
      await gateway.stop();
      await tier.stop(100);
    }
  });

  it('fits the whole drain in GATEWAY_SHUTDOWN_GRACE_MS, with an upload and a gRPC call both stuck', async () => {
    const graceMs = 1000;
    const regex = new MarkerTier('regex');
    const tier = await startTier(regex);
    // The tier deadline is far away: only the grace period can end these calls.
    const gateway = await startTestGateway({ GATEWAY_TIERS: `regex=${tier.address}`, GATEWAY_ROUTING: '{}', GATEWAY_SHUTDOWN_GRACE_MS: String(graceMs), GATEWAY_REGEX_TIMEOUT_MS: '60000' });
    const client = new LogClassifierClient(gateway.grpcAddress, credentials.createInsecure());
    try {
      regex.hold();
      const upload = fetch(`${gateway.httpUrl}/classify`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'source,log_message\nA,x @regex\n' }).then(
        (res) => res.text(),
        (err: Error) => err,
      );
      const call = new Promise((resolve) => client.classify({ record: { source: 'A', logMessage: 'y @regex' } }, new Metadata(), (err, res) => resolve(err ?? res)));
      while (regex.calls < 2) await new Promise((r) => setTimeout(r, 10));
      const started = Date.now();
      await gateway.stop();
      const took = Date.now() - started;
      // Each phase with a grace of its own took two or three times the setting: past any platform's stop timeout set against it.
      expect(took).toBeGreaterThanOrEqual(graceMs - 50);
      expect(took).toBeLessThan(graceMs * 1.8);
      await Promise.all([upload, call]);
    } finally {
      client.close();
      regex.release();
      await gateway.stop();
      await tier.stop(100);
    }
  });
});
