/**
 * Unary Classify latency through the gateway's gRPC port at a fixed
 * concurrency: each in-flight slot sends one record at a time, as a service
 * logging line by line would. Besides latency, the CPU each service spent
 * per call (from /proc): on a shared machine latency moves with everyone
 * else's load, CPU per call much less.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/unary-latency.ts [concurrency] [requests]
 */
import { credentials, Metadata } from '@grpc/grpc-js';
import { LogClassifierClient, type LogRecord } from '@logclass/contract';
import { DEFAULT_SHAPES_PER_TEMPLATE, messageShapes, prng, withRandomIds } from './lib/generate-csv';
import { percentile, printTable } from './lib/report';
import { cpuSecondsOf, startSystem } from './lib/system';

export async function unaryLatency(concurrency: number, requests: number): Promise<Record<string, string | number>[]> {
  const corpus = await messageShapes(DEFAULT_SHAPES_PER_TEMPLATE);
  const rand = prng(7);
  const records: LogRecord[] = Array.from({ length: requests }, () => {
    const r = corpus[Math.floor(rand() * corpus.length)];
    return { source: r.source, logMessage: withRandomIds(r.logMessage, rand) };
  });
  const system = await startSystem();
  const client = new LogClassifierClient(system.grpcAddress, credentials.createInsecure());
  try {
    const call = (record: LogRecord) =>
      new Promise<number>((resolve, reject) => {
        const t0 = process.hrtime.bigint();
        client.classify({ record }, new Metadata(), { deadline: Date.now() + 10_000 }, (err) =>
          err ? reject(err) : resolve(Number(process.hrtime.bigint() - t0) / 1e6),
        );
      });
    const run = async (batch: LogRecord[]) => {
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < batch.length) latencies.push(await call(batch[next++]));
        }),
      );
      return latencies;
    };
    // Warm-up at the same concurrency (a burst would only measure the bounded queue refusing it): connections, JIT, first shapes.
    await run(records.slice(0, 500));
    const pids = system.pids;
    const cpuBefore = Object.fromEntries(Object.entries(pids).map(([app, pid]) => [app, cpuSecondsOf(pid)]));
    const started = process.hrtime.bigint();
    const latencies = await run(records);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuPerCall = Object.fromEntries(Object.entries(pids).map(([app, pid]) => [app, ((cpuSecondsOf(pid) - cpuBefore[app]) * 1e6) / requests]));
    latencies.sort((a, b) => a - b);
    return [
      {
        concurrency,
        requests,
        'req/s': Math.round(requests / seconds),
        'p50 ms': percentile(latencies, 50).toFixed(2),
        'p90 ms': percentile(latencies, 90).toFixed(2),
        'p99 ms': percentile(latencies, 99).toFixed(2),
        'max ms': latencies[latencies.length - 1].toFixed(2),
        'gateway CPU µs/call': Math.round(cpuPerCall.gateway),
        'all services CPU µs/call': Math.round(Object.values(cpuPerCall).reduce((a, b) => a + b, 0)),
      },
    ];
  } finally {
    client.close();
    await system.stop();
  }
}

if (require.main === module) {
  const [c, n] = process.argv.slice(2).map(Number);
  unaryLatency(c || 16, n || 20_000).then(
    (rows) => printTable('Unary Classify latency through the gateway (gRPC, loopback, all services as processes)', rows),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
