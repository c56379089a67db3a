import { credentials as grpcCredentials, Metadata, type ChannelCredentials, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import {
  LogClassifierClient,
  type Classification,
  type ClassifyOptions,
  type DescribeResponse,
  type LogRecord,
} from '@logclass/contract';
import { expectOneResultPerRecord, LogclassError, type Classifier, type ErrorCode } from '@logclass/classifier';
import { fromGrpcStatus } from '@logclass/grpc-status';
import { BatchStreams, StreamFailure } from './batch-streams';
import { FastStreamClient } from './fast-stream-client';

const DEFAULT_STREAM_MAX_AGE_MS = 30_000;

/**
 * Stream failures that one batch can cause for its neighbours (a refused
 * batch, a full queue, a server bug): the batches are asked again alone.
 * A dead or unauthorised tier fails every batch anyway.
 */
const RETRIED_ALONE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED', 'INTERNAL']);

export interface GrpcClassifierOptions {
  /** Tier name as the gateway reports it ("regex", "embedding", "llm"). */
  tier: string;
  /** A grpc-js target: "host:port" or "dns:///name:port" (several pods, balanced). */
  address: string;
  /** Per-call deadline. */
  timeoutMs: number;
  /** Records per ClassifyBatch call; larger inputs are split. */
  batchSize: number;
  credentials?: ChannelCredentials;
  /** Sent as `x-api-key` metadata on every call, for tiers that require one. */
  apiKey?: string;
  /**
   * Long-lived ClassifyStreams to carry the batches (see BatchStreams);
   * 0 or absent: one unary ClassifyBatch call per batch.
   */
  streams?: number;
  /** How long a stream takes new batches before it is retired (default 30 s). */
  streamMaxAgeMs?: number;
  channelOptions?: ChannelOptions;
}

/**
 * A remote tier, as a Classifier: the gateway composes these. Round-robin
 * over every address the target resolves to, so a headless Kubernetes
 * Service spreads load across pods instead of pinning one HTTP/2 connection.
 */
export class GrpcClassifier implements Classifier {
  readonly tier: string;
  private readonly client: InstanceType<typeof LogClassifierClient>;
  private described: DescribeResponse | undefined;
  private readonly streams: BatchStreams | undefined;

  constructor(private readonly opts: GrpcClassifierOptions) {
    this.tier = opts.tier;
    // The contract's client, its ClassifyStream (the gateway's batches) encoded and decoded by @logclass/stream-codec.
    this.client = new FastStreamClient(opts.address, opts.credentials ?? grpcCredentials.createInsecure(), {
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 10_000,
      // Reconnect quickly when a tier comes back (defaults back off up to 120 s).
      'grpc.initial_reconnect_backoff_ms': 200,
      'grpc.max_reconnect_backoff_ms': 5_000,
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
      ...opts.channelOptions,
    });
    if (opts.streams) {
      this.streams = new BatchStreams(this.client, () => this.metadata(), {
        tier: opts.tier,
        streams: opts.streams,
        maxAgeMs: opts.streamMaxAgeMs ?? DEFAULT_STREAM_MAX_AGE_MS,
        timeoutMs: opts.timeoutMs,
      });
    }
  }

  get address(): string {
    return this.opts.address;
  }

  async classify(records: readonly LogRecord[], options?: ClassifyOptions, signal?: AbortSignal): Promise<Classification[]> {
    // The usual case (the gateway's batches fit): no copies of the records or the answers.
    if (records.length <= this.opts.batchSize) return this.classifyChunk(records, options, signal);
    const chunks: (readonly LogRecord[])[] = [];
    for (let i = 0; i < records.length; i += this.opts.batchSize) chunks.push(records.slice(i, i + this.opts.batchSize));
    const parts = await Promise.all(chunks.map((chunk) => this.classifyChunk(chunk, options, signal)));
    return parts.flat();
  }

  /** One call's answer, by stream or unary call, checked for one result per record: a tier that answers the wrong number of rows cannot be trusted with any of them. */
  private async classifyChunk(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal?: AbortSignal): Promise<Classification[]> {
    return expectOneResultPerRecord(this.tier, records.length, await this.sendChunk(records, options, signal));
  }

  private async sendChunk(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal?: AbortSignal): Promise<Classification[]> {
    if (!this.streams) return this.classifyUnary(records, options, signal);
    try {
      return await this.streams.send(records, options, signal);
    } catch (err) {
      if (!(err instanceof StreamFailure)) throw err;
      // The stream died with some batch's error; ask again alone, so only the batch that caused it fails with it.
      if (RETRIED_ALONE.has(err.error.code)) return this.classifyUnary(records, options, signal);
      throw err.error;
    }
  }

  private classifyUnary(records: readonly LogRecord[], options: ClassifyOptions | undefined, signal?: AbortSignal): Promise<Classification[]> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new LogclassError('CANCELLED', `${this.tier}: cancelled`));
      const deadline = Date.now() + this.opts.timeoutMs;
      // The request only reads the records (ts-proto's message type is not readonly).
      const call = this.client.classifyBatch({ records: records as LogRecord[], options }, this.metadata(), { deadline }, (err: ServiceError | null, res) => {
        signal?.removeEventListener('abort', onAbort);
        if (err) return reject(fromGrpcStatus(err.code, err.details));
        resolve(res?.results ?? []);
      });
      const onAbort = () => call.cancel();
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The tier's self-description, fetched once. */
  async fetchDescription(): Promise<DescribeResponse> {
    if (this.described) return this.described;
    return new Promise((resolve, reject) => {
      this.client.describe({}, this.metadata(), { deadline: Date.now() + this.opts.timeoutMs }, (err: ServiceError | null, res) => {
        if (err) return reject(fromGrpcStatus(err.code, err.details));
        this.described = res;
        resolve(res);
      });
    });
  }

  private metadata(): Metadata {
    const md = new Metadata();
    if (this.opts.apiKey) md.set('x-api-key', this.opts.apiKey);
    return md;
  }

  describe(): DescribeResponse {
    return this.described ?? { tier: this.tier, labels: [], model: 'remote (not yet described)', maxBatchSize: this.opts.batchSize };
  }

  async close(): Promise<void> {
    this.streams?.close();
    this.client.close();
  }
}
