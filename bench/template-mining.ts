/**
 * Lines per second of the deterministic masker (maskTemplate) and of the
 * online template miner (TemplateMiner.add: masking, routing, matching,
 * generalising) on the same generated stream, side by side in one run.
 *
 *   npx tsx --tsconfig tsconfig.base.json bench/template-mining.ts [lines] [rowsPerTemplate] [--against <git revision> [--differences-expected]] [--miner-against <git revision>] [--rounds <n>]
 *
 * The stream is the generated corpus (every family, bare messages and whole
 * lines as generated) in a seeded random order, cycled to `lines`: after
 * the first pass the miner has learnt the templates, as a long-running
 * gateway has. The cold first pass is timed on its own too, and so is a
 * pass over the same templates with other values (another seed), which the
 * miner meets once, as a gateway meets most of a day's lines: a learnt
 * stream's masked lines are nearly all remembered, these are not. So is
 * each benchmark-like family's lines mined once by a miner of its own, as a
 * parser benchmark runs a system's sample (benchmarkSystems). Each figure is
 * taken after one untimed pass over the corpus, so that it is the rate of
 * code the JIT has compiled, as in a gateway that has run for a while, and
 * is the median of `--rounds` rounds (8 unless told).
 *
 * With `--against`, the masker of that git revision is loaded beside this
 * one: first both mask every corpus line and mutated copies of them and must
 * agree on every one (with `--differences-expected`, for a change meant to
 * mask some lines otherwise, the differing lines are counted and shown
 * instead), then they are timed in alternating rounds (one pass over the
 * corpus each, the order swapped every round), so that a shared, noisy
 * machine slows both alike; the same again on the benchmark-like systems'
 * lines, which are checked too.
 *
 * With `--miner-against`, the miner of that git revision (its
 * libs/template-miner sources, with this checkout's masker) is run beside
 * this one the same way: both take the learnt stream's first pass, the fresh
 * values and every benchmark-like system (a miner each, and again with a cap
 * of 300 templates, so that eviction runs) and must return the same result
 * for every line and end with the same snapshot; then both are timed on the
 * fresh values and on the benchmark-like systems in alternating rounds.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '@logclass/seeded-random';
import { maskTemplate } from '@logclass/template-mask';
import { TemplateMiner } from '@logclass/template-miner';
import { ALL_FAMILIES, generateCorpus, PARSER_BENCHMARK_FAMILIES, withSkewedCounts } from '@logclass/training';
import { runBench } from './lib/run-bench';

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
}
const AGAINST = option('--against');
const MINER_AGAINST = option('--miner-against');
const DIFFERENCES_EXPECTED = args.includes('--differences-expected');
if (DIFFERENCES_EXPECTED) args.splice(args.indexOf('--differences-expected'), 1);
const ROUNDS = Number(option('--rounds') ?? 8);
const LINES = Number(args[0] ?? 1_000_000);
const ROWS_PER_TEMPLATE = Number(args[1] ?? 16);

const random = mulberry32(7);
/** `lines` in a seeded random order (in place). */
function shuffled(lines: string[]): string[] {
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return lines;
}
/** The generated corpus at `seed`, its lines in a seeded random order. */
function shuffledCorpus(seed: number): string[] {
  return shuffled(generateCorpus({ seed, rowsPerTemplate: ROWS_PER_TEMPLATE }).map((r) => r.logMessage));
}
const corpus = shuffledCorpus(20251127);
/** The same templates with other values: lines a miner that has learnt `corpus` meets for the first time, as a gateway does all day. */
const freshCorpus = shuffledCorpus(20251128);

/**
 * Lines as a parser benchmark gives them, per system: each benchmark-like
 * family's lines with skewed counts per true template (withSkewedCounts: a
 * few templates make most lines, many appear once), up to 200 of a template,
 * in a seeded random order. A fresh miner takes each family's lines once.
 */
const BENCHMARK_ROWS_PER_TEMPLATE = 200;
const benchmarkSystems: string[][] = (() => {
  const families = ALL_FAMILIES.filter((f) => PARSER_BENCHMARK_FAMILIES.has(f.family));
  const rows = withSkewedCounts(generateCorpus({ seed: 20251127, rowsPerTemplate: BENCHMARK_ROWS_PER_TEMPLATE, families }), 20251127, BENCHMARK_ROWS_PER_TEMPLATE);
  const byFamily = new Map<string, string[]>();
  for (const row of rows) {
    const lines = byFamily.get(row.family);
    if (lines) lines.push(row.logMessage);
    else byFamily.set(row.family, [row.logMessage]);
  }
  return [...byFamily.values()].map(shuffled);
})();
const benchmarkLines = benchmarkSystems.reduce((n, lines) => n + lines.length, 0);

