import type { ChannelCredentials } from '@grpc/grpc-js';
import type { TierStatus } from '@logclass/cascade';
import { checkHealth, type HealthStatus } from '@logclass/tier-client';
import type { TierAddress } from './tier-list';
import { tierFailureSummary } from './security/error-summary';
import type { OtlpReadiness } from './otlp/otlp-receiver';

export interface TierReadiness {
  name: string;
  address: string;
  /** grpc.health.v1 status of the tier, or UNREACHABLE. */
  health: HealthStatus;
  /** The gateway's circuit breaker for the tier. */
  breaker: TierStatus['state'];
  /** What the last failed call ran into, as a fixed category (never the raw message: it names internal hosts). */
  lastError?: string;
}

export interface ReadinessReport {
  /**
   * ready: every tier serving with its breaker closed; degraded: some tiers
   * are not (their records fall through to the next tier or come back
   * Unclassified); unavailable: no tier can answer, every record would be
   * Unclassified, so a load balancer should send traffic elsewhere (503).
   */
  status: 'ready' | 'degraded' | 'unavailable';
  tiers: TierReadiness[];
  /** The OTLP logs receiver and its downstream, when the receiver is on. */
  otlp?: OtlpReadiness;
}

/** Asks every tier's health service at once and joins the answers with the breakers' states. */
export async function checkReadiness(
  tiers: readonly TierAddress[],
  breakers: () => readonly TierStatus[],
  opts: { timeoutMs: number; credentials?: ChannelCredentials },
): Promise<ReadinessReport> {
  const health = await Promise.all(tiers.map((t) => checkHealth(t.address, '', opts)));
  const states = new Map(breakers().map((s) => [s.name, s]));
  const report = tiers.map((t, i): TierReadiness => {
    const status = states.get(t.name);
    const entry: TierReadiness = { name: t.name, address: t.address, health: health[i], breaker: status?.state ?? 'closed' };
    if (status?.lastFailure) entry.lastError = tierFailureSummary(status.lastFailure);
    return entry;
  });
  const usable = report.filter((t) => t.health === 'SERVING' && t.breaker !== 'open').length;
  const status = usable === report.length ? 'ready' : usable > 0 ? 'degraded' : 'unavailable';
  return { status, tiers: report };
}
