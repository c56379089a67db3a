import type { Classifier } from '@logclass/classifier';
import type { ServerConfig } from '@logclass/service-config';
import { ServiceMetrics, startMetricsServer, type Logger } from '@logclass/observability';
import { startClassifierServer, type ClassifierServerOptions, type RunningClassifierServer } from './classifier-server';
import { serverCredentialsFrom } from './server-credentials';

export interface RunningClassifierService {
  readonly grpc: RunningClassifierServer;
  /** Bound metrics port, or undefined when metrics are off. */
  readonly metricsPort: number | undefined;
  /** Stops serving; in-flight calls get `graceMs` (default: the service's <PREFIX>_SHUTDOWN_GRACE_MS). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Serves a classifier as a service from its ServerConfig, the same for every
 * tier and for the gateway (whose classifier is the cascade): the contract
 * with health and reflection, TLS when configured, Prometheus metrics on
 * their own port.
 */
export async function startClassifierService(
  settingPrefix: string,
  cfg: ServerConfig,
  classifier: Classifier,
  log: Logger,
  metrics = new ServiceMetrics(classifier.tier),
  /** What differs for one service, e.g. the gateway's API keys and rate limit. */
  serverOptions: Pick<ClassifierServerOptions, 'apiKeys' | 'admit'> = {},
): Promise<RunningClassifierService> {
  const grpc = await startClassifierServer({
    classifier,
    host: cfg.host,
    port: cfg.grpcPort,
    maxBatchSize: cfg.maxBatchSize,
    maxBatchSizeSetting: `${settingPrefix}_MAX_BATCH_SIZE`,
    maxInFlight: cfg.maxInFlight,
    maxQueued: cfg.maxQueued,
    queueSettings: `${settingPrefix}_MAX_IN_FLIGHT, ${settingPrefix}_MAX_QUEUED`,
    log,
    metrics,
    credentials: serverCredentialsFrom(cfg),
    apiKeys: cfg.apiKeys,
    ...serverOptions,
  });
  const metricsServer = cfg.metricsPort >= 0 ? await startMetricsServer(metrics, cfg.host, cfg.metricsPort) : undefined;
  if (metricsServer) log.info({ port: metricsServer.port }, 'metrics at GET /metrics');
  return {
    grpc,
    metricsPort: metricsServer?.port,
    async stop(graceMs = cfg.shutdownGraceMs) {
      await grpc.stop(graceMs);
      await metricsServer?.close();
    },
  };
}