/** Lines per second of CPU time of each system's lines mined once by a miner of its own. */
function benchmarkSystemsRate(): number {
  const started = process.cpuUsage();
  for (const lines of benchmarkSystems) {
    const miner = new TemplateMiner();
    for (const line of lines) miner.add(line);
  }
  const used = process.cpuUsage(started);
  return benchmarkLines / ((used.user + used.system) / 1e6);
}

/** Lines per second of CPU time of this process (the machine may be shared: wall time would count other processes' turns). */
function linesPerSecond(lines: number, run: (line: string) => unknown, stream: readonly string[] = corpus): number {
  const started = process.cpuUsage();
  for (let i = 0; i < lines; i++) run(stream[i % stream.length]);
  const used = process.cpuUsage(started);
  return lines / ((used.user + used.system) / 1e6);
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(10);
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The three rates in ROUNDS rounds, medians reported: each round a fresh
 * miner's cold pass over the corpus, then the masker and that miner on the
 * learnt stream, in an order swapped every round, so that a load that comes
 * and goes slows both alike.
 */
function benchMiner(): void {
  for (const line of corpus) maskTemplate(line);
  const warmup = new TemplateMiner();
  for (const line of corpus) warmup.add(line);
  for (const line of freshCorpus) warmup.add(line);
  benchmarkSystemsRate();
  const rates: Record<'mask' | 'learnt' | 'fresh' | 'cold' | 'systems', number[]> = { mask: [], learnt: [], fresh: [], cold: [], systems: [] };
  let templates = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Its first pass meets every template new; the fresh stream then holds those templates with values it has not seen; after it, the stream is one it has learnt.
    const miner = new TemplateMiner();
    rates.cold.push(linesPerSecond(corpus.length, (line) => miner.add(line)));
    rates.fresh.push(linesPerSecond(freshCorpus.length, (line) => miner.add(line), freshCorpus));
    rates.systems.push(benchmarkSystemsRate());
    const learnt = (): number => linesPerSecond(LINES, (line) => miner.add(line));
    const mask = (): number => linesPerSecond(LINES, maskTemplate);
    if (round % 2) {
      rates.learnt.push(learnt());
      rates.mask.push(mask());
    } else {
      rates.mask.push(mask());
      rates.learnt.push(learnt());
    }
    templates = miner.size;
  }
  const row = (name: string, xs: number[], note = ''): string =>
    `${name.padEnd(37)}${fmt(median(xs))} lines/s  (${Math.round(Math.min(...xs) / 1000)}k-${Math.round(Math.max(...xs) / 1000)}k)${note}`;
  const ratio = (xs: number[]): string => `; ${median(xs.map((x, i) => x / rates.mask[i])).toFixed(2)}x maskTemplate, median of the rounds' ratios`;
  console.log(`stream: ${corpus.length.toLocaleString('en-US')} distinct generated lines, cycled to ${LINES.toLocaleString('en-US')}; per second of one core's CPU time, medians of ${ROUNDS} rounds (range) (node ${process.version})`);
  console.log(row('maskTemplate', rates.mask));
  console.log(row('TemplateMiner.add, learnt stream', rates.learnt, `${ratio(rates.learnt)}; ${templates.toLocaleString('en-US')} templates`));
  console.log(row('TemplateMiner.add, fresh values', rates.fresh, `${ratio(rates.fresh)}; ${freshCorpus.length.toLocaleString('en-US')} lines of the same templates, other values, met once`));
  console.log(row('TemplateMiner.add, first pass (cold)', rates.cold, ratio(rates.cold)));
  console.log(row('TemplateMiner.add, benchmark-like systems', rates.systems, `${ratio(rates.systems)}; ${benchmarkSystems.length} systems, ${benchmarkLines.toLocaleString('en-US')} lines, a miner per system, each line once`));
}

