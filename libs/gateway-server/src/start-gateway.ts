import type { AddressInfo } from 'node:net';
import { startClassifierService, type RunningClassifierService } from '@logclass/grpc-server';
import type { Cascade } from '@logclass/cascade';
import type { Logger } from '@logclass/observability';
import { buildCascade } from './build-cascade';
import { buildHttpApi } from './http/http-app';
import { feedbackRouteOptions } from './http/feedback-route';
import { operatorCorrectionsOf } from './http/operator-corrections';
import { reviewRouteOptions } from './http/review-route';
import { checkReadiness } from './readiness';
import { countingClassifier, gatewayMetrics } from './gateway-metrics';
import { gatewaySecurity } from './security/gateway-security';
import type { GatewayConfig } from './settings';
import { openPeerSnapshots, TemplateSnapshots } from './templates/template-state';
import { startOtlpReceiver, type RunningOtlpReceiver } from './otlp/otlp-receiver';
import { withOtlpReadiness } from './otlp/otlp-readiness';

export interface RunningGateway {
  readonly cascade: Cascade;
  /** gRPC LogClassifier (with health, reflection), host:port. */
  readonly grpcAddress: string;
  readonly httpPort: number;
  /** e.g. http://127.0.0.1:8080 */
  readonly httpUrl: string;
  /** The OTLP logs receiver's ports; undefined where that transport is off. */
  readonly otlpGrpcPort: number | undefined;
  readonly otlpHttpPort: number | undefined;
  /** Drain: /readyz goes 503 and new HTTP requests get 503; in-flight OTLP, HTTP, then gRPC work share one GATEWAY_SHUTDOWN_GRACE_MS; then close and write the template snapshot. */
  stop(): Promise<void>;
}

/**
 * The whole gateway: the cascade over the configured tiers, served as the
 * LogClassifier gRPC contract and as the REST API. main.ts and the tests
 * (the gateway's and the CLI's) start it the same way.
 */
export async function startGateway(cfg: GatewayConfig, log: Logger): Promise<RunningGateway> {
  const security = gatewaySecurity(cfg, log);
  // Checked before anything listens: both peer settings at once is a configuration error.
  const peers = openPeerSnapshots(cfg, log);
  const { cascade, tiers, credentials } = buildCascade(cfg, log);
  cascade.onStateChange((tier, state) => log.warn({ tier, state }, 'tier circuit breaker changed state'));
  const metrics = gatewayMetrics(cascade);
  // gRPC callers are counted by the gRPC server; REST and OTLP callers by this wrapper.
  const counting = countingClassifier(cascade, metrics);
  let otlp: RunningOtlpReceiver | undefined;

  const corrections = operatorCorrectionsOf(cfg);
  const http = await buildHttpApi({
    classifier: counting,
    metrics,
    readiness: async () => withOtlpReadiness(await checkReadiness(tiers, () => cascade.tierStatus(), { timeoutMs: cfg.healthTimeoutMs, credentials }), otlp),
    log,
    maxUpload: { bytes: cfg.maxUploadBytes, setting: 'GATEWAY_MAX_UPLOAD_BYTES' },
    maxJsonBody: { bytes: cfg.maxJsonBytes, setting: 'GATEWAY_MAX_JSON_BYTES' },
    maxJsonRecords: { count: cfg.maxJsonRecords, setting: 'GATEWAY_MAX_JSON_RECORDS' },
    csv: {
      batchSize: cfg.csvBatchSize,
      maxBatchesInFlight: cfg.csvBatchesInFlight,
      maxRecordBytes: cfg.maxCsvRecordBytes,
      maxRows: { count: cfg.maxCsvRows, setting: 'GATEWAY_MAX_CSV_ROWS' },
    },
    uploads: { maxInFlight: cfg.maxConcurrentUploads, maxQueued: cfg.maxQueuedUploads },
    jsonRequests: { maxInFlight: cfg.maxConcurrentJson, maxQueued: cfg.maxQueuedJson },
    // One store handle and one corrections file for POST /feedback and the review.
    // The tier that asks with the store's keys is the one named llm (as its breaker settings are GATEWAY_LLM_*).
    feedback: feedbackRouteOptions(cfg, corrections, (source, logMessage) => cascade.carriedTemplateOf('llm', source, logMessage)),
    review: reviewRouteOptions(cfg, corrections),
    gate: security.http,
    https: security.https,
  });

  let grpc: RunningClassifierService;
  let started: RunningClassifierService | undefined;
  try {
    // The cascade answers empty messages itself (Unclassified): the gateway never abstains.
    grpc = started = await startClassifierService('GATEWAY', cfg, cascade, log, metrics, security.grpc);
    await http.app.listen({ host: cfg.host, port: cfg.httpPort });
    otlp = await startOtlpReceiver(cfg, { classifier: counting, metrics, gate: security.http.gate, https: security.https, log });
  } catch (err) {
    await http.app.close();
    // A started gRPC server closes the cascade when it stops.
    await (started ? started.stop() : cascade.close());
    throw err;
  }
  const httpPort = (http.app.server.address() as AddressInfo).port;
  const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? '127.0.0.1' : cfg.host;
  log.info({ httpPort, grpcPort: grpc.grpc.port, tiers }, 'gateway listening');
  const snapshots = new TemplateSnapshots(cascade.templateMiner, cfg.templateStateFile, cfg.templateSnapshotSeconds, log, peers);

  let stopping: Promise<void> | undefined;
  return {
    cascade,
    grpcAddress: grpc.grpc.address,
    httpPort,
    httpUrl: `${security.https ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${httpPort}`,
    otlpGrpcPort: otlp?.grpcPort,
    otlpHttpPort: otlp?.httpPort,
    stop: () =>
      (stopping ??= (async () => {
        http.markStopping();
        // One deadline for the whole drain, not one per phase: the platform's stop
        // timeout (docker stop, terminationGracePeriodSeconds) is set against this one setting.
        const deadline = Date.now() + cfg.shutdownGraceMs;
        const remaining = () => Math.max(0, deadline - Date.now());
        // OTLP senders first: their batches need the cascade and are only acknowledged once forwarded.
        await otlp?.stop(remaining());
        // HTTP next: uploads still streaming need the cascade, which grpc.stop() closes at its end.
        // Past the deadline their connections are cut.
        const cut = setTimeout(() => http.app.server.closeAllConnections(), remaining());
        cut.unref();
        await http.app.close().finally(() => clearTimeout(cut));
        await grpc.stop(remaining());
        // Every record has been mined by now: the last snapshot holds them all.
        await snapshots.close();
      })()),
  };
}
