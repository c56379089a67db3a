import type { Classifier } from '@logclass/classifier';
import { loadConfigOrExit, type ConfigOf, type ServerConfig, type ServiceConfig, type Settings } from '@logclass/service-config';
import { createLogger, ServiceMetrics, startMetricsServer, type Logger } from '@logclass/observability';
import { startClassifierServer, type ClassifierServerOptions, type RunningClassifierServer } from './classifier-server';
import { serverCredentialsFrom } from './server-credentials';
import { runService } from './run-service';

export interface RunningTierService {
  readonly grpc: RunningClassifierServer;
  /** Bound metrics port, or undefined when metrics are off. */
  readonly metricsPort: number | undefined;
  stop(): Promise<void>;
}

/**
 * Serves a classifier the way every tier is served: the contract with health
 * and reflection, TLS when configured, Prometheus metrics on their own port.
 * Tests call this with a loaded config; `runTierService` is what main.ts calls.
 */
export async function startTierService(
  settingPrefix: string,
  cfg: ServerConfig,
  classifier: Classifier,
  log: Logger,
  metrics = new ServiceMetrics(classifier.tier),
  /** What differs for one service, e.g. the gateway's passEmptyMessages. */
  serverOptions: Pick<ClassifierServerOptions, 'passEmptyMessages' | 'apiKeys' | 'admit'> = {},
): Promise<RunningTierService> {
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
    async stop() {
      await grpc.stop(cfg.shutdownGraceMs);
      await metricsServer?.close();
    },
  };
}

/** A tier's whole main.ts: load config (exit naming a bad variable), build the classifier, serve until SIGTERM. */
export function runTierService<S extends Settings>(
  config: ServiceConfig<S>,
  settingPrefix: string,
  build: (cfg: ConfigOf<S> & ServerConfig, log: Logger, metrics: ServiceMetrics) => Promise<Classifier>,
): void {
  const cfg = loadConfigOrExit(config) as ConfigOf<S> & ServerConfig;
  const log = createLogger(config.service, cfg.logLevel);
  runService(log, async () => {
    const metrics = new ServiceMetrics(config.service);
    const classifier = await build(cfg, log, metrics);
    return startTierService(settingPrefix, cfg, classifier, log, metrics);
  });
}
