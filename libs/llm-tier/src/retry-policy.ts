/**
 * When and how long to wait before asking Groq again. The SDK's own retries
 * are off (maxRetries: 0) so that waits honour Groq's retry-after, retries
 * are bounded by our setting, and every attempt is counted.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  maxRetries: number;
  /** First backoff; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** Longest wait we accept, whether from backoff or a retry-after header. */
  maxDelayMs: number;
}

/** Only rate limits and server-side failures are worth another try; a 4xx will fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The wait a response asks for: `retry-after-ms` (milliseconds), else
 * `retry-after` as seconds or as an HTTP date. Undefined when absent or
 * unreadable.
 */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients that failed together do not retry together. */
export function backoffMs(policy: RetryPolicy, retry: number, random = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return exp / 2 + random() * (exp / 2);
}

/**
 * The wait before retry number `retry` (0-based), or undefined when the
 * server asks for longer than the policy accepts (better to give up now
 * with that reason than to hold the rows hostage).
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, serverAskedMs: number | undefined): number | undefined {
  if (serverAskedMs === undefined) return backoffMs(policy, retry);
  return serverAskedMs <= policy.maxDelayMs ? serverAskedMs : undefined;
}
