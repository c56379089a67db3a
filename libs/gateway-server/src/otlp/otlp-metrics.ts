import { Counter, Gauge, Histogram } from 'prom-client';
import type { ServiceMetrics } from '@logclass/observability';

/** The OTLP receiver's and exporter's families, in the gateway's one registry (records' labels are counted by logclass_records_total as for every API). */
export class OtlpMetrics {
  readonly requests: Counter<'transport' | 'result'>;
  readonly records: Counter<'transport' | 'result'>;
  readonly exports: Counter<'result'>;
  readonly exportDuration: Histogram;
  readonly inFlight: Gauge;

  constructor(metrics: ServiceMetrics) {
    const registers = [metrics.registry];
    this.requests = new Counter({
      name: 'logclass_otlp_requests_total',
      help: 'OTLP logs export requests received, by transport (grpc, http) and result (ok, partial, invalid, busy, unavailable, unauthenticated).',
      labelNames: ['transport', 'result'],
      registers,
    });
    this.records = new Counter({
      name: 'logclass_otlp_records_total',
      help: 'OTLP log records received, by transport and result: forwarded (acknowledged downstream), classified (no downstream configured), malformed (rejected in partial_success), not_acknowledged (the sender was told to retry or that the downstream refused them).',
      labelNames: ['transport', 'result'],
      registers,
    });
    this.exports = new Counter({
      name: 'logclass_otlp_exports_total',
      help: 'Batches sent to the downstream OTLP endpoint, by result (accepted, retry, refused).',
      labelNames: ['result'],
      registers,
    });
    this.exportDuration = new Histogram({
      name: 'logclass_otlp_export_duration_seconds',
      help: 'Time the downstream took to answer one batch.',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.inFlight = new Gauge({ name: 'logclass_otlp_requests_in_flight', help: 'OTLP export requests being classified or waiting for the downstream.', registers });
  }
}
