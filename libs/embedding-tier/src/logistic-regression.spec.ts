import { balancedRowWeights, logisticObjective } from './logistic-objective';
import { argmax, LogisticRegressionModel, trainLogisticRegression } from './logistic-regression';
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
});
