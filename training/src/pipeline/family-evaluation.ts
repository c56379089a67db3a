import { embedSparse, type Embedder, type SparseVector } from '@logclass/embedding-tier';
import { assignFamilyFolds, familyOf } from '../dataset/family-split';
import type { LabelledRow } from '../dataset/labelled-csv';
import { groupKey, splitByTemplate } from '../dataset/split';
import { nearestTrainingSimilarity } from '../evaluation/similarity-bands';
import { chooseThreshold, type ThresholdChoice } from '../evaluation/threshold';
import { fitModel, type FitOptions } from '../model/fit';
import { predictTop } from '../model/scoring';

export interface FamilyEvaluationOptions extends FitOptions {
  embedder: Embedder;
  /** The model's classes, in order. */
  labels: readonly string[];
  targetPrecision: number;
  folds: number;
  /** One fold assignment per seed; every row is predicted once per seed. */
  seeds: readonly number[];
  /** Also hold out templates (the old method), for the secondary line. */
  templateHeldOut: boolean;
  /** Per row, the regex tier's label when a rule decided it (no training involved: rules are the same in every fold). */
  regexLabels?: readonly (string | undefined)[];
  log?: (line: string) => void;
}

/** One row's answer from a model that never saw its family (or, for the secondary split, its template). */
export interface HeldOutPrediction {
  /** Index into the evaluated rows. */
  row: number;
  seed: number;
  fold: number;
  label: string;
  confidence: number;
  /** Threshold chosen without this row's fold (see thresholdsAcrossFolds). */
  threshold: number;
  /** Highest cosine between the row's template centroid and any training template centroid. */
  similarity: number;
}

export interface FoldSummary {
  seed: number;
  fold: number;
  families: string[];
  trainRows: number;
  testRows: number;
  testLabels: string[];
  threshold: number;
  iterations: number;
  converged: boolean;
  seconds: number;
}

export interface FamilyEvaluation {
  rows: readonly LabelledRow[];
  predictions: HeldOutPrediction[];
  folds: FoldSummary[];
  /** Chosen on every family-held-out prediction at once: what a threshold chosen on held-out families comes to. */
  pooledThreshold: ThresholdChoice;
  templateHeldOut?: { predictions: HeldOutPrediction[]; threshold: ThresholdChoice; trainRows: number; seconds: number };
  regexLabels?: readonly (string | undefined)[];
  embedSeconds: number;
  fitSeconds: number;
}

function groupsOf(indices: readonly number[], rows: readonly LabelledRow[], vectors: readonly SparseVector[]): Map<string, SparseVector[]> {
  const groups = new Map<string, SparseVector[]>();
  for (const i of indices) {
    const key = groupKey(rows[i]);
    const list = groups.get(key);
    if (list) list.push(vectors[i]);
    else groups.set(key, [vectors[i]]);
  }
  return groups;
}

/**
 * Fits one model per fold on the other folds' families and predicts the
 * fold's rows: every row is answered by a model that never saw a line of its
 * program. Embeds every row once (the embedder is deterministic per line).
 */
