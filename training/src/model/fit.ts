import { LogisticRegressionModel, trainLogisticRegressionSparse, type SparseVector } from '@logclass/embedding-tier';

export interface FitOptions {
  l2: number;
  seed: number;
  maxIterations: number;
  /** Multiplier per label on its rows' weight, after balancing (see classCosts in training-options). */
  classCosts?: ReadonlyMap<string, number>;
  /** A model of the same labels to start from (see LogisticRegressionOptions.initial). */
  warmStart?: LogisticRegressionModel;
}

export interface FittedModel {
  model: LogisticRegressionModel;
  iterations: number;
  converged: boolean;
  loss: number;
  seconds: number;
}

/**
 * Multinomial logistic regression with balanced class weights (labels are far
 * from equally frequent in users' logs), times the class costs when given.
 */
export function fitModel(rows: readonly SparseVector[], targets: readonly string[], labels: readonly string[], dimension: number, opts: FitOptions): FittedModel {
  const index = new Map(labels.map((l, i) => [l, i]));
  const y = targets.map((t) => {
    const k = index.get(t);
    if (k === undefined) throw new Error(`training: label "${t}" is not one of the model's labels`);
    return k;
  });
  const started = process.hrtime.bigint();
  const fit = trainLogisticRegressionSparse(rows, dimension, y, {
    numClasses: labels.length,
    l2: opts.l2,
    classWeight: 'balanced',
    seed: opts.seed,
    maxIterations: opts.maxIterations,
    ...(opts.classCosts && opts.classCosts.size > 0 ? { classCosts: labels.map((l) => opts.classCosts?.get(l) ?? 1) } : {}),
    ...(opts.warmStart ? { initial: { weights: opts.warmStart.weights, bias: opts.warmStart.bias } } : {}),
  });
  return {
    model: new LogisticRegressionModel(fit.weights, fit.bias),
    iterations: fit.iterations,
    converged: fit.converged,
    loss: fit.loss,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
