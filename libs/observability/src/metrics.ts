import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per service, with the metric families every
 * logclass service shares. Names follow Prometheus conventions
 * (`_total` counters, `_seconds` histograms); label values are bounded sets
 * (service, rpc, tier, label, outcome, gRPC code), never message text.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly rpcRequests: Counter<'rpc' | 'code'>;
  readonly rpcDuration: Histogram<'rpc'>;
  readonly records: Counter<'tier' | 'outcome' | 'label'>;
  readonly queueDepth: Gauge<'state'>;
  private readQueue: (() => { running: number; waiting: number }) | undefined;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.rpcRequests = new Counter({
      name: 'logclass_rpc_requests_total',
      help: 'RPCs served, by method and gRPC status code.',
      labelNames: ['rpc', 'code'],
      registers: [this.registry],
    });
    this.rpcDuration = new Histogram({
      name: 'logclass_rpc_duration_seconds',
      help: 'Time to answer an RPC, by method.',
      labelNames: ['rpc'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    this.records = new Counter({
      name: 'logclass_records_total',
      help: 'Records answered, by deciding tier, outcome (decided/abstained/unclassified) and label.',
      labelNames: ['tier', 'outcome', 'label'],
      registers: [this.registry],
    });
    this.queueDepth = new Gauge({
      name: 'logclass_admission_queue',
      help: 'Batches running and waiting in the admission queue.',
      labelNames: ['state'],
      registers: [this.registry],
      collect: () => {
        const depth = this.readQueue?.();
        if (!depth) return;
        this.queueDepth.set({ state: 'running' }, depth.running);
        this.queueDepth.set({ state: 'waiting' }, depth.waiting);
      },
    });
  }

  /** The admission queue whose depth the gauge reports at scrape time. */
  trackQueue(read: () => { running: number; waiting: number }): void {
    this.readQueue = read;
  }

  /** A counter/gauge/histogram family of the service's own (LLM calls, cache hits...). */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = [], buckets?: number[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, registers: [this.registry], ...(buckets ? { buckets } : {}) });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/**
 * Serves GET /metrics on its own port: tiers speak only gRPC, so Prometheus
 * scrapes them here. Resolves with the bound port (0 = any free port).
 */
export async function startMetricsServer(metrics: ServiceMetrics, host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
      metrics.render().then(
        ({ contentType, body }) => {
          res.writeHead(200, { 'content-type': contentType });
          res.end(body);
        },
        () => {
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try GET /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
