// `npm run evaluate -- --data <labelled.csv> [--model models/hashing-lr]`:
// how well the embedding tier, and the deployed cascade run in this process,
// classify a labelled CSV (source,log_message,target_label).
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { loadTaxonomy } from '@logclass/taxonomy';
import { readLabelledCsv } from './dataset/labelled-csv';
import { DEFAULT_ROUTING } from './pipeline/cascade-run';
import { evaluateRows, type InputMode } from './pipeline/evaluate-pipeline';
import { evaluationJson, renderEvaluationReport } from './pipeline/evaluation-report';
import { loadModel } from './pipeline/load-model';

const program = new Command()
  .name('evaluate')
  .description('Evaluate the embedding tier and the regex -> embedding -> llm cascade on a labelled CSV (source,log_message,target_label).')
  .requiredOption('--data <csv>', 'labelled logs to evaluate on')
  .option('--model <dir>', 'model directory', 'models/hashing-lr')
  .option('--models-path <dir>', 'where transformers models live', 'models')
  .option('--routing <json>', 'cascade routing by source, as the gateway is configured', DEFAULT_ROUTING)
  .option('--rules <yaml>', 'regex rules file (default: the shipped rules)')
  .option('--no-cascade', 'evaluate the embedding tier only')
  .option('--input <mode>', 'raw: classify messages as they are; template: classify maskTemplate(message), as a template cache would', 'raw')
  .option('--taxonomy <json>', 'label file of your deployment (default: the nine built-in labels)')
  .option('--json <file>', 'also write the numbers as JSON')
  .option('--report <file>', 'also write the text report to a file')
  .parse();

async function main(): Promise<void> {
  const o = program.opts<{ data: string; model: string; modelsPath: string; routing: string; rules?: string; cascade: boolean; input: string; taxonomy?: string; json?: string; report?: string }>();
  if (o.input !== 'raw' && o.input !== 'template') throw new Error(`--input must be "raw" or "template", got "${o.input}"`);
  const model = await loadModel(o.model, o.modelsPath);
  const result = await evaluateRows(readLabelledCsv(o.data), model, {
    dataPath: o.data,
    modelDir: o.model,
    taxonomy: loadTaxonomy(o.taxonomy),
    routing: o.cascade ? o.routing : undefined,
    rulesPath: o.rules,
    input: o.input as InputMode,
  });
  await model.embedder.close?.();
  const report = renderEvaluationReport(result);
  console.log(report);
  if (o.report) writeFileSync(o.report, report);
  if (o.json) writeFileSync(o.json, `${JSON.stringify(evaluationJson(result), null, 2)}\n`);
}

main().catch((err: unknown) => {
  console.error(`evaluate: ${(err as Error).message}`);
  process.exit(1);
});
