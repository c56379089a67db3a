// `npm run evaluate:masking -- --data <labelled.csv> [--model models/hashing-lr]`:
// accuracy with and without template masking. A template cache classifies
// maskTemplate(message) once per template instead of each raw message; this
// measures what that costs (or gains) in accuracy on a labelled CSV.
import { Command } from 'commander';
import { DEFAULT_ROUTING } from '@logclass/cascade';
import { defaultTaxonomy, loadTaxonomy } from '@logclass/taxonomy';
import { readLabelledCsv } from './dataset/labelled-csv';
import { pct } from './evaluation/classification-report';
import type { ClassificationMetrics } from './evaluation/metrics';
import { evaluateRows, type InputMode } from './pipeline/evaluate-pipeline';
import type { EvaluationResult } from './pipeline/evaluation-report';
import { loadModel } from './pipeline/load-model';

const program = new Command()
  .name('evaluate-masking')
  .description('Compare accuracy on raw messages with accuracy on their masked templates (what a template cache classifies).')
  .requiredOption('--data <csv>', 'labelled logs (source,log_message,target_label)')
  .option('--model <dir>', 'model directory', 'models/hashing-lr')
  .option('--routing <json>', 'cascade routing by source', DEFAULT_ROUTING)
  .option('--taxonomy <json>', 'label file of your deployment')
  .parse();

function row(name: string, raw: ClassificationMetrics, masked: ClassificationMetrics): string {
  const cell = (m: ClassificationMetrics): string => `${pct(m.accuracy).padStart(7)} ${m.macroF1.toFixed(3).padStart(6)} ${pct(m.coverage).padStart(7)}`;
  return `${name.padEnd(28)}  ${cell(raw)}   ${cell(masked)}   ${((masked.accuracy - raw.accuracy) * 100).toFixed(1).padStart(6)} pts`;
}

async function main(): Promise<void> {
  const o = program.opts<{ data: string; model: string; routing: string; taxonomy?: string }>();
  const model = await loadModel(o.model);
  const rows = readLabelledCsv(o.data);
  const taxonomy = o.taxonomy ? loadTaxonomy(o.taxonomy) : defaultTaxonomy;
  const run = (input: InputMode): Promise<EvaluationResult> => evaluateRows(rows, model, { dataPath: o.data, modelDir: o.model, taxonomy, routing: o.routing, input });
  const raw = await run('raw');
  const masked = await run('template');
  await model.embedder.close?.();

  console.log(`masking effect on ${o.data} (${raw.embeddingNoThreshold.total} rows) with ${o.model}\n`);
  console.log(`${''.padEnd(28)}  ${'raw message'.padEnd(22)}   ${'maskTemplate(message)'.padEnd(22)}   change`);
  console.log(`${''.padEnd(28)}  accuracy macro-F1 decided   accuracy macro-F1 decided`);
  console.log(row('embedding, always answers', raw.embeddingNoThreshold, masked.embeddingNoThreshold));
  console.log(row('embedding, at threshold', raw.embeddingAtThreshold, masked.embeddingAtThreshold));
  if (raw.cascade && masked.cascade) console.log(row('cascade (llm not run)', raw.cascade.metrics, masked.cascade.metrics));
}

main().catch((err: unknown) => {
  console.error(`evaluate-masking: ${(err as Error).message}`);
  process.exit(1);
});
