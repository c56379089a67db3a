import { LogclassError } from '@logclass/classifier';
import { tierFailure } from './tier-failure';

/** Why a tier did not decide a record: it abstained (a normal answer), or it could not be asked or failed. */
export interface Miss {
  tier: string;
  kind: 'abstained' | 'failed';
  /** For an abstention, the tier's own reason; for a failure, the whole phrase ("llm unavailable: deadline exceeded"). */
  reason: string;
  /** An abstention's label below the tier's threshold, and its probability. */
  bestGuess?: { label: string; confidence: number };
}

/**
 * A short, caller-safe phrase for why a batch call to a tier failed, e.g.
 * "embedding unavailable: breaker open". Callers see it in `reason`; the full
 * error goes to the logs and tierStatus(). Messages of errors outside the
 * closed LogclassError set may hold hosts or paths and are never copied.
 */
export function tierFailureReason(tier: string, err: unknown): string {
  switch (tierFailure(err)) {
    case 'breaker_open':
      return `${tier} unavailable: breaker open`;
    case 'deadline_exceeded':
      return `${tier} unavailable: deadline exceeded`;
    case 'overloaded':
      return `${tier} unavailable: overloaded (RESOURCE_EXHAUSTED)`;
    case 'unreachable':
    case 'tls':
      return `${tier} unavailable: not reachable (UNAVAILABLE)`;
    // These two messages are of our own making (the caller's refusal, expectOneResultPerRecord's counts).
    case 'refused':
      return `${tier} refused the batch (INVALID_ARGUMENT: ${(err as LogclassError).message})`;
    case 'wrong_result_count':
      return `${tier} unavailable: bad answer (${(err as LogclassError).message})`;
    default:
      return err instanceof LogclassError ? `${tier} unavailable: ${err.code}` : `${tier} unavailable: internal error`;
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
  if (misses.every((m) => m.kind === 'abstained')) return allAbstainedReason(last.tier, last.reason);
  const failed = misses.filter((m) => m.kind === 'failed').map((m) => m.reason);
  return `no tier decided (${[`${last.tier}: ${last.reason}`, ...failed].join('; ')})`;
}

/** Distinct reasons remembered per tier: tiers give few (a rule, a probability, "no rule matched"), callers' data does not choose them. */
const REMEMBERED_REASONS = 4096;
const abstainedReasons = new Map<string, Map<string, string>>();

/**
 * "no tier decided (<tier>: <reason>)", made once per tier and reason: the
 * rows of an upload that no tier decides share a handful of reasons, and
 * building the string per row was a measurable share of the gateway's
 * allocations.
 */
function allAbstainedReason(tier: string, reason: string): string {
  let byReason = abstainedReasons.get(tier);
  if (!byReason) {
    if (abstainedReasons.size >= REMEMBERED_REASONS) return `no tier decided (${tier}: ${reason})`;
    abstainedReasons.set(tier, (byReason = new Map()));
  }
  let text = byReason.get(reason);
  if (text === undefined) {
    text = `no tier decided (${tier}: ${reason})`;
    if (byReason.size < REMEMBERED_REASONS) byReason.set(reason, text);
  }
  return text;
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

