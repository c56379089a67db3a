import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { isDecided } from '@logclass/classifier';
import { buildRegexClassifier, regexTierConfig } from '@logclass/regex-tier';
import { loadTaxonomy } from '@logclass/taxonomy';
import { embedderFromOption, parseHashingDimension } from '../cli/embedder-option';
import { numberOption } from '../cli/parse-number';
import { describeClassCosts, DEFAULT_CLASS_COSTS, parseClassCosts } from '../model/class-costs';
import { evaluateByFamily } from '../pipeline/family-evaluation';
import { familyReport, familyReportJson, renderFamilyReport, type FamilyReport } from '../pipeline/family-report';
import { DEFAULT_L2, readTrainingData } from './train-command';

export interface EvaluateFamiliesOptions {
  data: string;
  out: string;
  embedder: string;
  hashingDimension?: string;
  modelsPath: string;
  folds: string;
  seeds: string;
  l2: string;
  classCosts: string;
  targetPrecision: string;
  maxIterations: string;
  templateHeldOut: boolean;
  /** False (--no-regex): leave the regex tier out of the cascade lines. */
  regex: boolean;
  rules?: string;
  taxonomy?: string;
}

export const FAMILY_REPORT_TXT = 'evaluation-families.txt';
export const FAMILY_REPORT_JSON = 'evaluation-families.json';

export function addEvaluateFamiliesOptions(command: Command): Command {
  return command
    .option('--data <csv>', 'labelled logs with a family column (source,log_message,target_label,template_id,family)', 'training/data/corpus.csv')
    .option('--out <dir>', `where ${FAMILY_REPORT_TXT} and ${FAMILY_REPORT_JSON} go`, 'models/hashing-lr')
    .option('--embedder <kind>', 'hashing or transformers', 'hashing')
    .option('--hashing-dimension <n>', 'feature-hashing dimension of the hashing embedder (power of two; default 16384)')
    .option('--models-path <dir>', 'where transformers models live', 'models')
    .option('--folds <n>', 'folds of whole families', '5')
    .option('--seeds <list>', 'comma-separated seeds, one fold assignment each', '1')
    .option('--l2 <x>', 'L2 penalty of the logistic regression', String(DEFAULT_L2))
    .option('--class-costs <pairs>', 'Label=cost,... multiplying those labels\' row weights, or none', DEFAULT_CLASS_COSTS)
    .option('--target-precision <p>', 'precision the accepted set must reach when choosing thresholds', '0.95')
    .option('--max-iterations <n>', 'L-BFGS iteration cap per fit', '300')
    .option('--no-template-held-out', 'skip the secondary template-held-out fit')
    .option('--rules <yaml>', 'regex rules file for the cascade lines (default: the shipped rules)')
    .option('--no-regex', 'leave out the cascade lines (regex tier, then the embedding tier)')
    .option('--taxonomy <json>', 'label file of your deployment (default: the nine built-in labels)');
}

/** Trains one model per fold of families, writes the report files, returns the text report. */
export async function runEvaluateFamilies(o: EvaluateFamiliesOptions, log: (line: string) => void, command: string): Promise<{ text: string; report: FamilyReport }> {
  const started = process.hrtime.bigint();
  const folds = numberOption('--folds', o.folds, { integer: true, min: 2, max: 100 });
  const seeds = o.seeds.split(',').map((s) => numberOption('--seeds', s.trim(), { integer: true, min: 0 }));
  const l2 = numberOption('--l2', o.l2, { min: 0 });
  const targetPrecision = numberOption('--target-precision', o.targetPrecision, { min: 0, max: 1 });
  const maxIterations = numberOption('--max-iterations', o.maxIterations, { integer: true, min: 1 });
  const taxonomy = loadTaxonomy(o.taxonomy);
  const data = readTrainingData(o.data, undefined, 1, taxonomy, log);
  const classCosts = parseClassCosts(o.classCosts, data.labels);
  let regexLabels: (string | undefined)[] | undefined;
  if (o.regex !== false) {
    // The rules do not learn: one pass over every row serves every fold.
    const regex = buildRegexClassifier({ ...regexTierConfig.load({}), rulesFile: o.rules }, { taxonomy });
    const answers = await regex.classify(data.corpus.map((r) => ({ source: r.source, logMessage: r.logMessage })));
    regexLabels = answers.map((a) => (isDecided(a) ? a.label : undefined));
  }
  const embedder = await embedderFromOption(o.embedder, o.modelsPath, undefined, parseHashingDimension(o.hashingDimension));
  try {
    const evaluation = await evaluateByFamily(data.corpus, {
      embedder, labels: data.labels, l2, seed: seeds[0], maxIterations, classCosts, targetPrecision, folds, seeds, templateHeldOut: o.templateHeldOut, regexLabels, log,
    });
    const report = familyReport(evaluation, data.labels);
    const run = {
      command, dataPath: data.describe, fingerprint: data.fingerprint, embedderId: embedder.id, folds, seeds, l2,
      classCosts: describeClassCosts(classCosts), targetPrecision, totalSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
    const text = renderFamilyReport(run, evaluation, report);
    mkdirSync(o.out, { recursive: true });
    writeFileSync(join(o.out, FAMILY_REPORT_TXT), text);
    writeFileSync(join(o.out, FAMILY_REPORT_JSON), `${JSON.stringify(familyReportJson(run, evaluation, report), null, 2)}\n`);
    return { text, report };
  } finally {
    await embedder.close?.();
  }
}
