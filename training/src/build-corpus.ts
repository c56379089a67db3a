// `npm run corpus`: regenerate training/data/corpus.csv from the templates.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_CORPUS_OPTIONS, generateCorpus } from './corpus/generate';
import { writeLabelledCsv } from './dataset/labelled-csv';

const program = new Command()
  .name('corpus')
  .description('Generate the synthetic labelled log corpus (deterministic for a seed).')
  .option('--out <csv>', 'where to write', 'training/data/corpus.csv')
  .option('--seed <n>', 'PRNG seed', String(DEFAULT_CORPUS_OPTIONS.seed))
  .option('--rows-per-template <n>', 'distinct rows per template', String(DEFAULT_CORPUS_OPTIONS.rowsPerTemplate))
  .parse();

const opts = program.opts<{ out: string; seed: string; rowsPerTemplate: string }>();
const rows = generateCorpus({ seed: Number(opts.seed), rowsPerTemplate: Number(opts.rowsPerTemplate) });
const csv = writeLabelledCsv(rows);
writeFileSync(resolve(opts.out), csv);

const perLabel = new Map<string, { rows: number; templates: Set<string> }>();
for (const row of rows) {
  const entry = perLabel.get(row.targetLabel) ?? { rows: 0, templates: new Set<string>() };
  entry.rows++;
  entry.templates.add(row.templateId);
  perLabel.set(row.targetLabel, entry);
}
console.log(`wrote ${rows.length} rows to ${opts.out} (${(csv.length / 1e6).toFixed(1)} MB, sha256 ${createHash('sha256').update(csv).digest('hex').slice(0, 16)}...)`);
for (const [label, { rows: n, templates }] of perLabel) {
  console.log(`  ${label.padEnd(20)} ${String(templates.size).padStart(4)} templates ${String(n).padStart(6)} rows`);
}
