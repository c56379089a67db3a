/**
 * Resilience numbers, side by side in one run:
 *   - gateway throughput and per-batch latency with all tiers up vs with the
 *     embedding tier killed (its rows go to the next tier or Unclassified);
 *   - time from the tier's return to its breaker closing again.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/tier-down.ts [rows]
 */
import { credentials, Metadata } from '@grpc/grpc-js';
import { LogClassifierClient, type Classification, type LogRecord } from '@logclass/contract';
import { runBatchesInFlight } from './lib/batches-in-flight';
import { DEFAULT_SHAPES_PER_TEMPLATE, messageShapes, prng, withRandomIds } from './lib/generate-csv';
import { percentile, printTable } from './lib/report';
import { startSystem } from './lib/system';

const BATCH = 512;
const signed = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(1);
const IN_FLIGHT = 4;

async function drive(records: LogRecord[], call: (b: LogRecord[]) => Promise<Classification[]>) {
  const latencies: number[] = [];
  let unclassified = 0;
  const seconds = await runBatchesInFlight(records, BATCH, IN_FLIGHT, async (batch) => {
    const s = process.hrtime.bigint();
    const res = await call(batch);
    latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
    unclassified += res.filter((r) => r.label === 'Unclassified').length;
  });
  latencies.sort((a, b) => a - b);
  return { rowsPerSecond: records.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), unclassified };
}

async function main(rows: number) {
  const corpus = await messageShapes(DEFAULT_SHAPES_PER_TEMPLATE);
  const rand = prng(5);
  const records = Array.from({ length: rows }, () => {
    const r = corpus[Math.floor(rand() * corpus.length)];
    return { source: r.source, logMessage: withRandomIds(r.logMessage, rand) };
  });
  // Short reset so the recovery time is dominated by detection, not by waiting out a long open state.
  const system = await startSystem({ GATEWAY_EMBEDDING_RESET_MS: '2000' });
  const client = new LogClassifierClient(system.grpcAddress, credentials.createInsecure());
  const call = (batch: LogRecord[]) =>
    new Promise<Classification[]>((resolve, reject) =>
      client.classifyBatch({ records: batch }, new Metadata(), { deadline: Date.now() + 60_000 }, (err, res) => (err ? reject(err) : resolve(res.results))),
    );
  const readyz = async () => (await fetch(`${system.httpUrl}/readyz`)).json() as Promise<{ tiers: { name: string; breaker: string }[] }>;
  const breaker = async () => (await readyz()).tiers.find((t) => t.name === 'embedding')?.breaker;
  try {
    await drive(records.slice(0, 5_000), call);
    const up = await drive(records, call);
    await system.kill('embedding');
    const killedAt = Date.now();
    const down = await drive(records, call);
    const stateAfterDownRun = await breaker();
    // The error percentage is over opossum's rolling window (10 s), which still holds the
    // successes of the 'up' run: under heavy traffic the breaker opens once failures outnumber them.
    let openedAfterMs = stateAfterDownRun === 'open' ? NaN : -1;
    while (openedAfterMs === -1 && Date.now() - killedAt < 60_000) {
      await call(records.slice(0, 64));
      if ((await breaker()) === 'open') openedAfterMs = Date.now() - killedAt;
      else await new Promise((r) => setTimeout(r, 50));
    }
    // Recovery: restart the tier and keep a light steady load (one batch every 50 ms), as production would.
    system.restart('embedding');
    const restartedAt = Date.now();
    let closedAfterMs = NaN;
    while (Date.now() - restartedAt < 60_000) {
      await call(records.slice(0, 64));
      if ((await breaker()) === 'closed') {
        closedAfterMs = Date.now() - restartedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const row = (name: string, r: Awaited<ReturnType<typeof drive>>) => ({
      setup: name,
      'rows/s': Math.round(r.rowsPerSecond),
      'batch p50 ms': r.p50.toFixed(1),
      'batch p99 ms': r.p99.toFixed(1),
      'Unclassified rows': r.unclassified,
    });
    printTable(`Gateway with all tiers up vs embedding tier killed (${rows} rows, ClassifyBatch ${BATCH} x ${IN_FLIGHT} in flight)`, [
      row('all tiers up', up),
      row('embedding down', down),
      { setup: 'down / up', 'rows/s': (down.rowsPerSecond / up.rowsPerSecond).toFixed(2) + 'x', 'batch p50 ms': signed(down.p50 - up.p50), 'batch p99 ms': signed(down.p99 - up.p99), 'Unclassified rows': '' },
    ]);
    const opened = Number.isNaN(openedAfterMs) ? 'open by the end of the down run' : `${stateAfterDownRun} after the down run (failures still outnumbered by the up run's successes in the 10 s window), open ${openedAfterMs} ms after the kill`;
    console.log(`\nembedding breaker: ${opened}; closed again ${closedAfterMs} ms after the tier process was restarted (reset timeout 2000 ms, process start included)`);
  } finally {
    client.close();
    await system.stop();
  }
}

main(Number(process.argv[2]) || 100_000).catch((err) => {
  console.error(err);
  process.exit(1);
});
