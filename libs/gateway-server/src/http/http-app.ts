import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { AdmissionQueue, unavailable, type Classifier } from '@logclass/classifier';
import type { Logger, ServiceMetrics } from '@logclass/observability';
import type { ReadinessReport } from '../readiness';
import type { SizeLimit } from './byte-limit';
import { registerCsvRoute } from './csv-route';
import type { RowLimit } from '@logclass/csv-stream';
import { registerHealthRoutes } from './health-routes';
import { installErrorHandling } from './http-errors';
import { registerJsonRoute } from './json-route';
import { registerFeedbackRoute, type FeedbackRouteOptions } from './feedback-route';
import { registerReviewRoutes, type ReviewRouteOptions } from './review-route';
import { registerOpenApiRoute } from './openapi/openapi-route';
import { registerWebUi } from '@logclass/web-ui';
import { registerMetricsRoutes } from './metrics-routes';
import { installCallerGate, type AuthPolicy } from './auth';
import type { CallerGate } from '../security/caller-gate';

export interface HttpApiOptions {
  classifier: Classifier;
  readiness: () => Promise<ReadinessReport>;
  log: Logger;
  maxUpload: SizeLimit;
  maxJsonBody: SizeLimit;
  maxJsonRecords: { count: number; setting: string };
  csv: { batchSize: number; maxBatchesInFlight: number; maxRecordBytes: number; maxRows?: RowLimit };
  uploads: { maxInFlight: number; maxQueued: number };
  jsonRequests: { maxInFlight: number; maxQueued: number };
  /** GET /metrics and the REST request metrics; absent = neither. */
  metrics?: ServiceMetrics;
  /** API keys and rate limit at the door; absent = open. */
  gate?: { gate: CallerGate; policy: AuthPolicy };
  /** Serve HTTPS with this certificate and key (PEM). */
  https?: { cert: Buffer; key: Buffer };
  /** POST /feedback (operators' corrections); absent = no such route. */
  feedback?: FeedbackRouteOptions;
  /** GET /review/entries and the actions on one entry (the LLM tier's template-label store); absent = no such routes. */
  review?: ReviewRouteOptions;
}

export interface HttpApi {
  app: FastifyInstance;
  /** From now on every request but /healthz answers 503 UNAVAILABLE (draining before shutdown). */
  markStopping(): void;
}

/** The gateway's REST API, built but not listening: tests and the gateway both call listen(). */
export async function buildHttpApi(opts: HttpApiOptions): Promise<HttpApi> {
  // Typed with Fastify's base logger so route modules take a plain FastifyInstance.
  // No per-request info lines: errors are logged by the error handler, traffic is for metrics.
  const app: FastifyInstance = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // Our own hook answers while draining, so that answer too goes through toHttpError.
    return503OnClosing: false,
    ...(opts.https ? { https: opts.https } : {}),
  }) as FastifyInstance;
  installErrorHandling(app, opts.log);
  if (opts.metrics) registerMetricsRoutes(app, opts.metrics);
  let stopping = false;
  app.addHook('onRequest', async (request) => {
    // Liveness stays true while draining: the process is fine, it is just leaving.
    if (stopping && request.url !== '/healthz') throw unavailable('the gateway is shutting down; retry on another instance');
  });
  if (opts.gate) installCallerGate(app, opts.gate.gate, opts.gate.policy);
  // Draining: a keep-alive connection would hold close() open until it idles
  // out, so close each one as soon as its response is done.
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async () => {
    if (stopping) setImmediate(() => app.server.closeIdleConnections());
  });
  await app.register(multipart, { limits: { files: 1, fields: 16, parts: 32 } });
  registerCsvRoute(app, {
    classifier: opts.classifier,
    uploads: new AdmissionQueue('CSV uploads (GATEWAY_MAX_CONCURRENT_UPLOADS)', opts.uploads.maxInFlight, opts.uploads.maxQueued),
    maxUpload: opts.maxUpload,
    csv: opts.csv,
  });
  registerJsonRoute(app, {
    classifier: opts.classifier,
    requests: new AdmissionQueue('JSON requests (GATEWAY_MAX_CONCURRENT_JSON)', opts.jsonRequests.maxInFlight, opts.jsonRequests.maxQueued),
    maxBody: opts.maxJsonBody,
    maxRecords: opts.maxJsonRecords,
  });
  if (opts.feedback) registerFeedbackRoute(app, opts.feedback);
  if (opts.review) registerReviewRoutes(app, opts.review);
  registerHealthRoutes(app, opts.readiness);
  registerOpenApiRoute(app);
  registerWebUi(app);
  return { app, markStopping: () => (stopping = true) };
}
