import { embedSparse, type Embedder, type LogisticRegressionModel, type SparseVector } from '@logclass/embedding-tier';
import { assignFamilyFolds, familyCount, holdOutFamilies } from '../dataset/family-split';
import type { LabelledRow } from '../dataset/labelled-csv';
import { groupKey, splitByTemplate, type SplitFractions } from '../dataset/split';
import { securityBenignRate, type SecurityBenignRate } from '../evaluation/security-benign';
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
  /** Multiplier per label on its rows' weight (see model/class-costs.ts). */
  classCosts?: ReadonlyMap<string, number>;
  /** Use this threshold instead of choosing one on validation (e.g. the one `npm run evaluate:families` chose on every family). */
  threshold?: ThresholdChoice;
  /** Rows added to training only, after the split (operators' corrections): never held out. */
  extraTrainRows?: readonly LabelledRow[];
  log?: (line: string) => void;
}

export interface PartSummary {
  rows: number;
  templates: number;
  /** Families of the part (family-held-out validation only). */
  families?: string[];
}

/**
 * How rows were held out. `family`: a quarter of the program families are
 * validation, the threshold is chosen on them, and the shipped model is
 * refitted on every row (no test part: `npm run evaluate:families` measures
 * it fold by fold). `template`: the data has fewer than 3 families (a user's
 * CSV), so whole templates are held out as before, with a test part.
 */
export type HeldOutBy = 'family' | 'template';

/** Below this many families the training holds out templates instead. */
export const MIN_FAMILIES_TO_HOLD_OUT = 3;
/** Family-held-out validation takes one of this many folds of families. */
export const VALIDATION_FAMILY_FOLDS = 4;

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
  heldOutBy: HeldOutBy;
  /**
   * Rows no fit behind these numbers trained on: test templates of the final
   * model (template), or the validation families of the train-part model
   * (family; the threshold was chosen on these rows). Undefined when nothing
   * could be held out.
   */
  test?: {
    atThreshold: ClassificationMetrics;
    noThreshold: ClassificationMetrics;
    curve: CurvePoint[];
    securityBenign: { noThreshold: SecurityBenignRate; atThreshold: SecurityBenignRate };
  };
}

const DEFAULT_THRESHOLD = 0.5;

function summary(rows: readonly LabelledRow[]): PartSummary {
  return { rows: rows.length, templates: new Set(rows.map(groupKey)).size };
}

function heldOutNumbers(model: LogisticRegressionModel, labels: readonly string[], X: SparseVector[], gold: string[], threshold: number): NonNullable<TrainPipelineResult['test']> {
  const predictions = predictTop(model, labels, X);
  const always = predictions.map((p) => p.label);
  const atThreshold = applyThreshold(predictions, threshold);
  return {
    atThreshold: computeMetrics({ gold, predicted: atThreshold, labels }),
    noThreshold: computeMetrics({ gold, predicted: always, labels }),
    curve: coverageCurve(scoredAgainst(predictions, gold), threshold),
    securityBenign: { noThreshold: securityBenignRate(gold, always), atThreshold: securityBenignRate(gold, atThreshold) },
  };
}

const targets = (list: readonly LabelledRow[]): string[] => list.map((r) => r.targetLabel);

/**
 * Chooses how to hold out (families when the data has 3+, else templates)
 * and trains the model to ship. See HeldOutBy.
 *
 * Why refit on everything (families) or train + validation (templates): what
 * makes the model generalise is the number of distinct programs and
 * phrasings it has seen. The threshold chosen with the smaller model is kept:
 * a model fitted on more is, if anything, better calibrated on unseen lines.
 */
export async function trainAndEvaluate(rows: readonly LabelledRow[], opts: TrainPipelineOptions): Promise<TrainPipelineResult> {
  return familyCount(rows) >= MIN_FAMILIES_TO_HOLD_OUT ? trainHoldingOutFamilies(rows, opts) : trainHoldingOutTemplates(rows, opts);
}

function embedder(opts: TrainPipelineOptions): (list: readonly LabelledRow[]) => Promise<SparseVector[]> {
  return (list) => embedSparse(opts.embedder, list.map((r) => r.logMessage));
}

function fitter(opts: TrainPipelineOptions): (X: SparseVector[], y: string[]) => FittedModel {
  return (X, y) => fitModel(X, y, opts.labels, opts.embedder.dimension, opts);
}

