import { LogclassError, type Classifier } from '@logclass/classifier';
import type { Logger } from '@logclass/observability';
import { addClassifications, dropMalformed, recordsToClassify, type EnrichmentOptions } from './otlp-enrich';
import type { ExportOutcome, OtlpExporter } from './otlp-exporter';
import type { OtlpMetrics } from './otlp-metrics';
import type { ExportLogsRequest } from './otlp-proto';
import { RejectedRecords } from './rejected-records';

export type OtlpTransport = 'grpc' | 'http';

/** What the sender is told; each transport words it in its own status codes. */
export type ReceiveOutcome =
  /** Acknowledged: every record not counted in `rejected` was forwarded (or, without a downstream, classified). */
  | { kind: 'ok'; rejected: number; message: string }
  /** The body is not an export request, or the downstream refused the data as invalid: retrying will not help. */
  | { kind: 'invalid'; message: string }
  /** Larger than GATEWAY_OTLP_MAX_REQUEST_BYTES. */
  | { kind: 'too-large'; message: string }
  /** The gateway is full (or the caller over its rate): retry later. */
  | { kind: 'busy'; message: string; retryAfterSeconds: number }
  /** Downstream down or slow, classification impossible, or shutting down: retry later, nothing was acknowledged. */
  | { kind: 'unavailable'; message: string; retryAfterSeconds: number }
  | { kind: 'unauthenticated'; message: string };

/** The last the exporter heard from the downstream, for /readyz. */
export interface ExporterState {
  state: 'not-configured' | 'unknown' | 'ok' | 'failing';
  lastError?: string;
  consecutiveFailures: number;
}

export interface OtlpPipelineOptions {
  classifier: Classifier;
  /** Undefined: classify and count only. */
  exporter: OtlpExporter | undefined;
  enrichment: EnrichmentOptions;
  maxInFlight: number;
  retryAfterSeconds: number;
  metrics: OtlpMetrics;
  log: Logger;
}

/**
 * One export request, whichever transport brought it: a slot of the bounded
 * in-flight limit, the cascade, the logclass.* attributes, then the
 * downstream. The sender is acknowledged only once the downstream has
 * acknowledged the batch, so its own retry queue holds every record until then.
 */
export class OtlpPipeline {
  private running = 0;
  private stopping = false;
  private readonly exporterState: ExporterState;

  constructor(private readonly opts: OtlpPipelineOptions) {
    this.exporterState = { state: opts.exporter ? 'unknown' : 'not-configured', consecutiveFailures: 0 };
  }

  get inFlight(): number {
    return this.running;
  }

  get maxInFlight(): number {
    return this.opts.maxInFlight;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  exporter(): ExporterState {
    return { ...this.exporterState };
  }

  /** A slot for one request, or the refusal to send; call release() once the request is answered. */
  admit(): ReceiveOutcome | undefined {
    if (this.stopping) return this.unavailable('the gateway is shutting down');
    if (this.running >= this.opts.maxInFlight) {
      return { kind: 'busy', message: `the gateway is handling ${this.running} OTLP requests, its limit (GATEWAY_OTLP_MAX_IN_FLIGHT)`, retryAfterSeconds: this.opts.retryAfterSeconds };
    }
    this.running++;
    this.opts.metrics.inFlight.set(this.running);
    return undefined;
  }

  release(): void {
    this.running--;
    this.opts.metrics.inFlight.set(this.running);
  }

  /** New requests are refused from now on (retryable); those admitted finish. */
  stop(): void {
    this.stopping = true;
  }

  /** Classifies, enriches and forwards an admitted request; `rejected` holds what decoding already left out. */
  async process(request: ExportLogsRequest, rejected: RejectedRecords, transport: OtlpTransport): Promise<ReceiveOutcome> {
    dropMalformed(request, rejected);
    const count = (result: string, n: number) => n > 0 && this.opts.metrics.records.inc({ transport, result }, n);
    count('malformed', rejected.count);
    const records = recordsToClassify(request, this.opts.enrichment);
    if (records.length === 0) return { kind: 'ok', rejected: rejected.count, message: rejected.message };

    try {
      addClassifications(request, await this.opts.classifier.classify(records), this.opts.enrichment);
    } catch (err) {
      count('not_acknowledged', records.length);
      if (err instanceof LogclassError && err.code === 'INVALID_ARGUMENT') return { kind: 'invalid', message: err.message };
      this.opts.log.warn({ err: (err as Error).message }, 'OTLP batch could not be classified; the sender was told to retry');
      return this.unavailable('the records could not be classified now');
    }

    const exporter = this.opts.exporter;
    if (!exporter) {
      count('classified', records.length);
      return { kind: 'ok', rejected: rejected.count, message: rejected.message };
    }
    const outcome = await this.send(exporter, request);
    switch (outcome.kind) {
      case 'accepted': {
        count('forwarded', records.length);
        const message = [rejected.message, outcome.message && `downstream: ${outcome.message}`].filter(Boolean).join('; ');
        return { kind: 'ok', rejected: rejected.count + outcome.rejected, message };
      }
      case 'refused':
        count('not_acknowledged', records.length);
        return { kind: 'invalid', message: `the downstream refused the batch as invalid (${outcome.reason})` };
      case 'retry':
        count('not_acknowledged', records.length);
        return this.unavailable(`not forwarded: ${outcome.reason}`, outcome.retryAfterSeconds);
    }
  }

  private async send(exporter: OtlpExporter, request: ExportLogsRequest): Promise<ExportOutcome> {
    const end = this.opts.metrics.exportDuration.startTimer();
    const outcome = await exporter.export(request);
    end();
    this.opts.metrics.exports.inc({ result: outcome.kind });
    if (outcome.kind === 'retry') {
      if (this.exporterState.state !== 'failing') this.opts.log.warn({ reason: outcome.reason }, 'OTLP downstream is not taking batches; senders are told to retry');
      this.exporterState.state = 'failing';
      this.exporterState.lastError = outcome.reason;
      this.exporterState.consecutiveFailures++;
    } else {
      if (this.exporterState.state === 'failing') this.opts.log.info('OTLP downstream takes batches again');
      this.exporterState.state = 'ok';
      this.exporterState.consecutiveFailures = 0;
      if (outcome.kind === 'refused') this.exporterState.lastError = outcome.reason;
      else delete this.exporterState.lastError;
    }
    return outcome;
  }

  private unavailable(message: string, downstreamRetryAfter?: number): ReceiveOutcome {
    return { kind: 'unavailable', message, retryAfterSeconds: Math.max(this.opts.retryAfterSeconds, downstreamRetryAfter ?? 0) };
  }
}
