import { LogclassError } from '@logclass/classifier';

/**
 * What a failed call to a tier ran into, as a closed set: the breaker keeps
 * this and readiness shows it, never the error's message (a transport's
 * message names internal hosts and files; it goes to the logs only).
 */
export type TierFailure =
  | 'breaker_open'
  | 'deadline_exceeded'
  | 'wrong_result_count'
  | 'overloaded'
  | 'refused'
  | 'unauthenticated'
  | 'tls'
  | 'unreachable'
  | 'cancelled'
  | 'failed';

/** opossum's own error codes (it sets `code` on the Error it rejects with). */
const OPOSSUM_OPEN = 'EOPENBREAKER';
const OPOSSUM_TIMEOUT = 'ETIMEDOUT';

/**
 * grpc-js reports a TLS handshake that failed as UNAVAILABLE, told apart
 * only by its words (the one message read here: the transport's, not ours).
 */
const TLS_WORDS = /ssl|tls|certificate|handshake/i;

/** True when the error is opossum refusing the call because the breaker is open. */
export function isBreakerOpen(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === OPOSSUM_OPEN;
}

export function tierFailure(err: unknown): TierFailure {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === OPOSSUM_OPEN) return 'breaker_open';
  if (code === OPOSSUM_TIMEOUT) return 'deadline_exceeded';
  if (!(err instanceof LogclassError)) return 'failed';
  switch (err.code) {
    case 'DEADLINE_EXCEEDED':
      return 'deadline_exceeded';
    case 'WRONG_RESULT_COUNT':
      return 'wrong_result_count';
    case 'RESOURCE_EXHAUSTED':
      return 'overloaded';
    case 'INVALID_ARGUMENT':
      return 'refused';
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'UNAVAILABLE':
      return TLS_WORDS.test(err.message) ? 'tls' : 'unreachable';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'failed';
  }
}
