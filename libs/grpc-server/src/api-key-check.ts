import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { LogclassError } from '@logclass/classifier';

/**
 * API keys compared in constant time. Keys are hashed first so that the
 * comparison takes the same time whatever the lengths, and every configured
 * key is compared (no early exit that would reveal which one was close).
 */
export class ApiKeyCheck {
  private readonly digests: Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  get enabled(): boolean {
    return this.digests.length > 0;
  }

  /** True when keys are off or `presented` is one of them. */
  accepts(presented: string | undefined): boolean {
    if (!this.enabled) return true;
    if (!presented) return false;
    const d = digest(presented);
    let ok = false;
    for (const known of this.digests) ok = timingSafeEqual(known, d) || ok;
    return ok;
  }

  /** Throws UNAUTHENTICATED unless the call's metadata carries a valid key. Never echoes the key. */
  checkMetadata(metadata: Metadata): void {
    if (!this.accepts(keyFromMetadata(metadata))) {
      throw new LogclassError('UNAUTHENTICATED', 'missing or invalid API key (send x-api-key or authorization: Bearer)');
    }
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** The key a caller sent as `x-api-key: K` or `authorization: Bearer K`: the same rule for gRPC metadata and HTTP headers. */
export function presentedApiKey(xApiKey: unknown, authorization: unknown): string | undefined {
  if (typeof xApiKey === 'string' && xApiKey) return xApiKey;
  if (typeof authorization === 'string' && /^bearer\s+/i.test(authorization)) return authorization.replace(/^bearer\s+/i, '') || undefined;
  return undefined;
}

export function keyFromMetadata(metadata: Metadata): string | undefined {
  return presentedApiKey(metadata.get('x-api-key')[0], metadata.get('authorization')[0]);
}
