import { Server, ServerCredentials, type ChannelOptions } from '@grpc/grpc-js';
import { HealthImplementation, protoPath as healthProtoPath, type ServingStatus } from 'grpc-health-check';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { LogClassifierService, loadPackageDefinition, LOG_CLASSIFIER_SERVICE_NAME } from '@logclass/contract';
import { AdmissionQueue, type Classifier } from '@logclass/classifier';
import type { Logger, ServiceMetrics } from '@logclass/observability';
import { logClassifierService, type CallAdmission } from './log-classifier-service';
import { withStreamCodec } from './stream-codec-service';
import { ApiKeyCheck } from './api-key-check';
import { withUndecodableRequestsMarked } from './undecodable-requests';

export interface ClassifierServerOptions {
  classifier: Classifier;
  host: string;
  port: number;
  maxBatchSize: number;
  /** The env var behind maxBatchSize, named in limit errors. */
  maxBatchSizeSetting: string;
  maxInFlight: number;
  maxQueued: number;
  /** The settings behind maxInFlight/maxQueued, named when the queue is full (every over-limit answer names its limit). */
  queueSettings?: string;
  log: Logger;
  /** When given, RPCs, results and queue depth are counted here. */
  metrics?: ServiceMetrics;
  /** Plaintext when absent; see serverCredentialsFrom for TLS and mutual TLS. */
  credentials?: ServerCredentials;
  /** API keys accepted on contract calls (empty or absent: no key needed). */
  apiKeys?: readonly string[];
  /** See LogClassifierServiceDeps.admit (the gateway's rate limit). */
  admit?: CallAdmission;
  channelOptions?: ChannelOptions;
}

export interface RunningClassifierServer {
  readonly server: Server;
  readonly port: number;
  /** host:port, ready for a client. */
  readonly address: string;
  readonly queue: AdmissionQueue;
  setServing(serving: boolean): void;
  /** Stop accepting calls, let in-flight calls finish for `graceMs`, then cancel them. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Every logclass gRPC service starts through here: the LogClassifier
 * contract, standard health checking (overall and per service), and server
 * reflection so grpcurl and other languages' clients work unconfigured.
 */
export async function startClassifierServer(opts: ClassifierServerOptions): Promise<RunningClassifierServer> {
  const server = new Server({
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
    // Tier clients ping every 30 s (GrpcClassifier) to notice dead peers during
    // long batches; grpc-js servers otherwise answer pings without data more
    // often than every 5 minutes with GOAWAY, failing the batch in flight.
    'grpc.http2.min_ping_interval_without_data_ms': 10_000,
    'grpc.keepalive_permit_without_calls': 1,
    // Clients re-resolve DNS only when a connection ends: ending connections
    // now and then lets a gateway find tier pods the autoscaler added.
    'grpc.max_connection_age_ms': 5 * 60_000,
    'grpc.max_connection_age_grace_ms': 60_000,
    ...opts.channelOptions,
  });
  const queueName = `${opts.classifier.tier} queue${opts.queueSettings ? ` (${opts.queueSettings})` : ''}`;
  const queue = new AdmissionQueue(queueName, opts.maxInFlight, opts.maxQueued);
  server.addService(
    withUndecodableRequestsMarked(withStreamCodec(LogClassifierService)),
    logClassifierService({
      classifier: opts.classifier,
      queue,
      limits: { maxBatchSize: opts.maxBatchSize, maxBatchSizeSetting: opts.maxBatchSizeSetting, streamWindow: Math.max(2, opts.maxInFlight) },
      log: opts.log,
      metrics: opts.metrics,
      apiKeys: new ApiKeyCheck(opts.apiKeys ?? []),
      admit: opts.admit,
    }),
  );
  opts.metrics?.trackQueue(() => ({ running: queue.inFlight, waiting: queue.queued }));

  const statusOf = (serving: boolean): ServingStatus => (serving ? 'SERVING' : 'NOT_SERVING');
  const initial = statusOf(opts.classifier.isServing?.() ?? true);
  const health = new HealthImplementation({ '': initial, [LOG_CLASSIFIER_SERVICE_NAME]: initial });
  health.addToServer(server);
  // Reflection lists what a client can call here: the contract and health checking.
  new ReflectionService({ ...loadPackageDefinition(), ...loadSync(healthProtoPath) }).addToServer(server);

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${opts.host}:${opts.port}`, opts.credentials ?? ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  opts.log.info({ tier: opts.classifier.tier, port, serving: initial }, 'gRPC server listening');

  const setServing = (serving: boolean) => {
    health.setStatus('', statusOf(serving));
    health.setStatus(LOG_CLASSIFIER_SERVICE_NAME, statusOf(serving));
  };

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000) =>
    (stopping ??= new Promise<void>((resolve) => {
      setServing(false);
      const force = setTimeout(() => {
        opts.log.warn({ graceMs }, 'grace period over: cancelling in-flight calls');
        server.forceShutdown();
      }, graceMs);
      force.unref();
      server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    }).then(async () => {
      await opts.classifier.close?.();
      opts.log.info('gRPC server stopped');
    }));

  return { server, port, address: `${host}:${port}`, queue, setServing, stop };
}
