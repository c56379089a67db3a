import { setting } from './setting';

/**
 * The settings every gRPC service shares, named with the service's prefix
 * (REGEX_GRPC_PORT, EMBEDDING_GRPC_PORT...), so one environment can hold the
 * whole system's configuration without clashes.
 */
export function serverSettings(prefix: string, defaultPort: number) {
  return {
    host: setting.string(`${prefix}_HOST`, '127.0.0.1', 'Address the gRPC server binds to (0.0.0.0 in containers).'),
    grpcPort: setting.port(`${prefix}_GRPC_PORT`, defaultPort, 'gRPC listen port (0 = any free port).'),
    // Tiers speak only gRPC, so Prometheus scrapes them on a port of their own;
    // the default follows the gRPC port (50051 -> 9051) so services on one host never clash.
    metricsPort: setting.int(`${prefix}_METRICS_PORT`, 9000 + (defaultPort % 1000), 'Port of the Prometheus GET /metrics endpoint (-1 = off).', { min: -1, max: 65535 }),
    maxBatchSize: setting.int(`${prefix}_MAX_BATCH_SIZE`, 4096, 'Most records accepted in one ClassifyBatch/ClassifyStream message.', { min: 1, max: 1_000_000 }),
    maxInFlight: setting.int(`${prefix}_MAX_IN_FLIGHT`, 8, 'Batches classified at once; more wait in the queue.', { min: 1, max: 10_000 }),
    maxQueued: setting.int(`${prefix}_MAX_QUEUED`, 64, 'Batches allowed to wait; past it requests get RESOURCE_EXHAUSTED.', { min: 0, max: 100_000 }),
    // 7 s: the whole drain, plus the seconds closing takes, fits in Docker's default 10 s stop timeout.
    shutdownGraceMs: setting.int(
      `${prefix}_SHUTDOWN_GRACE_MS`,
      7_000,
      "On SIGTERM, time in-flight calls get, all together, before they are cancelled. Keep it a few seconds under the platform's stop timeout (Docker: 10 s unless `docker stop -t`; compose: stop_grace_period; Kubernetes: terminationGracePeriodSeconds), or the process is killed mid-drain.",
      { min: 0, max: 600_000 },
    ),
    tlsCertFile: setting.optionalString(`${prefix}_TLS_CERT_FILE`, 'PEM certificate chain: when set (with the key), gRPC is served over TLS.'),
    tlsKeyFile: setting.optionalString(`${prefix}_TLS_KEY_FILE`, 'PEM private key for the TLS certificate.'),
    tlsClientCaFile: setting.optionalString(`${prefix}_TLS_CLIENT_CA_FILE`, 'PEM CA bundle: when set, callers must present a certificate it signed (mutual TLS).'),
    apiKeys: setting.list(`${prefix}_API_KEYS`, [], 'API keys callers must send (x-api-key or authorization: Bearer), comma-separated; empty = no authentication. Health checks stay open.', {
      secret: true,
    }),
    logLevel: setting.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info', 'Log level of the JSON logs.'),
  };
}
