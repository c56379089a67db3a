/**
 * Gateway CSV throughput and peak RSS for growing files: the whole system as
 * separate processes on loopback, a generated CSV of realistic mixed logs
 * (training-corpus templates with random ids) streamed to POST /classify.
 * A fresh system per size so each peak RSS belongs to that run alone.
 *
 *   npm run build && npx tsx --tsconfig tsconfig.base.json bench/csv-throughput.ts [rows ...]
 *   (default sizes: 100000 1000000 5000000; BENCH_EMBEDDING_ENV='{"EMBEDDING_...":"..."}' for other embedders;
 *    BENCH_SHAPES=0 draws from every corpus row instead of 3 rows per template)
 */
import { statSync } from 'node:fs';
import { DEFAULT_SHAPES_PER_TEMPLATE, generateCsv } from './lib/generate-csv';
import { memoryOf, startSystem } from './lib/system';
import { uploadCsv } from './lib/csv-upload';
import { printTable } from './lib/report';

export async function csvThroughput(
  sizes: number[],
  extraEnv: Record<string, string> = {},
  perTemplate = DEFAULT_SHAPES_PER_TEMPLATE,
): Promise<Record<string, string | number>[]> {
  const rows: Record<string, string | number>[] = [];
  for (const size of sizes) {
    const path = await generateCsv(size, 42, perTemplate);
    // 5M rows are ~0.6 GB, over the default GATEWAY_MAX_UPLOAD_BYTES (512 MiB): raise it for this file.
    const system = await startSystem({ GATEWAY_MAX_UPLOAD_BYTES: String(statSync(path).size + 1), ...extraEnv });
    try {
      const gatewayPid = system.pids.gateway;
      let peakSampled = 0;
      const sampler = setInterval(() => {
        peakSampled = Math.max(peakSampled, memoryOf(gatewayPid).rssMb);
      }, 100);
      const result = await uploadCsv(system.httpUrl, path);
      clearInterval(sampler);
      if (result.rows !== size) throw new Error(`sent ${size} rows, got ${result.rows} back`);
      const mem = memoryOf(gatewayPid);
      rows.push({
        rows: size,
        shapes: perTemplate > 0 ? `${perTemplate}/template` : 'whole corpus',
        seconds: result.seconds.toFixed(1),
        'rows/s': Math.round(size / result.seconds),
        'MB/s in': (result.bytesIn / 1e6 / result.seconds).toFixed(1),
        'gateway peak RSS MB': Math.round(Math.max(mem.peakMb, peakSampled)),
        'embedding peak RSS MB': Math.round(memoryOf(system.pids.embedding).peakMb),
      });
    } finally {
      await system.stop();
    }
  }
  return rows;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const extra = process.env.BENCH_EMBEDDING_ENV ? JSON.parse(process.env.BENCH_EMBEDDING_ENV) : {};
  const shapes = process.env.BENCH_SHAPES === undefined ? DEFAULT_SHAPES_PER_TEMPLATE : Number(process.env.BENCH_SHAPES);
  csvThroughput(sizes.length ? sizes : [100_000, 1_000_000, 5_000_000], extra, shapes).then(
    (rows) => printTable('Gateway CSV throughput (all services as separate processes, loopback)', rows),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
