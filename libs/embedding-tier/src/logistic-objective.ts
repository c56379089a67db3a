import { softmaxInPlace } from './softmax';
import type { SparseVector } from './sparse-vector';

/**
 * The training problem of multinomial logistic regression over sparse rows:
 *
 *   f = sum_i w_i * -log p(y_i | x_i) / sum_i w_i  +  l2/2 * ||W||^2
 *
 * (biases are not regularised). Parameters are one Float64Array laid out
 * feature-major, `params[j * K + k]` = weight of feature j for class k,
 * followed by the K biases: a row's non-zero features then touch contiguous
 * memory, which made a gradient evaluation several times faster than the
 * class-major layout. Exported on its own so tests can check the gradient
 * against finite differences.
 */
export interface LogisticProblem {
  rows: readonly SparseVector[];
  labels: readonly number[];
  /** Per-row weight (class weighting); all 1 for none. */
  rowWeights: Float64Array;
  numClasses: number;
  dimension: number;
  l2: number;
}

export function logisticObjective(problem: LogisticProblem): (params: Float64Array, grad: Float64Array) => number {
  const { labels, numClasses: K, dimension: D, l2 } = problem;
  const { offsets, indices, values } = packRows(problem.rows);
  let totalWeight = 0;
  for (const w of problem.rowWeights) totalWeight += w;
  const rowScale = Float64Array.from(problem.rowWeights, (w) => w / totalWeight);
  const z = new Float64Array(K);
  const biasAt = K * D;
  return (params, grad) => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < labels.length; i++) {
      const start = offsets[i];
      const end = offsets[i + 1];
      for (let k = 0; k < K; k++) z[k] = params[biasAt + k];
      for (let t = start; t < end; t++) {
        const base = indices[t] * K;
        const v = values[t];
        for (let k = 0; k < K; k++) z[k] += params[base + k] * v;
      }
      const y = labels[i];
      const logitY = z[y];
      const w = rowScale[i];
      loss += w * (softmaxInPlace(z) - logitY); // -log p_y; z now holds the probabilities
      z[y] -= 1;
      for (let k = 0; k < K; k++) {
        z[k] *= w;
        grad[biasAt + k] += z[k];
      }
      for (let t = start; t < end; t++) {
        const base = indices[t] * K;
        const v = values[t];
        for (let k = 0; k < K; k++) grad[base + k] += z[k] * v;
      }
    }
    let norm = 0;
    for (let j = 0; j < biasAt; j++) {
      norm += params[j] * params[j];
      grad[j] += l2 * params[j];
    }
    return loss + 0.5 * l2 * norm;
  };
}

/** All rows in three flat arrays (CSR), so the hot loop reads no objects. */
function packRows(rows: readonly SparseVector[]): { offsets: Int32Array; indices: Int32Array; values: Float64Array } {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.indices.length));
  const indices = new Int32Array(offsets[rows.length]);
  const values = new Float64Array(offsets[rows.length]);
  rows.forEach((r, i) => {
    indices.set(r.indices, offsets[i]);
    values.set(r.values, offsets[i]);
  });
  return { offsets, indices, values };
}

/** sklearn's "balanced": n / (classes present * count of the row's class), so every class weighs the same in total. */
export function balancedRowWeights(labels: readonly number[], numClasses: number): Float64Array {
  const counts = new Float64Array(numClasses);
  for (const y of labels) counts[y]++;
  const present = counts.filter((c) => c > 0).length;
  return Float64Array.from(labels, (y) => labels.length / (present * counts[y]));
}

/** Feature-major training parameters -> the model's class-major weights (numClasses x dimension) and biases. */
export function unpackParameters(params: Float64Array, numClasses: number, dimension: number): { weights: Float32Array; bias: Float32Array } {
  const weights = new Float32Array(numClasses * dimension);
  for (let j = 0; j < dimension; j++) {
    for (let k = 0; k < numClasses; k++) weights[k * dimension + j] = params[j * numClasses + k];
  }
  return { weights, bias: Float32Array.from(params.subarray(numClasses * dimension)) };
}
