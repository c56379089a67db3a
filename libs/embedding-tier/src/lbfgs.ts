/** f(x), writing the gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Converged when max |gradient| falls below this. */
  gradientTolerance: number;
  /** ...or when an iteration improves f by less than this fraction of |f|. */
  functionTolerance: number;
  /** Correction pairs kept (the "limited memory"). */
  memory?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
}

/**
 * Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking
 * Armijo line search. Deterministic: no randomness anywhere. Enough for the
 * smooth, convex objective of L2-regularised logistic regression.
 */
export function minimizeLbfgs(objective: Objective, x0: Float64Array, opts: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const m = opts.memory ?? 10;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  let f = objective(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const alpha = new Float64Array(m);

  for (let iter = 0; iter < opts.maxIterations; iter++) {
    if (maxAbs(g) <= opts.gradientTolerance) return { x, f, iterations: iter, converged: true };

    // Two-loop recursion: d = -H g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], d);
      axpy(-alpha[k], y[k], d);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      scale(d, dot(s[last], y[last]) / dot(y[last], y[last]));
    } else {
      scale(d, 1 / Math.max(1, Math.sqrt(dot(g, g)))); // first step: unit length at most
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], d);
      axpy(alpha[k] - beta, s[k], d);
    }

    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }

    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = objective(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) return { x, f, iterations: iter, converged: maxAbs(g) <= opts.gradientTolerance };

    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i] - x[i];
      yk[i] = gNew[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      // Only curvature-positive pairs keep the inverse-Hessian estimate positive definite.
      if (s.length === m) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const improvement = f - fNew;
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (improvement <= opts.functionTolerance * Math.max(1, Math.abs(f))) return { x, f, iterations: iter + 1, converged: true };
  }
  return { x, f, iterations: opts.maxIterations, converged: maxAbs(g) <= opts.gradientTolerance };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function axpy(a: number, xs: Float64Array, ys: Float64Array): void {
  for (let i = 0; i < xs.length; i++) ys[i] += a * xs[i];
}

function scale(v: Float64Array, a: number): void {
  for (let i = 0; i < v.length; i++) v[i] *= a;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}
