import type { ApiKeyCheck } from '@logclass/grpc-server';
import type { Logger } from '@logclass/observability';
import { callerIdentity } from './caller-identity';
import { rateLimited, unauthenticated } from './caller-gate-errors';
import type { TokenBuckets } from './token-buckets';

export interface CallerRequest {
  /** The key the caller presented, if any. */
  apiKey: string | undefined;
  /** The caller's address (rate limiting without keys, and the log line). */
  address: string | undefined;
  /** "POST /classify", "gRPC ClassifyBatch": for the log line only. */
  what: string;
  /** False for endpoints configured open (metrics, docs): no key needed, still rate limited. */
  needsKey: boolean;
}

/**
 * The one door of both gateway APIs: a valid API key when keys are
 * configured, then one token from the caller's bucket. Throws the
 * LogclassError the caller should get (UNAUTHENTICATED, or
 * RESOURCE_EXHAUSTED naming the limit) and logs the refusal without the key.
 */
export class CallerGate {
  constructor(
    private readonly keys: ApiKeyCheck,
    private readonly buckets: TokenBuckets,
    private readonly log: Logger,
  ) {}

  get authEnabled(): boolean {
    return this.keys.enabled;
  }

  /** Returns nothing when admitted; throws otherwise. `onRetryAfter` gets the seconds to wait when rate limited. */
  admit(req: CallerRequest, onRetryAfter?: (seconds: number) => void): void {
    const keyed = this.keys.enabled;
    const valid = keyed && this.keys.accepts(req.apiKey);
    if (keyed && req.needsKey && !valid) {
      // Whether a key was sent, never what it was.
      this.log.warn({ caller: req.address, request: req.what, keyPresented: Boolean(req.apiKey) }, 'request refused: missing or invalid API key');
      throw unauthenticated();
    }
    // An open endpoint called with a wrong key is counted by address, not against someone else's key.
    const identity = valid ? callerIdentity(req.apiKey, undefined) : callerIdentity(undefined, req.address);
    const wait = this.buckets.take(identity);
    if (wait > 0) {
      // debug: a caller over its rate would otherwise write one line per refused request.
      this.log.debug({ caller: req.address, request: req.what, rps: this.buckets.rps, burst: this.buckets.burst }, 'request refused: rate limit exceeded');
      onRetryAfter?.(wait);
      throw rateLimited(this.buckets, valid);
    }
  }
}
