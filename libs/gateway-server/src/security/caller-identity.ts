import { createHash } from 'node:crypto';

/**
 * Whom a request is counted against for rate limiting: its API key (hashed,
 * so no key sits in the limiter's memory or could reach a log), or its
 * address when keys are off.
 */
export function callerIdentity(apiKey: string | undefined, address: string | undefined): string {
  if (apiKey) return `key:${createHash('sha256').update(apiKey, 'utf8').digest('base64url').slice(0, 22)}`;
  return `addr:${address ?? 'unknown'}`;
}

/** The address part of a gRPC peer ("ipv4:127.0.0.1:5123", "ipv6:[::1]:5123"), without the port. */
export function grpcPeerAddress(peer: string): string {
  const rest = peer.replace(/^ipv[46]:/, '');
  const close = rest.indexOf(']');
  if (rest.startsWith('[') && close > 0) return rest.slice(1, close);
  return rest.replace(/:\d+$/, '');
}
