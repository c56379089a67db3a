import { LogclassError } from '@logclass/classifier';

/** Why a tier did not decide a record: it abstained, or it could not be asked. */
export interface Miss {
  tier: string;
  kind: 'abstained' | 'unavailable';
  reason: string;
}

/** opossum's own error codes (it sets `code` on the Error it rejects with). */
const OPOSSUM_OPEN = 'EOPENBREAKER';
const OPOSSUM_TIMEOUT = 'ETIMEDOUT';

/**
 * A short, caller-safe description of why a batch call to a tier failed.
 * Callers see it in `reason`; the full error goes to the logs and
 * tierStatus(). Messages of non-LogclassErrors may hold hosts or paths, so
 * they are never copied into a reason.
 */
export function describeTierFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === OPOSSUM_OPEN) return 'breaker open';
  if (code === OPOSSUM_TIMEOUT) return 'deadline exceeded';
  if (!(err instanceof LogclassError)) return 'internal error';
  switch (err.code) {
    case 'DEADLINE_EXCEEDED':
      return 'deadline exceeded';
    case 'RESOURCE_EXHAUSTED':
      return 'overloaded (RESOURCE_EXHAUSTED)';
    case 'INVALID_ARGUMENT':
      return `rejected the batch (INVALID_ARGUMENT: ${err.message})`;
    case 'CANCELLED':
      return 'cancelled';
    case 'UNAVAILABLE':
      // GrpcClassifier reports a wrong result count as UNAVAILABLE with a message of its own making.
      return / returned \d+ results for \d+ records$/.test(err.message) ? `bad answer (${err.message})` : 'not reachable (UNAVAILABLE)';
    default:
      return `failed (${err.code})`;
  }
}

/** True when the error is opossum refusing the call because the breaker is open. */
export function isBreakerOpen(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === OPOSSUM_OPEN;
}

/** The `reason` of a record no tier decided, from the last tier that looked at it. */
export function undecidedReason(last: Miss | undefined): string {
  if (!last) return 'no tier decided';
  if (last.kind === 'unavailable') return `${last.tier} unavailable: ${last.reason}`;
  return `no tier decided (${last.tier}: ${last.reason})`;
}
