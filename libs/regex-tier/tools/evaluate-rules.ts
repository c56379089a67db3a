// Precision, coverage and speed of a rules file on a labelled CSV (source,log_message,target_label):
//   npx tsx libs/regex-tier/tools/evaluate-rules.ts [corpus.csv] [rules.yaml]
// Defaults: training/data/corpus.csv and the shipped rules. Prints one line per rule
// (decisions by true label) and every wrong decision, so a rule edit can be judged
// before it ships. Exits 1 when any decision is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadRules, RegexClassifier } from '../src';

interface Row {
  source: string;
  log_message: string;
  target_label: string;
}

const [corpusPath = join(__dirname, '../../../training/data/corpus.csv'), rulesPath] = process.argv.slice(2);
const rows: Row[] = parse(readFileSync(corpusPath), { columns: true, skip_empty_lines: true });
const classifier = new RegexClassifier(loadRules(rulesPath));

const started = process.hrtime.bigint();
const results = rows.map((r) => classifier.classifyOne({ source: r.source, logMessage: r.log_message }));
const micros = Number(process.hrtime.bigint() - started) / 1000;

const byRule = new Map<string, Map<string, number>>();
const wrong: string[] = [];
results.forEach((result, i) => {
  if (!result.label) return;
  const truth = rows[i].target_label;
  const counts = byRule.get(result.reason) ?? new Map<string, number>();
  counts.set(truth, (counts.get(truth) ?? 0) + 1);
  byRule.set(result.reason, counts);
  if (result.label !== truth) wrong.push(`  ${result.reason} said ${result.label}, truth ${truth}: ${rows[i].log_message}`);
});

const decided = results.filter((r) => r.label).length;
console.log(`${rows.length} rows, ${decided} decided (${((100 * decided) / rows.length).toFixed(1)}%), ${wrong.length} wrong; ${(micros / rows.length).toFixed(2)} µs/row`);
for (const [rule, counts] of byRule) console.log(`  ${rule}: ${[...counts].map(([label, n]) => `${label} ${n}`).join(', ')}`);
if (wrong.length > 0) console.log(`wrong decisions:\n${wrong.join('\n')}`);
process.exitCode = wrong.length > 0 ? 1 : 0;
