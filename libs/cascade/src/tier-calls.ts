import { LogclassError } from '@logclass/classifier';
import { isBreakerOpen } from './tier-failure';

/**
 * How one batch call to a tier ended, as a bounded label value:
 * - `ok`: the tier answered (deciding or abstaining);
 * - `timeout`: no answer within the tier's deadline (opossum's or gRPC's);
 * - `breaker_open`: not sent, the tier's breaker is open;
 * - `rejected`: the tier answered with a refusal (overloaded, bad batch, bad key);
 * - `cancelled`: our own caller went away mid-call, so it says nothing about the tier;
 * - `failed`: anything else (unreachable, crashed, internal error, garbage answer).
 */
export type TierCallResult = 'ok' | 'failed' | 'rejected' | 'breaker_open' | 'timeout' | 'cancelled';

/** Told of every batch call through a tier's breaker; `seconds` is 0 when nothing was sent. */
export type TierCallListener = (tier: string, result: TierCallResult, seconds: number) => void;

const REFUSALS = new Set(['RESOURCE_EXHAUSTED', 'INVALID_ARGUMENT', 'UNAUTHENTICATED', 'FAILED_PRECONDITION']);

export function tierCallResult(err: unknown, cancelledByUs: boolean): TierCallResult {
  if (cancelledByUs) return 'cancelled';
  if (isBreakerOpen(err)) return 'breaker_open';
  const code = (err as { code?: unknown } | null)?.code;
  // opossum's own timeout, or the gRPC deadline when it fires first.
  if (code === 'ETIMEDOUT' || code === 'DEADLINE_EXCEEDED') return 'timeout';
  if (err instanceof LogclassError && REFUSALS.has(err.code)) return 'rejected';
  return 'failed';
}
