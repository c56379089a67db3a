import type { Server as GrpcServer } from '@grpc/grpc-js';
import type { Server as HttpServer } from 'node:http';
import type { Classifier } from '@logclass/classifier';
import { serverCredentialsFrom } from '@logclass/grpc-server';
import type { Logger, ServiceMetrics } from '@logclass/observability';
import type { CallerGate } from '../security/caller-gate';
import type { GatewayConfig } from '../settings';
import { otlpExporter, type OtlpExporter } from './otlp-exporter';
import { startOtlpGrpc } from './otlp-grpc-server';
import { startOtlpHttp } from './otlp-http-server';
import { OtlpMetrics } from './otlp-metrics';
import { OtlpPipeline, type ExporterState } from './otlp-pipeline';

/** The receiver's part of GET /readyz. */
export interface OtlpReadiness {
  /** Bound ports; absent = that transport is off. */
  grpcPort?: number;
  httpPort?: number;
  inFlight: number;
  maxInFlight: number;
  exporter: ExporterState & { protocol?: string };
}

export interface RunningOtlpReceiver {
  readonly grpcPort: number | undefined;
  readonly httpPort: number | undefined;
  readiness(): OtlpReadiness;
  /** Refuses new requests (retryable), gives those in flight `graceMs`, then cuts what is left. */
  stop(graceMs: number): Promise<void>;
}

export interface OtlpReceiverDeps {
  /** The classifier the REST routes call (the cascade, counting records). */
  classifier: Classifier;
  metrics: ServiceMetrics;
  gate: CallerGate;
  https: { cert: Buffer; key: Buffer } | undefined;
  log: Logger;
}

/** The OTLP logs receiver on the ports configured; undefined when both are off. */
export async function startOtlpReceiver(cfg: GatewayConfig, deps: OtlpReceiverDeps): Promise<RunningOtlpReceiver | undefined> {
  if (cfg.otlpGrpcPort < 0 && cfg.otlpHttpPort < 0) return undefined;
  const exporter: OtlpExporter | undefined = cfg.otlpExportEndpoint
    ? otlpExporter({
        endpoint: cfg.otlpExportEndpoint,
        protocol: cfg.otlpExportProtocol,
        headers: cfg.otlpExportHeaders,
        timeoutMs: cfg.otlpExportTimeoutMs,
        caFile: cfg.otlpExportCaFile,
        clientCertFile: cfg.otlpExportClientCertFile,
        clientKeyFile: cfg.otlpExportClientKeyFile,
      })
    : undefined;
  if (!exporter) deps.log.warn('no GATEWAY_OTLP_EXPORT_ENDPOINT: OTLP log records are classified and counted, not forwarded');
  const metrics = new OtlpMetrics(deps.metrics);
  const pipeline = new OtlpPipeline({
    classifier: deps.classifier,
    exporter,
    enrichment: { bodyFields: cfg.otlpBodyFields, sourceAttribute: cfg.otlpSourceAttribute, reason: cfg.otlpReason },
    maxInFlight: cfg.otlpMaxInFlight,
    retryAfterSeconds: cfg.otlpRetryAfterSeconds,
    metrics,
    log: deps.log,
  });
  const common = { host: cfg.host, maxRequestBytes: cfg.otlpMaxRequestBytes, pipeline, gate: deps.gate, metrics, log: deps.log };
  let grpc: { server: GrpcServer; port: number } | undefined;
  let http: { server: HttpServer; port: number } | undefined;
  try {
    if (cfg.otlpGrpcPort >= 0) grpc = await startOtlpGrpc({ ...common, port: cfg.otlpGrpcPort, credentials: serverCredentialsFrom(cfg) });
    if (cfg.otlpHttpPort >= 0) http = await startOtlpHttp({ ...common, port: cfg.otlpHttpPort, https: deps.https });
  } catch (err) {
    grpc?.server.forceShutdown();
    http?.server.close();
    exporter?.close();
    throw err;
  }
  deps.log.info({ otlpGrpcPort: grpc?.port, otlpHttpPort: http?.port, exportProtocol: exporter ? cfg.otlpExportProtocol : undefined }, 'OTLP logs receiver listening');

  return {
    grpcPort: grpc?.port,
    httpPort: http?.port,
    readiness: () => ({
      ...(grpc ? { grpcPort: grpc.port } : {}),
      ...(http ? { httpPort: http.port } : {}),
      inFlight: pipeline.inFlight,
      maxInFlight: pipeline.maxInFlight,
      exporter: { ...pipeline.exporter(), ...(exporter ? { protocol: cfg.otlpExportProtocol } : {}) },
    }),
    async stop(graceMs) {
      pipeline.stop();
      const cut = setTimeout(() => {
        grpc?.server.forceShutdown();
        http?.server.closeAllConnections();
      }, graceMs);
      cut.unref();
      await Promise.all([
        grpc && new Promise<void>((resolve) => grpc.server.tryShutdown(() => resolve())),
        http && new Promise<void>((resolve) => {
          http.server.close(() => resolve());
          http.server.closeIdleConnections();
        }),
      ]);
      clearTimeout(cut);
      exporter?.close();
    },
  };
}