/** The non-test TypeScript sources under `src` at `revision`, written to `dir`. */
function sourcesAt(revision: string, src: string, dir: string): void {
  const files = execFileSync('git', ['ls-tree', '--name-only', `${revision}:${src}`], { encoding: 'utf8' }).split('\n');
  for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    writeFileSync(join(dir, file), execFileSync('git', ['show', `${revision}:${src}/${file}`]));
  }
}

/** The template-mask sources of `revision`, written to `dir`, and their maskTemplate. */
function maskerAt(revision: string, dir: string): (line: string) => string {
  sourcesAt(revision, 'libs/template-mask/src', dir);
  return (require(join(dir, 'mask-template.ts')) as { maskTemplate: (line: string) => string }).maskTemplate;
}

/** Characters values and separators are made of: a mutation drops them in, so the lines reach forms the corpus lacks. */
const MUTATION_CHARS = '0123456789abcdefxXzZ -_:./\\@#="\'[]()<>*,;%\t';

/** `line` with 1 to 4 edits: a character replaced, inserted or deleted, or a stretch of another corpus line spliced in. */
function mutate(line: string): string {
  let out = line;
  for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.6) {
      const c = MUTATION_CHARS[Math.floor(random() * MUTATION_CHARS.length)];
      out = out.slice(0, at) + c + out.slice(kind < 0.3 ? at + 1 : at);
    } else if (kind < 0.8) {
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 4));
    } else {
      const other = corpus[Math.floor(random() * corpus.length)];
      const from = Math.floor(random() * other.length);
      out = out.slice(0, at) + other.slice(from, from + 1 + Math.floor(random() * 24)) + out.slice(at);
    }
  }
  return out;
}

function sideBySide(revision: string, dir: string): void {
  const old = maskerAt(revision, dir);
  const systemsLines = benchmarkSystems.flat();
  const checked = [...corpus, ...corpus.flatMap((line) => [mutate(line), mutate(line), mutate(line), mutate(line)]), ...systemsLines];
  const differing = checked.filter((line) => old(line) !== maskTemplate(line));
  for (const line of differing.slice(0, 5)) console.log(`differs: ${JSON.stringify(line)}\n  ${revision}: ${JSON.stringify(old(line))}\n  now: ${JSON.stringify(maskTemplate(line))}`);
  console.log(
    `identical output on ${(checked.length - differing.length).toLocaleString('en-US')} of ${checked.length.toLocaleString('en-US')} lines (${corpus.length.toLocaleString('en-US')} corpus lines, 4 mutated copies of each, ${systemsLines.length.toLocaleString('en-US')} benchmark-like systems lines)`,
  );
  if (differing.length > 0 && !DIFFERENCES_EXPECTED) throw new Error(`${differing.length} lines masked differently`);

  console.log(`maskTemplate, ${ROUNDS} alternating rounds, after the check's untimed passes (lines/s of one core's CPU time, node ${process.version}):`);
  for (const [what, stream] of [
    [`the corpus (${corpus.length.toLocaleString('en-US')} lines)`, corpus],
    [`benchmark-like systems (${systemsLines.length.toLocaleString('en-US')} lines)`, systemsLines],
  ] as const) {
    const rates: Record<'old' | 'now', number[]> = { old: [], now: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: ('old' | 'now')[] = round % 2 ? ['now', 'old'] : ['old', 'now'];
      for (const which of order) rates[which].push(linesPerSecond(stream.length, which === 'old' ? old : maskTemplate, stream));
    }
    const ratios = rates.now.map((rate, i) => rate / rates.old[i]);
    console.log(` ${what}:`);
    console.log(`  ${revision.padEnd(12)} ${rates.old.map((r) => Math.round(r / 1000) + 'k').join(' ')}   median ${fmt(median(rates.old))}`);
    console.log(`  ${'now'.padEnd(12)} ${rates.now.map((r) => Math.round(r / 1000) + 'k').join(' ')}   median ${fmt(median(rates.now))}`);
    console.log(`  now / ${revision}: ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x per round, median ${median(ratios).toFixed(2)}x`);
  }
}

/** What a miner is to this benchmark: add() and snapshot(), whichever revision it comes from. */
interface AnyMiner {
  add(line: string): { id: string; template: string; change: string; previousId?: string };
  snapshot(): unknown;
}
type MinerClass = new (options?: { maxClusters?: number }) => AnyMiner;

