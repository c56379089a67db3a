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
});
