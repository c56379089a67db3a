import type { FastifyInstance } from 'fastify';
import type { ReadinessReport } from '../readiness';

/**
 * GET /healthz: the process is up and serving HTTP (liveness).
 * GET /readyz: each tier's gRPC health and breaker state. 200 while the
 * gateway can classify anything (all tiers usable, or "degraded": some
 * down); 503 when no tier is usable (every answer would be Unclassified), so
 * a load balancer sends traffic elsewhere. While the gateway shuts down, an
 * onRequest hook answers 503 before this runs.
 */
export function registerHealthRoutes(app: FastifyInstance, readiness: () => Promise<ReadinessReport>): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const report = await readiness();
    return reply.code(report.status === 'unavailable' ? 503 : 200).send(report);
  });
}