/** The template-miner sources of `revision`, written to `dir` (they import this checkout's masker), and their TemplateMiner. */
function minerAt(revision: string, dir: string): MinerClass {
  sourcesAt(revision, 'libs/template-miner/src', dir);
  return (require(join(dir, 'index.ts')) as { TemplateMiner: MinerClass }).TemplateMiner;
}

/**
 * Every result `Miner` gives on the learnt stream's first pass, the fresh
 * values and each benchmark-like system (also with eviction), and its
 * snapshots, as one text to compare. A snapshot's aliases are sorted: which
 * old id means which template is compared, not the order they were recorded
 * in, which a merge of several templates at once may take in another order
 * (the order decides only which alias is forgotten first past maxAliases).
 */
function minerRun(Miner: MinerClass): string {
  const out: string[] = [];
  const feed = (miner: AnyMiner, lines: readonly string[]): void => {
    for (const line of lines) {
      const r = miner.add(line);
      out.push(`${r.id} ${r.change} ${r.previousId ?? ''} ${r.template}`);
    }
    const snapshot = miner.snapshot() as { aliases: [string, string][] };
    out.push(JSON.stringify({ ...snapshot, aliases: [...snapshot.aliases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) }));
  };
  const learnt = new Miner();
  feed(learnt, corpus);
  feed(learnt, freshCorpus);
  for (const lines of benchmarkSystems) {
    feed(new Miner(), lines);
    feed(new Miner({ maxClusters: 300 }), lines);
  }
  return out.join('\n');
}

/** Lines per second of CPU time of the fresh values (after a cold pass, untimed) and of each benchmark-like system mined once, by `Miner`. */
function minerRates(Miner: MinerClass): { fresh: number; systems: number } {
  const miner = new Miner();
  for (const line of corpus) miner.add(line);
  const fresh = linesPerSecond(freshCorpus.length, (line) => miner.add(line), freshCorpus);
  const started = process.cpuUsage();
  for (const lines of benchmarkSystems) {
    const system = new Miner();
    for (const line of lines) system.add(line);
  }
  const used = process.cpuUsage(started);
  return { fresh, systems: benchmarkLines / ((used.user + used.system) / 1e6) };
}

function minersSideBySide(revision: string, dir: string): void {
  const Old = minerAt(revision, dir);
  const [old, now] = [minerRun(Old), minerRun(TemplateMiner)];
  if (old !== now) {
    const [a, b] = [old.split('\n'), now.split('\n')];
    const at = a.findIndex((line, i) => line !== b[i]);
    throw new Error(`the miners differ at result ${at}:\n  ${revision}: ${a[at]?.slice(0, 300)}\n  now: ${b[at]?.slice(0, 300)}`);
  }
  console.log(`identical results and snapshots: ${old.split('\n').length.toLocaleString('en-US')} lines of output`);
  const rates = { old: [] as { fresh: number; systems: number }[], now: [] as { fresh: number; systems: number }[] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: ('old' | 'now')[] = round % 2 ? ['now', 'old'] : ['old', 'now'];
    for (const which of order) rates[which].push(minerRates(which === 'old' ? Old : TemplateMiner));
  }
  console.log(`TemplateMiner.add, ${ROUNDS} alternating rounds (lines/s of one core's CPU time, node ${process.version}):`);
  for (const key of ['fresh', 'systems'] as const) {
    const [o, n] = [rates.old.map((r) => r[key]), rates.now.map((r) => r[key])];
    const ratios = n.map((rate, i) => rate / o[i]);
    const what = key === 'fresh' ? `fresh values (${freshCorpus.length.toLocaleString('en-US')} lines, met once)` : `benchmark-like systems (${benchmarkSystems.length}, ${benchmarkLines.toLocaleString('en-US')} lines, a miner each)`;
    console.log(`  ${what}: ${revision} ${fmt(median(o))}, now ${fmt(median(n))} lines/s; now / ${revision} ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x per round, median ${median(ratios).toFixed(2)}x`);
  }
}

// Inside the checkout (its tmp/, ignored by git): the old sources import the workspace's libraries, which tsconfig's paths map for files of the checkout, and packages (yaml) that node finds by walking up from them.
if (MINER_AGAINST !== undefined) runBench('template-miner-', async (dir) => minersSideBySide(MINER_AGAINST, dir), join(__dirname, '..', 'tmp', 'bench'));
else if (AGAINST === undefined) benchMiner();
else runBench('template-mask-', async (dir) => sideBySide(AGAINST, dir));
