import type { TierFailure } from '@logclass/cascade';

/**
 * A fixed phrase for each kind of tier failure, safe to show to anyone who
 * can GET /readyz. The raw message (grpc-js "connect ECONNREFUSED
 * 10.0.3.7:50052", a TLS error naming a file...) maps internal addresses and
 * goes to the logs only; the breaker keeps the failure's category, and only
 * these phrases ever come out.
 */
const SUMMARIES: Readonly<Record<TierFailure, string>> = {
  breaker_open: 'breaker open',
  deadline_exceeded: 'deadline exceeded',
  wrong_result_count: 'bad answer (wrong result count)',
  overloaded: 'overloaded',
  refused: 'refused our batch',
  unauthenticated: 'refused our credentials',
  tls: 'TLS failure',
  unreachable: 'not reachable',
  cancelled: 'cancelled',
  failed: 'failed (details in the gateway log)',
};

export function tierFailureSummary(failure: TierFailure): string {
  return SUMMARIES[failure];
}
