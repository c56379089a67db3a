import { LogclassError } from '@logclass/classifier';

/** Why a tier did not decide a record: it abstained (a normal answer), or it could not be asked or failed. */
export interface Miss {
  tier: string;
  kind: 'abstained' | 'failed';
  /** For an abstention, the tier's own reason; for a failure, the whole phrase ("llm unavailable: deadline exceeded"). */
  reason: string;
  /** An abstention's label below the tier's threshold, and its probability. */
  bestGuess?: { label: string; confidence: number };
}

/** opossum's own error codes (it sets `code` on the Error it rejects with). */
const OPOSSUM_OPEN = 'EOPENBREAKER';
const OPOSSUM_TIMEOUT = 'ETIMEDOUT';

/** True when the error is opossum refusing the call because the breaker is open. */
export function isBreakerOpen(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === OPOSSUM_OPEN;
}

/**
 * A short, caller-safe phrase for why a batch call to a tier failed, e.g.
 * "embedding unavailable: breaker open". Callers see it in `reason`; the full
 * error goes to the logs and tierStatus(). Messages of errors outside the
 * closed LogclassError set may hold hosts or paths and are never copied.
 */
export function tierFailureReason(tier: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === OPOSSUM_OPEN) return `${tier} unavailable: breaker open`;
  if (code === OPOSSUM_TIMEOUT) return `${tier} unavailable: deadline exceeded`;
  if (!(err instanceof LogclassError)) return `${tier} unavailable: internal error`;
  switch (err.code) {
    case 'DEADLINE_EXCEEDED':
      return `${tier} unavailable: deadline exceeded`;
    case 'RESOURCE_EXHAUSTED':
      return `${tier} unavailable: overloaded (RESOURCE_EXHAUSTED)`;
    case 'INVALID_ARGUMENT':
      return `${tier} refused the batch (INVALID_ARGUMENT: ${err.message})`;
    case 'UNAVAILABLE':
      return `${tier} unavailable: not reachable (UNAVAILABLE)`;
    case 'WRONG_RESULT_COUNT':
      // The message is of our own making (expectOneResultPerRecord): counts only.
      return `${tier} unavailable: bad answer (${err.message})`;
    default:
      return `${tier} unavailable: ${err.code}`;
  }
}

/**
 * The `reason` of a record no tier decided. The last tier that looked at it
 * speaks; when it merely abstained but an earlier tier on the route could not
 * be asked, that is said too, since the record might have been decided there.
 */
export function undecidedReason(misses: readonly Miss[]): string {
  const last = misses.at(-1);
  if (!last) return 'no tier decided';
  if (last.kind === 'failed') return last.reason;
  const failed = misses.filter((m) => m.kind === 'failed').map((m) => m.reason);
  return `no tier decided (${[`${last.tier}: ${last.reason}`, ...failed].join('; ')})`;
}

/**
 * The reason of a best guess answered for a record no tier decided: says it
 * is a guess first, then whose and why no tier decided, e.g. "best guess of
 * embedding, below its threshold (p=0.41 < 0.47 (User Action)); no tier
 * decided (llm: llm disabled: no API key)".
 */
export function bestGuessReason(guesser: Miss, misses: readonly Miss[]): string {
  return `best guess of ${guesser.tier}, below its threshold (${guesser.reason}); ${undecidedReason(misses)}`;
}

