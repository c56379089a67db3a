import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_ROUTING } from '@logclass/cascade';
import { currentVersion } from '@logclass/embedding-tier';
import { loadTaxonomy } from '@logclass/taxonomy';
import { readLabelledCsv } from '../dataset/labelled-csv';
import { pct } from '../evaluation/classification-report';
import { renderEvaluationSvg } from '../evaluation/svg-report';
import { evaluateRows, type InputMode } from '../pipeline/evaluate-pipeline';
import { evaluationJson, renderEvaluationReport, type EvaluationResult } from '../pipeline/evaluation-report';
import { loadModel } from '../pipeline/load-model';

export interface EvaluateCommandOptions {
  data: string;
  model: string;
  modelsPath: string;
  routing: string;
  rules?: string;
  cascade: boolean;
  input: string;
  taxonomy?: string;
  json?: string;
  report?: string;
}

export const EVALUATION_SVG = 'evaluation.svg';

/** The evaluate options, shared by `npm run evaluate` and `logclass evaluate`. */
export function addEvaluateOptions(command: Command): Command {
  return command
    .requiredOption('--data <csv>', 'labelled logs to evaluate on (source,log_message,target_label)')
    .option('--model <dir>', 'model folder (a folder with versions evaluates its current version)', 'models/hashing-lr')
    .option('--models-path <dir>', 'where transformers models live', 'models')
    .option('--routing <json>', 'cascade routing by source, as the gateway is configured', DEFAULT_ROUTING)
    .option('--rules <yaml>', 'regex rules file (default: the shipped rules)')
    .option('--no-cascade', 'evaluate the embedding tier only')
    .option('--input <mode>', 'raw: classify messages as they are; template: classify maskTemplate(message), as a template cache would', 'raw')
    .option('--taxonomy <json>', 'label file of your deployment (default: the nine built-in labels)')
    .option('--json <file>', 'also write the numbers as JSON')
    .option('--report <file>', `also write the text report to a file, and the picture (${EVALUATION_SVG}) next to it`);
}

/** Evaluates, writes the requested files, and returns the text report. */
export async function runEvaluate(o: EvaluateCommandOptions): Promise<{ report: string; result: EvaluationResult; svgPath?: string }> {
  if (o.input !== 'raw' && o.input !== 'template') throw new Error(`--input must be "raw" or "template", got "${o.input}"`);
  const version = currentVersion(o.model);
  const model = await loadModel(version.dir, o.modelsPath);
  let result: EvaluationResult;
  try {
    result = await evaluateRows(readLabelledCsv(o.data), model, {
      dataPath: o.data,
      modelDir: version.dir,
      taxonomy: loadTaxonomy(o.taxonomy),
      routing: o.cascade ? o.routing : undefined,
      rulesPath: o.rules,
      input: o.input as InputMode,
    });
  } finally {
    await model.embedder.close?.();
  }
  const report = renderEvaluationReport(result);
  let svgPath: string | undefined;
  if (o.report) {
    mkdirSync(dirname(o.report), { recursive: true });
    writeFileSync(o.report, report);
    svgPath = join(dirname(o.report), EVALUATION_SVG);
    writeFileSync(svgPath, evaluationSvg(result));
  }
  if (o.json) writeFileSync(o.json, `${JSON.stringify(evaluationJson(result), null, 2)}\n`);
  return { report, result, svgPath };
}

/** The cascade's picture when it ran (what the deployment does), else the embedding tier's at its threshold. */
export function evaluationSvg(r: EvaluationResult): string {
  const shown = r.cascade ? r.cascade.metrics : r.embeddingAtThreshold;
  const what = r.cascade ? 'cascade (regex -> embedding -> llm not run)' : `embedding tier at threshold ${r.threshold.toFixed(3)}`;
  return renderEvaluationSvg({
    title: `logclass evaluation of ${r.dataPath}`,
    subtitle: [
      `model ${r.modelDir} (${r.modelSummary})`,
      `${what}: accuracy ${pct(shown.accuracy)}, macro-F1 ${shown.macroF1.toFixed(3)}, decided ${pct(shown.coverage)} of ${shown.total} rows`,
    ],
    matrixCaption: what,
    barsCaption: what,
    confusion: shown.confusion,
    perLabel: shown.perLabel,
  });
}
