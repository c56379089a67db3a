/**
 * `npm run bench`: the throughput benchmarks, each printing ratios measured in
 * the same run. Builds nothing: run `npm run build` first (the npm script does).
 *
 *   npm run bench                 # split cost, caches, CSV 100k/1M/5M, unary latency
 *   npm run bench -- --quick      # smaller sizes (a minute or two)
 */
import { cascadeSplit } from './cascade-split';
import { csvThroughput } from './csv-throughput';
import { printTable } from './lib/report';
import { unaryLatency } from './unary-latency';

async function main() {
  const quick = process.argv.includes('--quick');
  const splitRows = quick ? 50_000 : 200_000;
  printTable(`Cascade in one process vs gateway + 3 services over gRPC (${splitRows} rows)`, await cascadeSplit(splitRows));
  const sizes = quick ? [100_000] : [100_000, 1_000_000, 5_000_000];
  const csv = await csvThroughput(sizes);
  // The same size drawn from every corpus row: ~37k distinct shapes in 44k rows, far more varied than production logs.
  csv.push(...(await csvThroughput([100_000], {}, 0)));
  printTable('Gateway CSV throughput (all services as separate processes, loopback)', csv);
  printTable('Unary Classify latency through the gateway (gRPC, 16 in flight)', await unaryLatency(16, quick ? 5_000 : 20_000));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
