/**
 * Embedder throughput, in one run:
 *  - HashingEmbedder (the default) on corpus lines: messages/s of wall time
 *    and of CPU time (the machine is shared, CPU time is the steadier figure);
 *  - TransformersEmbedder vs the stock transformers.js
 *    `pipeline('feature-extraction', ..., {pooling: 'mean', normalize: true})`
 *    on the same messages, int8 and fp32, with the ratio and the largest
 *    difference between their vectors (must be ~1e-6: same numbers, faster).
 *
 *   ../shared/tools/minilm-shaped/build tmp/minilm     # once, ~1 min, needs python3-onnx
 *   npm run bench:embedders -- [--models tmp/minilm] [--model minilm-shaped] [--messages 256] [--short]
 *
 * The MiniLM-shaped model has all-MiniLM-L6-v2's architecture with random
 * weights: right for speed, meaningless for accuracy. Without it, only the
 * hashing embedder is measured. Not part of CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { HashingEmbedder, loadTransformers, TransformersEmbedder } from '@logclass/embedding-tier';

const { values: args } = parseArgs({
  options: {
    models: { type: 'string', default: 'tmp/minilm' },
    model: { type: 'string', default: 'minilm-shaped' },
    messages: { type: 'string', default: '256' },
    // Shortest lines only: closer to the ~25-token lines TOOLCHAIN.md measured.
    short: { type: 'boolean', default: false },
    corpus: { type: 'string', default: 'training/data/corpus.csv' },
  },
});
const BATCH = 32;

function corpusLines(): string[] {
  if (existsSync(args.corpus)) {
    const rows = parse(readFileSync(args.corpus), { columns: true }) as Array<{ log_message: string }>;
    return rows.map((r) => r.log_message);
  }
  return Array.from({ length: 20_000 }, (_, i) => `User User${i} logged in from 10.0.${i % 255}.1 after ConnectionTimeoutError on db_write ${i * 7}`);
}

/** Wall and CPU seconds of `run`. */
async function timed(run: () => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');

async function benchHashing(lines: string[]): Promise<void> {
  const embedder = new HashingEmbedder();
  embedder.embedSparse(lines.slice(0, 2000)); // warm the JIT
  let best = { wall: Infinity, cpu: Infinity };
  for (let r = 0; r < 3; r++) {
    const t = await timed(() => embedder.embedSparse(lines));
    if (t.cpu < best.cpu) best = t;
  }
  const avgChars = Math.round(lines.reduce((a, l) => a + l.length, 0) / lines.length);
  console.log(`hashing ${embedder.id}: ${lines.length} lines (avg ${avgChars} chars), best of 3`);
  console.log(`  ${rate(lines.length, best.wall)} msg/s wall, ${rate(lines.length, best.cpu)} msg/s per CPU-second`);
  const dense = await timed(() => embedder.embed(lines));
  console.log(`  dense Float32Array output: ${rate(lines.length, dense.wall)} msg/s wall`);
}

async function benchTransformers(lines: string[], quantized: boolean): Promise<void> {
  const embedder = await TransformersEmbedder.load({ modelsPath: args.models, model: args.model, quantized, batchSize: BATCH });
  const tf = await loadTransformers(args.models, false);
  const pipe = await tf.pipeline('feature-extraction', args.model, { quantized });
  const templates = lines.map((l) => embedder.templateOf(l));
  const stock = async () => {
    const out: Float32Array[] = [];
    for (let i = 0; i < templates.length; i += BATCH) {
      const t = await pipe(templates.slice(i, i + BATCH), { pooling: 'mean', normalize: true });
      const dim = t.dims[1];
      for (let r = 0; r < t.dims[0]; r++) out.push((t.data as Float32Array).slice(r * dim, (r + 1) * dim));
    }
    return out;
  };
  await embedder.embed(lines.slice(0, BATCH)); // warm both
  await pipe(templates.slice(0, BATCH), { pooling: 'mean', normalize: true });
  let ours: Float32Array[] = [];
  let theirs: Float32Array[] = [];
  // Alternated, best of two each: the machine is shared and its load drifts during a run.
  let tOurs = { wall: Infinity, cpu: Infinity };
  let tStock = { wall: Infinity, cpu: Infinity };
  for (let round = 0; round < 2; round++) {
    const a = await timed(async () => (ours = await embedder.embed(lines)));
    const b = await timed(async () => (theirs = await stock()));
    if (a.wall < tOurs.wall) tOurs = a;
    if (b.wall < tStock.wall) tStock = b;
  }
  const tokenizer = await tf.AutoTokenizer.from_pretrained(args.model);
  const avgTokens = templates.reduce((a, t) => a + tokenizer.encode(t).length, 0) / templates.length;
  let maxDiff = 0;
  ours.forEach((v, i) => v.forEach((x, d) => (maxDiff = Math.max(maxDiff, Math.abs(x - theirs[i][d])))));
  console.log(`transformers ${args.model} ${quantized ? 'int8 (model_quantized.onnx)' : 'fp32 (model.onnx)'}: ${lines.length} messages (avg ${avgTokens.toFixed(0)} tokens), batches of ${BATCH}, best of 2 alternated`);
  console.log(`  ours (length-sorted batches, typed-array pooling): ${rate(lines.length, tOurs.wall)} msg/s wall`);
  console.log(`  stock pipeline (mean, normalize):                 ${rate(lines.length, tStock.wall)} msg/s wall`);
  console.log(`  speed-up ${(tStock.wall / tOurs.wall).toFixed(2)}x; largest vector difference ${maxDiff.toExponential(1)}`);
  await pipe.dispose();
  await embedder.close();
}

async function main(): Promise<void> {
  const lines = corpusLines();
  await benchHashing(lines);
  if (!existsSync(`${args.models}/${args.model}/config.json`)) {
    console.log(`no ${args.model} under ${args.models}: build it with ../shared/tools/minilm-shaped/build ${args.models} to measure transformers`);
    return;
  }
  // A spread of real lines (the corpus is ordered by label): every 1/n-th line.
  const n = Number(args.messages);
  const pool = args.short ? lines.filter((l) => l.length <= 80) : lines;
  const step = Math.max(1, Math.floor(pool.length / n));
  const sample = Array.from({ length: Math.min(n, pool.length) }, (_, i) => pool[(i * step) % pool.length]);
  await benchTransformers(sample, true);
  await benchTransformers(sample, false);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