async function trainHoldingOutFamilies(rows: readonly LabelledRow[], opts: TrainPipelineOptions): Promise<TrainPipelineResult> {
  const log = opts.log ?? (() => undefined);
  const validationFamilies = assignFamilyFolds(rows, VALIDATION_FAMILY_FOLDS, opts.seed)[0];
  const split = holdOutFamilies(rows, validationFamilies);
  const extra = opts.extraTrainRows ?? [];
  const train = [...split.train, ...extra];
  const parts = { train: summary(train), validation: { ...summary(split.heldOut), families: validationFamilies }, test: { rows: 0, templates: 0 } };
  log(`split by family: train ${parts.train.rows} rows/${parts.train.templates} templates, validation ${parts.validation.rows}/${parts.validation.templates} (${validationFamilies.join(', ')})`);

  const embedStarted = process.hrtime.bigint();
  const [trainX, validationX] = [await embedder(opts)(train), await embedder(opts)(split.heldOut)];
  const embedSeconds = Number(process.hrtime.bigint() - embedStarted) / 1e9;
  const fit = fitter(opts);
  const selectionFit = fit(trainX, targets(train));
  log(`fit without the validation families: ${selectionFit.iterations} iterations in ${selectionFit.seconds.toFixed(1)} s`);
  const predictions = predictTop(selectionFit.model, opts.labels, validationX);
  const threshold = opts.threshold ?? chooseThreshold(scoredAgainst(predictions, targets(split.heldOut)), opts.targetPrecision, `validation families (${validationFamilies.length} programs held out whole, never trained on)`);
  log(`threshold ${threshold.threshold.toFixed(4)} (validation families: precision ${threshold.precision.toFixed(3)}, coverage ${threshold.coverage.toFixed(3)})`);
  const test = heldOutNumbers(selectionFit.model, opts.labels, validationX, targets(split.heldOut), threshold.threshold);

  // Started from the model without the validation families: the same optimum (the problem is convex), fewer iterations.
  const finalFit = fitModel([...trainX, ...validationX], [...targets(train), ...targets(split.heldOut)], opts.labels, opts.embedder.dimension, { ...opts, warmStart: selectionFit.model });
  log(`refit on every family: ${finalFit.iterations} iterations in ${finalFit.seconds.toFixed(1)} s`);
  return { model: finalFit.model, threshold, parts, selectionFit, finalFit, embedSeconds, testRows: split.heldOut, heldOutBy: 'family', test };
}

/**
 * Split by template -> fit on train -> choose the threshold on validation ->
 * refit on train + validation -> evaluate on test.
 */
async function trainHoldingOutTemplates(rows: readonly LabelledRow[], opts: TrainPipelineOptions): Promise<TrainPipelineResult> {
  const log = opts.log ?? (() => undefined);
  const split = splitByTemplate(rows, opts.seed, opts.fractions);
  if (opts.extraTrainRows?.length) split.train.push(...opts.extraTrainRows);
  const parts = { train: summary(split.train), validation: summary(split.validation), test: summary(split.test) };
  log(`split by template: train ${parts.train.rows} rows/${parts.train.templates} templates, validation ${parts.validation.rows}/${parts.validation.templates}, test ${parts.test.rows}/${parts.test.templates}`);

  const embedStarted = process.hrtime.bigint();
  const embed = embedder(opts);
  const [trainX, validationX, testX] = [await embed(split.train), await embed(split.validation), await embed(split.test)];
  const embedSeconds = Number(process.hrtime.bigint() - embedStarted) / 1e9;
  log(`embedded ${rows.length} rows in ${embedSeconds.toFixed(1)} s`);

  const fit = fitter(opts);
  const selectionFit = fit(trainX, targets(split.train));
  log(`fit on train: ${selectionFit.iterations} iterations (${selectionFit.converged ? 'converged' : 'not converged'}) in ${selectionFit.seconds.toFixed(1)} s`);

  let threshold: ThresholdChoice;
  if (opts.threshold) {
    threshold = opts.threshold;
  } else if (validationX.length > 0) {
    const predictions = predictTop(selectionFit.model, opts.labels, validationX);
    threshold = chooseThreshold(scoredAgainst(predictions, targets(split.validation)), opts.targetPrecision);
  } else {
    threshold = { threshold: DEFAULT_THRESHOLD, precision: Number.NaN, coverage: Number.NaN, targetMet: false, method: `default ${DEFAULT_THRESHOLD}: too few templates per label to hold any out for validation` };
  }
  log(`threshold ${threshold.threshold.toFixed(4)} (validation precision ${threshold.precision.toFixed(3)}, coverage ${threshold.coverage.toFixed(3)})`);

  const finalFit = validationX.length > 0 ? fit([...trainX, ...validationX], [...targets(split.train), ...targets(split.validation)]) : selectionFit;
  if (finalFit !== selectionFit) log(`refit on train + validation: ${finalFit.iterations} iterations in ${finalFit.seconds.toFixed(1)} s`);

  const test = testX.length > 0 ? heldOutNumbers(finalFit.model, opts.labels, testX, targets(split.test), threshold.threshold) : undefined;
  return { model: finalFit.model, threshold, parts, selectionFit, finalFit, embedSeconds, testRows: split.test, heldOutBy: 'template', test };
}
