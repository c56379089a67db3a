import type { PathItem } from '@logclass/openapi-types';
import { gated } from './openapi/openapi-shared';

/** GET /metrics (metrics-routes.ts). */
export const METRICS_ROUTE_PATHS: Record<string, PathItem> = {
  '/metrics': {
    get: gated({
      operationId: 'metrics',
      tags: ['health'],
      summary: 'Prometheus metrics',
      description:
        'Process, REST request, record and per-tier call metrics (latency, outcomes, circuit breaker state) in the Prometheus text format. ' +
        'Needs an API key when keys are configured and metrics are protected.',
      responses: {
        '200': { description: 'Prometheus exposition.', content: { 'text/plain': { schema: { type: 'string' }, example: 'logclass_http_requests_total{route="/classify",status="200"} 3\n' } } },
      },
    }),
  },
};
