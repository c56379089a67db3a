import { minimizeLbfgs } from './lbfgs';
import { balancedRowWeights, logisticObjective, unpackParameters } from './logistic-objective';
import { mergeDuplicateRows } from './merge-rows';
import { softmaxInPlace } from './softmax';
import { toSparse, type SparseVector } from './sparse-vector';

export interface LogisticRegressionOptions {
  numClasses: number;
  /** L2 penalty on the weights (the mean loss is penalised by l2/2 * ||W||^2). */
  l2: number;
  classWeight: 'balanced' | 'none';
  /**
   * Per class, a multiplier on its rows' weights after class weighting (1 =
   * no change): a cost of 2 for a class makes missing one of its rows count
   * twice, so the model gives it up only on clearer evidence.
   */
  classCosts?: readonly number[];
  /**
   * Recorded for reproducibility. The problem is convex and training starts
   * from zero with a deterministic optimiser, so the result does not depend on it.
   */
  seed: number;
  maxIterations?: number;
  /** Relative improvement of the loss below which training stops (converged). */
  tolerance?: number;
  /**
   * Where L-BFGS starts (default: all zeros), e.g. a model fitted on most of
   * the same rows. The problem is convex, so the optimum is the same; a start
   * near it takes fewer iterations to get there.
   */
  initial?: { weights: Float32Array; bias: Float32Array };
}

export interface LogisticRegressionFit {
  /** numClasses x dim, row-major. */
  weights: Float32Array;
  bias: Float32Array;
  iterations: number;
  converged: boolean;
  /** Final regularised training loss. */
  loss: number;
}

/** Multinomial logistic regression by L-BFGS. Dense rows are converted to sparse: hashing vectors are mostly zeros. */
export function trainLogisticRegression(X: readonly Float32Array[], y: readonly number[], opts: LogisticRegressionOptions): LogisticRegressionFit {
  if (X.length === 0) throw new Error('logistic regression: no training rows');
  return trainLogisticRegressionSparse(X.map(toSparse), X[0].length, y, opts);
}

export function trainLogisticRegressionSparse(
  rows: readonly SparseVector[],
  dimension: number,
  y: readonly number[],
  opts: LogisticRegressionOptions,
): LogisticRegressionFit {
  const K = opts.numClasses;
  if (rows.length !== y.length) throw new Error(`logistic regression: ${rows.length} rows but ${y.length} labels`);
  if (rows.length === 0) throw new Error('logistic regression: no training rows');
  for (const label of y) {
    if (!Number.isInteger(label) || label < 0 || label >= K) throw new Error(`logistic regression: label ${label} outside 0..${K - 1}`);
  }
  const costs = opts.classCosts;
  if (costs && (costs.length !== K || costs.some((c) => !(c > 0 && Number.isFinite(c))))) throw new Error(`logistic regression: need ${K} positive class costs, got ${costs.join(', ')}`);
  const rowWeights = opts.classWeight === 'balanced' ? balancedRowWeights(y, K) : new Float64Array(y.length).fill(1);
  if (costs) for (let i = 0; i < y.length; i++) rowWeights[i] *= costs[y[i]];
  // Rows with the same vector and label (lines of one template differing only in masked ids) are one row
  // of their summed weight: the same objective, fewer terms to add up at every evaluation.
  const merged = mergeDuplicateRows(rows, y, rowWeights);
  const objective = logisticObjective({ rows: merged.rows, labels: merged.labels, rowWeights: merged.rowWeights, numClasses: K, dimension, l2: opts.l2 });
  const result = minimizeLbfgs(objective, packParameters(opts.initial, K, dimension), {
    maxIterations: opts.maxIterations ?? 500,
    functionTolerance: opts.tolerance ?? 1e-7,
    gradientTolerance: 1e-6,
  });
  return {
    ...unpackParameters(result.x, K, dimension),
    iterations: result.iterations,
    converged: result.converged,
    loss: result.f,
  };
}

/** The model's class-major weights and biases as L-BFGS's feature-major parameters (zeros when absent). */
function packParameters(initial: LogisticRegressionOptions['initial'], K: number, D: number): Float64Array {
  const params = new Float64Array(K * D + K);
  if (!initial) return params;
  if (initial.weights.length !== K * D || initial.bias.length !== K) throw new Error(`logistic regression: initial model is not ${K} x ${D}`);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < D; j++) params[j * K + k] = initial.weights[k * D + j];
    params[K * D + k] = initial.bias[k];
  }
  return params;
}

/** A trained model: class probabilities for a vector. */
export class LogisticRegressionModel {
  readonly numClasses: number;
  readonly dimension: number;

  constructor(
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {
    this.numClasses = bias.length;
    this.dimension = weights.length / bias.length;
    if (!Number.isInteger(this.dimension) || this.numClasses === 0) {
      throw new Error(`logistic regression: ${weights.length} weights do not split into ${bias.length} classes`);
    }
  }

  predictProba(x: Float32Array): Float32Array {
    if (x.length !== this.dimension) throw new Error(`logistic regression: vector of ${x.length}, model expects ${this.dimension}`);
    const z = Float32Array.from(this.bias);
    const D = this.dimension;
    for (let k = 0; k < this.numClasses; k++) {
      let sum = 0;
      const base = k * D;
      for (let j = 0; j < D; j++) sum += this.weights[base + j] * x[j];
      z[k] += sum;
    }
    softmaxInPlace(z);
    return z;
  }

  /** Same as predictProba on the dense form, touching only the non-zeros. */
  predictProbaSparse(x: SparseVector): Float32Array {
    const z = Float32Array.from(this.bias);
    const D = this.dimension;
    for (let k = 0; k < this.numClasses; k++) {
      let sum = 0;
      const base = k * D;
      for (let t = 0; t < x.indices.length; t++) sum += this.weights[base + x.indices[t]] * x.values[t];
      z[k] += sum;
    }
    softmaxInPlace(z);
    return z;
  }
}

/** Index and value of the largest probability. */
export function argmax(p: Float32Array): { index: number; p: number } {
  let index = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[index]) index = k;
  return { index, p: p[index] };
}
