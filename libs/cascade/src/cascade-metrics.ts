import { readGauge, type ServiceMetrics } from '@logclass/observability';
import type { Cascade } from './cascade';
import type { BreakerState } from './tier-breaker';

/** Numeric breaker states, ordered by how much traffic the tier gets less of. */
export const BREAKER_STATE_VALUES: Readonly<Record<BreakerState, number>> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * Per-tier batch-call buckets: from a sub-millisecond regex answer to an
 * LLM batch near its 30 s default deadline.
 */
const TIER_CALL_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

/**
 * Exports what the cascade sees of its tiers on the gateway's registry:
 * - `logclass_tier_call_duration_seconds{tier}`: batch calls that reached the tier;
 * - `logclass_tier_calls_total{tier,result}`: every batch call by how it ended (see TierCallResult);
 * - `logclass_breaker_state{tier}`: 0 closed, 1 half-open, 2 open, read at scrape time;
 * - `logclass_breaker_transitions_total{tier,to}`.
 * The tiers count their own RPCs too; these are the gateway's view, which
 * includes what a dead tier cannot report (timeouts, refused connections, an open breaker).
 */
export function instrumentCascade(cascade: Cascade, metrics: ServiceMetrics): void {
  const duration = metrics.histogram('logclass_tier_call_duration_seconds', 'Batch calls from the gateway to a tier that were sent, by tier.', ['tier'], TIER_CALL_BUCKETS);
  const calls = metrics.counter(
    'logclass_tier_calls_total',
    'Batch calls from the gateway to a tier, by result (ok, failed, rejected, breaker_open, timeout, cancelled).',
    ['tier', 'result'],
  );
  const transitions = metrics.counter('logclass_breaker_transitions_total', 'Circuit breaker state changes per tier, by the state entered.', ['tier', 'to']);
  readGauge(metrics, 'logclass_breaker_state', 'Circuit breaker state per tier: 0 closed, 1 half-open, 2 open.', ['tier'], () =>
    cascade.tierStatus().map((t) => [{ tier: t.name }, BREAKER_STATE_VALUES[t.state]] as const),
  );
  for (const t of cascade.tierStatus()) {
    // Zero series from the start, so rate() and alerts see a tier before its first call.
    calls.inc({ tier: t.name, result: 'ok' }, 0);
  }
  cascade.onTierCall((tier, result, seconds) => {
    calls.inc({ tier, result });
    if (result !== 'breaker_open' && result !== 'cancelled') duration.observe({ tier }, seconds);
  });
  cascade.onStateChange((tier, state) => transitions.inc({ tier, to: state }));
}
