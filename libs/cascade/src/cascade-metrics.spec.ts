import type { LogRecord } from '@logclass/contract';
import type { RunningClassifierServer } from '@logclass/grpc-server';
import { ServiceMetrics, silentLogger } from '@logclass/observability';
import { MarkerTier, parsePrometheusText, type Scrape } from '@logclass/test-support';
import { PATIENT_BREAKER, remoteTier, startTierServer } from '../test/tier-servers';
import { eventually } from '../test/wait';
import { Cascade, instrumentCascade } from './index';

const rec = (logMessage: string): LogRecord => ({ source: 'svc', logMessage });

/** How each way a batch call can end shows in logclass_tier_calls_total (real tiers over gRPC). */
describe('cascade metrics', () => {
  const refusing = new MarkerTier('refusing');
  const slow = new MarkerTier('slow');
  const good = new MarkerTier('good');
  let servers: RunningClassifierServer[];
  let cascade: Cascade;
  let metrics: ServiceMetrics;
  const scrape = async (): Promise<Scrape> => parsePrometheusText((await metrics.render()).body);

  beforeAll(async () => {
    refusing.mode = 'reject';
    slow.hold();
    servers = [await startTierServer(refusing), await startTierServer(slow), await startTierServer(good)];
    cascade = new Cascade({
      tiers: [
        remoteTier('refusing', servers[0].address),
        // Held answers: this tier's calls end at its 300 ms deadline.
        remoteTier('slow', servers[1].address, { ...PATIENT_BREAKER, timeoutMs: 300 }),
        remoteTier('good', servers[2].address),
      ],
      log: silentLogger(),
    });
    metrics = new ServiceMetrics('gateway');
    instrumentCascade(cascade, metrics);
  });

  afterAll(async () => {
    slow.release();
    await cascade.close();
    await Promise.all(servers.map((s) => s.stop(0)));
  });

  it('starts every tier with a zero ok series and a closed breaker', async () => {
    const m = await scrape();
    for (const tier of ['refusing', 'slow', 'good']) {
      expect(m.samples).toContainEqual({ name: 'logclass_tier_calls_total', labels: { tier, result: 'ok', service: 'gateway' }, value: 0 });
      expect(m.value('logclass_breaker_state', { tier })).toBe(0);
    }
  });

  it('counts a refusal as rejected, a missed deadline as timeout and an answer as ok, timing the calls that were sent', async () => {
    const [result] = await cascade.classify([rec('x @good label=User Action')]);
    expect(result.label).toBe('User Action');
    const m = await scrape();
    expect(m.value('logclass_tier_calls_total', { tier: 'refusing', result: 'rejected' })).toBe(1);
    expect(m.value('logclass_tier_calls_total', { tier: 'slow', result: 'timeout' })).toBe(1);
    expect(m.value('logclass_tier_calls_total', { tier: 'good', result: 'ok' })).toBe(1);
    for (const tier of ['refusing', 'slow', 'good']) expect(m.value('logclass_tier_call_duration_seconds_count', { tier })).toBe(1);
    // The timed-out call waited for its deadline: it lands in buckets from 0.25 s up only.
    expect(m.value('logclass_tier_call_duration_seconds_bucket', { tier: 'slow', le: '0.1' })).toBe(0);
  });

  it('counts a call its own caller abandoned as cancelled, not as a tier failure, and does not time it', async () => {
    const before = await scrape();
    const ac = new AbortController();
    refusing.mode = 'answer';
    refusing.onCall = () => ac.abort();
    await expect(cascade.classify([rec('x')], undefined, ac.signal)).rejects.toThrow(/cancel/i);
    refusing.onCall = undefined;
    // The caller is answered at once; the tier call it alone was waiting for is cancelled right after.
    await eventually(async () => (await scrape()).value('logclass_tier_calls_total', { tier: 'refusing', result: 'cancelled' }) === 1);
    const m = await scrape();
    expect(m.value('logclass_tier_calls_total', { tier: 'refusing', result: 'cancelled' })).toBe(1);
    expect(m.value('logclass_tier_calls_total', { tier: 'refusing', result: 'failed' })).toBe(0);
    expect(m.value('logclass_tier_call_duration_seconds_count', { tier: 'refusing' })).toBe(before.value('logclass_tier_call_duration_seconds_count', { tier: 'refusing' }));
  });
});
