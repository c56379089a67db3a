// What the caller gate refuses a call with: a wrong or missing key, or a caller over its rate.
import { LogclassError } from '@logclass/classifier';
import type { TokenBuckets } from './token-buckets';

/** The 429 / RESOURCE_EXHAUSTED a caller over its rate gets, naming the limit and where it is set. */
export function rateLimited(buckets: TokenBuckets, keyed: boolean): LogclassError {
  return new LogclassError(
    'RESOURCE_EXHAUSTED',
    `rate limit exceeded: more than ${buckets.rps} requests per second (burst ${buckets.burst}) for this ${keyed ? 'API key' : 'client address'} (GATEWAY_RATE_LIMIT_RPS, GATEWAY_RATE_LIMIT_BURST)`,
  );
}

/** Refused for a missing or wrong key: the same words whatever was sent, and never the key itself. */
export function unauthenticated(): LogclassError {
  return new LogclassError('UNAUTHENTICATED', 'missing or invalid API key (send x-api-key or authorization: Bearer)');
}
