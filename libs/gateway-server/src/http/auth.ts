import type { FastifyInstance, FastifyRequest } from 'fastify';
import { presentedApiKey } from '@logclass/grpc-server';
import type { CallerGate } from '../security/caller-gate';

/** Which REST paths need an API key (when keys are configured). */
export interface AuthPolicy {
  /** GET /metrics. */
  metrics: boolean;
  /** The web page and API docs: /, /docs..., /openapi.json. */
  docs: boolean;
}

/** Probes must work without credentials: a load balancer or kubelet has none. */
const OPEN_PATHS = new Set(['/healthz', '/readyz']);
const DOC_PATHS = new Set(['/', '/openapi.json', '/favicon.ico']);

/** Everything not listed open is protected, so a route added later is never public by accident. */
export function needsKey(path: string, policy: AuthPolicy): boolean {
  if (OPEN_PATHS.has(path)) return false;
  if (path === '/metrics') return policy.metrics;
  if (DOC_PATHS.has(path) || path === '/docs' || path.startsWith('/docs/')) return policy.docs;
  return true;
}

/** `x-api-key: K` or `authorization: Bearer K`, as on the gRPC side. */
export function keyFromHeaders(request: FastifyRequest): string | undefined {
  return presentedApiKey(request.headers['x-api-key'], request.headers.authorization);
}

/**
 * Checks every request at the door (before its body is read), so an
 * unauthenticated or over-rate upload costs a header parse, not a stream.
 * Refusals go through the error handler: 401 or 429 naming the limit.
 */
export function installCallerGate(app: FastifyInstance, gate: CallerGate, policy: AuthPolicy): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    // Probes are neither authenticated nor rate limited: a refused probe restarts a healthy pod.
    if (OPEN_PATHS.has(path)) return;
    gate.admit(
      { apiKey: keyFromHeaders(request), address: request.ip, what: `${request.method} ${path}`, needsKey: needsKey(path, policy) },
      (seconds) => void reply.header('retry-after', String(Math.max(1, Math.ceil(seconds)))),
    );
  });
}
