/**
 * A fixed phrase for a tier's last failure, safe to show to anyone who can
 * GET /readyz. The raw message (grpc-js "connect ECONNREFUSED 10.0.3.7:50052",
 * a TLS error naming a file...) maps internal addresses and goes to the logs
 * only; here only a category from this closed list ever comes out.
 */
const CATEGORIES: ReadonlyArray<[RegExp, string]> = [
  [/breaker is open/i, 'breaker open'],
  [/timed out|deadline/i, 'deadline exceeded'],
  [/ returned \d+ results for \d+ records$/, 'bad answer (wrong result count)'],
  [/resource.?exhausted|overloaded|queue/i, 'overloaded'],
  [/unauthenticated|api key/i, 'refused our credentials'],
  [/ssl|tls|certificate|handshake/i, 'TLS failure'],
  [/unavailable|no connection|connect|refused|unreachable|reset|closed/i, 'not reachable'],
  [/cancel/i, 'cancelled'],
];

export function safeErrorSummary(message: string): string {
  for (const [pattern, phrase] of CATEGORIES) if (pattern.test(message)) return phrase;
  return 'failed (details in the gateway log)';
}
