// Precision, coverage and speed of a rules file on a labelled CSV (source,log_message,target_label):
//   npx tsx --tsconfig tsconfig.base.json libs/regex-tier/tools/evaluate-rules.ts [--check] [corpus.csv] [rules.yaml]
// Defaults: training/data/corpus.csv and the shipped rules. Prints overall coverage and
// precision, then one line per rule in file order (rows decided, precision, decisions by
// true label; rules that decided nothing too, so dead rules show), and every wrong
// decision, so a rule edit can be judged before it ships. Exits 1 when any decision is wrong.
// --check also runs every pattern on every row (no literal prefilter), prints its speed, and
// exits 1 if any row gets a different decision than with the prefilter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadRules, RegexClassifier } from '../src';

interface Row {
  source: string;
  log_message: string;
  target_label: string;
  template_id?: string;
}

/** What one rule decided: rows by their true label. */
interface RuleTally {
  id: string;
  label: string;
  byTruth: Map<string, number>;
}

// Piped into head: stop quietly when the reader has gone.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit();
});

const args = process.argv.slice(2);
const check = args.includes('--check');
const [corpusPath = join(__dirname, '../../../training/data/corpus.csv'), rulesPath] = args.filter((a) => a !== '--check');
const rows: Row[] = parse(readFileSync(corpusPath), { columns: true, skip_empty_lines: true });
const ruleSet = loadRules(rulesPath);
const classifier = new RegexClassifier(ruleSet);

const started = process.hrtime.bigint();
const results = rows.map((r) => classifier.classifyOne({ source: r.source, logMessage: r.log_message }));
const micros = Number(process.hrtime.bigint() - started) / 1000;

const tallies = new Map<string, RuleTally>(ruleSet.rules.map((r) => [`rule ${r.id}`, { id: r.id, label: r.label, byTruth: new Map() }]));
const wrong: string[] = [];
results.forEach((result, i) => {
  if (!result.label) return;
  const row = rows[i];
  const tally = tallies.get(result.reason);
  if (tally) tally.byTruth.set(row.target_label, (tally.byTruth.get(row.target_label) ?? 0) + 1);
  if (result.label !== row.target_label) {
    const template = row.template_id ? ` [${row.template_id}]` : '';
    wrong.push(`  ${result.reason} said ${result.label}, truth ${row.target_label}${template}: ${row.log_message}`);
  }
});

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);
const decided = results.filter((r) => r.label).length;
const right = decided - wrong.length;
console.log(
  `${rows.length} rows, ${decided} decided (coverage ${percent(decided, rows.length)}), ${right} right, ${wrong.length} wrong (precision ${percent(right, decided)}); ${(micros / rows.length).toFixed(2)} µs/row`,
);

const width = Math.max(...[...tallies.values()].map((t) => t.id.length));
for (const tally of tallies.values()) {
  const total = [...tally.byTruth.values()].reduce((a, b) => a + b, 0);
  const correct = tally.byTruth.get(tally.label) ?? 0;
  const labels = [...tally.byTruth].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label} ${n}`);
  console.log(`  ${tally.id.padEnd(width)} ${String(total).padStart(6)} rows  precision ${percent(correct, total).padStart(6)}  -> ${tally.label}${labels.length ? `  (${labels.join(', ')})` : ''}`);
}

if (wrong.length > 0) console.log(`wrong decisions:\n${wrong.join('\n')}`);
process.exitCode = wrong.length > 0 ? 1 : 0;

if (check) {
  const everyPattern = new RegexClassifier(ruleSet, { prefilter: false });
  const checkStarted = process.hrtime.bigint();
  const reference = rows.map((r) => everyPattern.classifyOne({ source: r.source, logMessage: r.log_message }));
  const checkMicros = Number(process.hrtime.bigint() - checkStarted) / 1000;
  const differ = reference.flatMap((ref, i) => (ref.reason === results[i].reason ? [] : [`  ${results[i].reason} (prefiltered) vs ${ref.reason} (every pattern): ${rows[i].log_message}`]));
  console.log(
    `check: every pattern on every row ${(checkMicros / rows.length).toFixed(2)} µs/row vs prefiltered ${(micros / rows.length).toFixed(2)} µs/row; ${differ.length} rows decided differently`,
  );
  if (differ.length > 0) {
    console.log(differ.join('\n'));
    process.exitCode = 1;
  }
}
