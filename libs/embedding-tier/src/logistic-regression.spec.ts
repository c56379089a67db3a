import { minimizeLbfgs } from './lbfgs';
import { balancedRowWeights, logisticObjective, unpackParameters } from './logistic-objective';
import { argmax, LogisticRegressionModel, trainLogisticRegression, trainLogisticRegressionSparse } from './logistic-regression';
import { mergeDuplicateRows } from './merge-rows';
import { toSparse } from './sparse-vector';

/** Small seeded PRNG for test data. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Three well separated Gaussian-ish blobs in 6 dimensions, unbalanced. */
function blobs(n: number, seed: number): { X: Float32Array[]; y: number[] } {
  const rnd = prng(seed);
  const X: Float32Array[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 5 === 0 ? 2 : i % 2; // class 2 is rarer
    const x = Float32Array.from({ length: 6 }, () => (rnd() - 0.5) * 0.6);
    x[c * 2] += 2;
    X.push(x);
    y.push(c);
  }
  return { X, y };
}

describe('logistic regression', () => {
  it('separates separable data, with probabilities summing to 1', () => {
    const { X, y } = blobs(150, 1);
    const fit = trainLogisticRegression(X, y, { numClasses: 3, l2: 1e-3, classWeight: 'balanced', seed: 7 });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeGreaterThan(0);
    const model = new LogisticRegressionModel(fit.weights, fit.bias);
    let correct = 0;
    X.forEach((x, i) => {
      const p = model.predictProba(x);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(Array.from(model.predictProbaSparse(toSparse(x)))).toEqual(Array.from(p).map((v) => expect.closeTo(v, 6)));
      if (argmax(p).index === y[i]) correct++;
    });
    expect(correct).toBe(X.length);
  });

  it('has a gradient that matches finite differences', () => {
    const { X, y } = blobs(12, 3);
    const K = 3;
    const D = 6;
    const f = logisticObjective({ rows: X.map(toSparse), labels: y, rowWeights: balancedRowWeights(y, K), numClasses: K, dimension: D, l2: 0.1 });
    const rnd = prng(5);
    const params = Float64Array.from({ length: K * D + K }, () => rnd() - 0.5);
    const grad = new Float64Array(params.length);
    f(params, grad);
    const scratch = new Float64Array(params.length);
    const h = 1e-6;
    for (let j = 0; j < params.length; j++) {
      const plus = Float64Array.from(params);
      const minus = Float64Array.from(params);
      plus[j] += h;
      minus[j] -= h;
      const numeric = (f(plus, scratch) - f(minus, scratch)) / (2 * h);
      expect(grad[j]).toBeCloseTo(numeric, 6);
    }
  });

  it('is deterministic for a seed and weighs classes when asked', () => {
    const { X, y } = blobs(60, 9);
    const opts = { numClasses: 3, l2: 0.01, classWeight: 'balanced' as const, seed: 1 };
    const a = trainLogisticRegression(X, y, opts);
    const b = trainLogisticRegression(X, y, opts);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.loss).toBe(b.loss);
    const unweighted = trainLogisticRegression(X, y, { ...opts, classWeight: 'none' });
    expect(Array.from(unweighted.bias)).not.toEqual(Array.from(a.bias));
  });

  it('balanced weights give every present class the same total', () => {
    const w = balancedRowWeights([0, 0, 0, 1], 3);
    expect(Array.from(w)).toEqual([4 / 6, 4 / 6, 4 / 6, 2]);
  });

  it('refuses labels outside the classes', () => {
    expect(() => trainLogisticRegression([new Float32Array(2)], [3], { numClasses: 2, l2: 0, classWeight: 'none', seed: 0 })).toThrow(/outside/);
  });

  it('computes over sparse rows (CSR) the same loss and gradient as the textbook dense formula', () => {
    const { X, y } = blobs(20, 11);
    X.forEach((x, i) => i % 3 === 0 && (x[1] = 0)); // some real zeros, so the sparse rows differ in length
    const K = 3;
    const D = 6;
    const l2 = 0.05;
    const rowWeights = balancedRowWeights(y, K).map((w, i) => w * (y[i] === 2 ? 3 : 1));
    const sparse = logisticObjective({ rows: X.map(toSparse), labels: y, rowWeights, numClasses: K, dimension: D, l2 });
    const rnd = prng(2);
    const params = Float64Array.from({ length: K * D + K }, () => rnd() - 0.5);
    const grad = new Float64Array(params.length);
    const loss = sparse(params, grad);

    // Dense reference: class-major W (K x D), every feature visited, no shared code with the objective.
    const { weights, bias } = unpackParameters(params, K, D);
    const W = (k: number, j: number): number => params[j * K + k];
    const total = rowWeights.reduce((a, b) => a + b, 0);
    let expected = 0;
    const expectedGrad = new Float64Array(params.length);
    X.forEach((x, i) => {
      const z = Array.from({ length: K }, (_, k) => params[K * D + k] + Array.from(x).reduce((s, v, j) => s + W(k, j) * v, 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / sum);
      const w = rowWeights[i] / total;
      expected += -w * Math.log(p[y[i]]);
      for (let k = 0; k < K; k++) {
        const r = w * (p[k] - (k === y[i] ? 1 : 0));
        expectedGrad[K * D + k] += r;
        for (let j = 0; j < D; j++) expectedGrad[j * K + k] += r * x[j];
      }
    });
    for (let j = 0; j < K * D; j++) {
      expected += 0.5 * l2 * params[j] * params[j];
      expectedGrad[j] += l2 * params[j];
    }
    expect(loss).toBeCloseTo(expected, 10);
    Array.from(grad).forEach((g, j) => expect(g).toBeCloseTo(expectedGrad[j], 10));
    expect(weights.length).toBe(K * D);
    expect(bias.length).toBe(K);
  });

  it('merges repeated rows into one of their summed weight, and fits the same model as on every row', () => {
    const { X, y } = blobs(30, 4);
    // Every row three times over, as lines of one template that differ only in masked ids are.
    const rows = [...X, ...X, ...X].map(toSparse);
    const labels = [...y, ...y, ...y];
    const weights = balancedRowWeights(labels, 3);
    const merged = mergeDuplicateRows(rows, labels, weights);
    expect(merged.rows.length).toBe(30);
    expect(merged.rowWeights[0]).toBeCloseTo(3 * weights[0], 12);
    expect(merged.labels).toEqual(y);

    const opts = { numClasses: 3, l2: 1e-3, classWeight: 'balanced' as const, seed: 1, tolerance: 1e-10 };
    const fit = trainLogisticRegressionSparse(rows, 6, labels, opts);
    // The same problem without merging, through the same optimiser.
    const unmerged = logisticObjective({ rows, labels, rowWeights: weights, numClasses: 3, dimension: 6, l2: 1e-3 });
    const reference = minimizeLbfgs(unmerged, new Float64Array(3 * 6 + 3), { maxIterations: 500, functionTolerance: 1e-10, gradientTolerance: 1e-6 });
    const expected = unpackParameters(reference.x, 3, 6);
    expect(fit.loss).toBeCloseTo(reference.f, 8);
    Array.from(fit.weights).forEach((w, i) => expect(w).toBeCloseTo(expected.weights[i], 3));
  });

  it('class costs move the boundary towards the cheaper class', () => {
    // Two overlapping classes on one feature: a row at 0 is a toss-up.
    const X = Array.from({ length: 40 }, (_, i) => Float32Array.from([i < 20 ? -1 + i / 20 : (i - 20) / 20, 1]));
    const y = X.map((_, i) => (i < 20 ? 0 : 1));
    const plain = trainLogisticRegression(X, y, { numClasses: 2, l2: 1e-3, classWeight: 'balanced', seed: 1 });
    const costly = trainLogisticRegression(X, y, { numClasses: 2, l2: 1e-3, classWeight: 'balanced', seed: 1, classCosts: [1, 4] });
    const at = (f: { weights: Float32Array; bias: Float32Array }) => new LogisticRegressionModel(f.weights, f.bias).predictProba(Float32Array.from([0, 1]))[1];
    expect(at(costly)).toBeGreaterThan(at(plain) + 0.1);
    expect(() => trainLogisticRegression(X, y, { numClasses: 2, l2: 0, classWeight: 'none', seed: 0, classCosts: [1] })).toThrow(/2 positive class costs/);
  });

  it('starting from a model fitted on most of the rows reaches the same optimum in fewer iterations', () => {
    const { X, y } = blobs(200, 21);
    const opts = { numClasses: 3, l2: 1e-3, classWeight: 'balanced' as const, seed: 1, tolerance: 1e-10 };
    const part = trainLogisticRegression(X.slice(0, 160), y.slice(0, 160), opts);
    const cold = trainLogisticRegression(X, y, opts);
    const warm = trainLogisticRegression(X, y, { ...opts, initial: { weights: part.weights, bias: part.bias } });
    expect(warm.loss).toBeCloseTo(cold.loss, 7);
    expect(warm.iterations).toBeLessThan(cold.iterations);
    Array.from(warm.weights).forEach((w, i) => expect(w).toBeCloseTo(cold.weights[i], 2));
  });
});
