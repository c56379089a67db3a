import type { FastifyInstance } from 'fastify';
import type { ServiceMetrics } from '@logclass/observability';

/** From a health probe (~1 ms) to a large CSV upload (minutes). */
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/**
 * GET /metrics on the REST port (Prometheus scrapes the gateway where it
 * already listens) and the REST request families:
 * `logclass_http_requests_total{route,status}` and
 * `logclass_http_request_duration_seconds{route}`. The route label is the
 * matched pattern (e.g. "/classify"), "unmatched" for a 404: a raw URL
 * would make one series per query string or probe path.
 * Registered before the other routes so the hook covers all of them.
 */
export function registerMetricsRoutes(app: FastifyInstance, metrics: ServiceMetrics): void {
  const requests = metrics.counter('logclass_http_requests_total', 'REST requests answered, by route pattern and HTTP status.', ['route', 'status']);
  const duration = metrics.histogram(
    'logclass_http_request_duration_seconds',
    'Time to answer a REST request (for a CSV upload, until its last row is sent), by route pattern.',
    ['route'],
    HTTP_BUCKETS,
  );
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, status: String(reply.statusCode) });
    duration.observe({ route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).send(body);
  });
}