export async function evaluateByFamily(rows: readonly LabelledRow[], opts: FamilyEvaluationOptions): Promise<FamilyEvaluation> {
  const log = opts.log ?? (() => undefined);
  const embedStarted = process.hrtime.bigint();
  const vectors = await embedSparse(opts.embedder, rows.map((r) => r.logMessage));
  const embedSeconds = Number(process.hrtime.bigint() - embedStarted) / 1e9;
  const gold = rows.map((r) => r.targetLabel);
  const predictions: HeldOutPrediction[] = [];
  const folds: FoldSummary[] = [];
  let fitSeconds = 0;

  const fitAndPredict = (trainIdx: number[], testIdx: number[], seed: number, fold: number): { out: HeldOutPrediction[]; fit: ReturnType<typeof fitModel> } => {
    const fit = fitModel(trainIdx.map((i) => vectors[i]), trainIdx.map((i) => gold[i]), opts.labels, opts.embedder.dimension, opts);
    fitSeconds += fit.seconds;
    const similarity = nearestTrainingSimilarity(groupsOf(testIdx, rows, vectors), groupsOf(trainIdx, rows, vectors), opts.embedder.dimension);
    const top = predictTop(fit.model, opts.labels, testIdx.map((i) => vectors[i]));
    const out = testIdx.map((row, k) => ({ row, seed, fold, label: top[k].label, confidence: top[k].confidence, threshold: Number.NaN, similarity: similarity.get(groupKey(rows[row])) ?? 0 }));
    return { out, fit };
  };

  for (const seed of opts.seeds) {
    const assignment = assignFamilyFolds(rows, opts.folds, seed);
    const foldOf = new Map<string, number>();
    assignment.forEach((families, f) => families.forEach((family) => foldOf.set(family, f)));
    const seedPredictions: HeldOutPrediction[] = [];
    const seedFolds: FoldSummary[] = [];
    for (let f = 0; f < assignment.length; f++) {
      const trainIdx: number[] = [];
      const testIdx: number[] = [];
      rows.forEach((r, i) => (foldOf.get(familyOf(r)) === f ? testIdx : trainIdx).push(i));
      const { out, fit } = fitAndPredict(trainIdx, testIdx, seed, f);
      seedPredictions.push(...out);
      const summary: FoldSummary = {
        seed, fold: f, families: assignment[f], trainRows: trainIdx.length, testRows: testIdx.length,
        testLabels: opts.labels.filter((l) => testIdx.some((i) => gold[i] === l)),
        threshold: Number.NaN, iterations: fit.iterations, converged: fit.converged, seconds: fit.seconds,
      };
      seedFolds.push(summary);
      log(`seed ${seed} fold ${f + 1}/${assignment.length}: ${assignment[f].length} families, ${testIdx.length} test rows, fit on ${trainIdx.length} in ${fit.seconds.toFixed(1)} s`);
    }
    thresholdsAcrossFolds(seedPredictions, seedFolds, gold, opts.targetPrecision);
    predictions.push(...seedPredictions);
    folds.push(...seedFolds);
  }
  const pooledThreshold = chooseThreshold(
    predictions.map((p) => ({ confidence: p.confidence, correct: p.label === gold[p.row] })),
    opts.targetPrecision,
    `every family held out (${opts.folds} folds of whole families, seeds ${opts.seeds.join(',')}: each row answered by a model that never saw its program)`,
  );

  let templateHeldOut: FamilyEvaluation['templateHeldOut'];
  if (opts.templateHeldOut) {
    const index = new Map(rows.map((r, i) => [r, i]));
    const split = splitByTemplate(rows, opts.seeds[0]);
    const trainIdx = split.train.map((r) => index.get(r) as number);
    const validationIdx = split.validation.map((r) => index.get(r) as number);
    const testIdx = split.test.map((r) => index.get(r) as number);
    const { out, fit } = fitAndPredict(trainIdx, [...validationIdx, ...testIdx], opts.seeds[0], 0);
    const validation = out.slice(0, validationIdx.length);
    const threshold = chooseThreshold(validation.map((p) => ({ confidence: p.confidence, correct: p.label === gold[p.row] })), opts.targetPrecision);
    const test = out.slice(validationIdx.length).map((p) => ({ ...p, threshold: threshold.threshold }));
    templateHeldOut = { predictions: test, threshold, trainRows: trainIdx.length, seconds: fit.seconds };
    log(`templates held out (secondary): fit on ${trainIdx.length} rows in ${fit.seconds.toFixed(1)} s`);
  }
  return { rows, predictions, folds, pooledThreshold, templateHeldOut, embedSeconds, fitSeconds, regexLabels: opts.regexLabels };
}

/**
 * Each fold's rows get the threshold chosen on the other folds' held-out
 * predictions, so no row's own answer picked the threshold it is judged at
 * (without refitting anything: those predictions already exist).
 */
function thresholdsAcrossFolds(predictions: HeldOutPrediction[], folds: FoldSummary[], gold: readonly string[], targetPrecision: number): void {
  for (const fold of folds) {
    const others = predictions.filter((p) => p.fold !== fold.fold).map((p) => ({ confidence: p.confidence, correct: p.label === gold[p.row] }));
    fold.threshold = chooseThreshold(others, targetPrecision).threshold;
    for (const p of predictions) if (p.fold === fold.fold) p.threshold = fold.threshold;
  }
}
