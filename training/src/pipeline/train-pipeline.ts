import { embedSparse, type Embedder, type LogisticRegressionModel, type SparseVector } from '@logclass/embedding-tier';
import type { LabelledRow } from '../dataset/labelled-csv';
import { groupKey, splitByTemplate, type SplitFractions } from '../dataset/split';
import { coverageCurve, type CurvePoint } from '../evaluation/coverage-curve';
import { computeMetrics, type ClassificationMetrics } from '../evaluation/metrics';
import { chooseThreshold, type ThresholdChoice } from '../evaluation/threshold';
import { fitModel, type FittedModel } from '../model/fit';
import { applyThreshold, predictTop, scoredAgainst } from '../model/scoring';

export interface TrainPipelineOptions {
  embedder: Embedder;
  /** The model's classes, in order (the taxonomy's labels that have training rows). */
  labels: readonly string[];
  l2: number;
  seed: number;
  maxIterations: number;
  /** Precision the accepted set must reach on validation (see threshold.ts). */
  targetPrecision: number;
  fractions?: SplitFractions;
  /** Rows added to training only, after the split (operators' corrections): never held out. */
  extraTrainRows?: readonly LabelledRow[];
  log?: (line: string) => void;
}

export interface PartSummary {
  rows: number;
  templates: number;
}

export interface TrainPipelineResult {
  /** Fitted on train + validation: the model to ship. */
  model: LogisticRegressionModel;
  threshold: ThresholdChoice;
  parts: { train: PartSummary; validation: PartSummary; test: PartSummary };
  selectionFit: FittedModel;
  finalFit: FittedModel;
  embedSeconds: number;
  /** The held-out test rows (to compare another model on the same data). */
  testRows: LabelledRow[];
  /** Undefined when no template could be held out for testing. */
  test?: {
    atThreshold: ClassificationMetrics;
    noThreshold: ClassificationMetrics;
    curve: CurvePoint[];
  };
}

const DEFAULT_THRESHOLD = 0.5;

function summary(rows: readonly LabelledRow[]): PartSummary {
  return { rows: rows.length, templates: new Set(rows.map(groupKey)).size };
}

/**
 * Split by template -> fit on train -> choose the threshold on validation ->
 * refit on train + validation -> evaluate on test.
 *
 * Why refit: what makes the model generalise is the number of distinct
 * phrasings it has seen, and validation holds 15% of them. The threshold
 * chosen with the train-only model is kept: on unseen templates a model fitted
 * on more phrasings is, if anything, better calibrated, and the test numbers
 * (templates neither fit ever saw) check the pair honestly.
 */
export async function trainAndEvaluate(rows: readonly LabelledRow[], opts: TrainPipelineOptions): Promise<TrainPipelineResult> {
  const log = opts.log ?? (() => undefined);
  const split = splitByTemplate(rows, opts.seed, opts.fractions);
  if (opts.extraTrainRows?.length) split.train.push(...opts.extraTrainRows);
  const parts = { train: summary(split.train), validation: summary(split.validation), test: summary(split.test) };
  log(`split by template: train ${parts.train.rows} rows/${parts.train.templates} templates, validation ${parts.validation.rows}/${parts.validation.templates}, test ${parts.test.rows}/${parts.test.templates}`);

  const embedStarted = process.hrtime.bigint();
  const embed = (list: readonly LabelledRow[]): Promise<SparseVector[]> => embedSparse(opts.embedder, list.map((r) => r.logMessage));
  const [trainX, validationX, testX] = [await embed(split.train), await embed(split.validation), await embed(split.test)];
  const embedSeconds = Number(process.hrtime.bigint() - embedStarted) / 1e9;
  log(`embedded ${rows.length} rows in ${embedSeconds.toFixed(1)} s`);

  const targets = (list: readonly LabelledRow[]): string[] => list.map((r) => r.targetLabel);
  const fit = (X: SparseVector[], y: string[]): FittedModel => fitModel(X, y, opts.labels, opts.embedder.dimension, opts);

  const selectionFit = fit(trainX, targets(split.train));
  log(`fit on train: ${selectionFit.iterations} iterations (${selectionFit.converged ? 'converged' : 'not converged'}) in ${selectionFit.seconds.toFixed(1)} s`);

  let threshold: ThresholdChoice;
  if (validationX.length > 0) {
    const predictions = predictTop(selectionFit.model, opts.labels, validationX);
    threshold = chooseThreshold(scoredAgainst(predictions, targets(split.validation)), opts.targetPrecision);
  } else {
    threshold = { threshold: DEFAULT_THRESHOLD, precision: Number.NaN, coverage: Number.NaN, targetMet: false, method: `default ${DEFAULT_THRESHOLD}: too few templates per label to hold any out for validation` };
  }
  log(`threshold ${threshold.threshold.toFixed(4)} (validation precision ${threshold.precision.toFixed(3)}, coverage ${threshold.coverage.toFixed(3)})`);

  const finalFit = validationX.length > 0 ? fit([...trainX, ...validationX], [...targets(split.train), ...targets(split.validation)]) : selectionFit;
  if (finalFit !== selectionFit) log(`refit on train + validation: ${finalFit.iterations} iterations in ${finalFit.seconds.toFixed(1)} s`);

  let test: TrainPipelineResult['test'];
  if (testX.length > 0) {
    const predictions = predictTop(finalFit.model, opts.labels, testX);
    const gold = targets(split.test);
    test = {
      atThreshold: computeMetrics({ gold, predicted: applyThreshold(predictions, threshold.threshold), labels: opts.labels }),
      noThreshold: computeMetrics({ gold, predicted: predictions.map((p) => p.label), labels: opts.labels }),
      curve: coverageCurve(scoredAgainst(predictions, gold), threshold.threshold),
    };
  }
  return { model: finalFit.model, threshold, parts, selectionFit, finalFit, embedSeconds, testRows: split.test, test };
}
