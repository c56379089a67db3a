/**
 * Lines per second of the deterministic masker (maskTemplate) and of the
 * online template miner (TemplateMiner.add: masking, routing, matching,
 * generalising) on the same generated stream, side by side in one run.
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/template-mining.ts [lines] [rowsPerTemplate]
 *
 * The stream is the generated corpus (every family, bare messages and whole
 * lines as generated) in a seeded random order, cycled to `lines`: after
 * the first pass the miner has learnt the templates, as a long-running
 * gateway has. The cold first pass is timed on its own too.
 */
import { mulberry32 } from '@logclass/seeded-random';
import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner } from '@logclass/template-miner';
import { generateCorpus } from '@logclass/training';

const LINES = Number(process.argv[2] ?? 1_000_000);
const ROWS_PER_TEMPLATE = Number(process.argv[3] ?? 16);

const corpus = generateCorpus({ seed: 20251127, rowsPerTemplate: ROWS_PER_TEMPLATE }).map((r) => r.logMessage);
const random = mulberry32(7);
for (let i = corpus.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [corpus[i], corpus[j]] = [corpus[j], corpus[i]];
}

/** Lines per second of CPU time of this process (the machine may be shared: wall time would count other processes' turns). */
function linesPerSecond(lines: number, run: (line: string) => unknown): number {
  const started = process.cpuUsage();
  for (let i = 0; i < lines; i++) run(corpus[i % corpus.length]);
  const used = process.cpuUsage(started);
  return lines / ((used.user + used.system) / 1e6);
}

// Warm the JIT on a slice, then time.
for (let i = 0; i < 5000; i++) maskTemplate(corpus[i % corpus.length]);
const mask = linesPerSecond(LINES, maskTemplate);

const cold = new TemplateMiner();
const coldRate = linesPerSecond(corpus.length, (line) => cold.add(line));
const miner = new TemplateMiner();
for (const line of corpus) miner.add(line);
const warmRate = linesPerSecond(LINES, (line) => miner.add(line));

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(10);
console.log(`stream: ${corpus.length.toLocaleString('en-US')} distinct generated lines, cycled to ${LINES.toLocaleString('en-US')}; per second of one core's CPU time (node ${process.version})`);
console.log(`maskTemplate                         ${fmt(mask)} lines/s`);
console.log(`TemplateMiner.add, learnt stream     ${fmt(warmRate)} lines/s   (${(warmRate / mask).toFixed(2)}x maskTemplate; ${miner.size.toLocaleString('en-US')} templates)`);
console.log(`TemplateMiner.add, first pass (cold) ${fmt(coldRate)} lines/s   (${(coldRate / mask).toFixed(2)}x maskTemplate)`);
