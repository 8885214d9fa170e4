/**
 * Weighted L2-regularised logistic regression by Newton's method (deterministic, no
 * randomness), and Platt scaling. Training-time only.
 */

/** Solves A x = b for symmetric positive-definite A (n×n, row-major) by Cholesky; A is overwritten. */
function cholSolve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j];
    for (let k = 0; k < j; k++) d -= A[j * n + k] * A[j * n + k];
    d = Math.sqrt(Math.max(d, 1e-12));
    A[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= A[i * n + k] * A[j * n + k];
      A[i * n + j] = s / d;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= A[i * n + k] * y[k];
    y[i] = s / A[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= A[k * n + i] * x[k];
    x[i] = s / A[i * n + i];
  }
  return x;
}

function sig(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Fits weights β (length d) and bias on rows X (each length d), labels y (0/1) and row weights w.
 * Penalty λ/2·|β|² (bias not penalised). Returns [β, bias].
 */
export function fitLogistic(
  X: Float64Array[],
  y: Uint8Array,
  w: Float64Array,
  lambda: number,
  maxIter = 50,
  frozen?: Uint8Array,
): { beta: Float64Array; bias: number } {
  const n = X.length;
  const d = X[0].length;
  const D = d + 1; // last coefficient is the bias
  let coef = new Float64Array(D);
  for (let it = 0; it < maxIter; it++) {
    const H = new Float64Array(D * D);
    const g = new Float64Array(D);
    for (let i = 0; i < n; i++) {
      const x = X[i];
      let z = coef[d];
      for (let k = 0; k < d; k++) z += coef[k] * x[k];
      const p = sig(z);
      const r = w[i] * (p - y[i]);
      const h = w[i] * Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        const xa = x[a];
        if (xa === 0) continue;
        g[a] += r * xa;
        const ha = h * xa;
        for (let b = 0; b <= a; b++) H[a * D + b] += ha * x[b];
        H[d * D + a] += ha;
      }
      g[d] += r;
      H[d * D + d] += h;
    }
    for (let a = 0; a < d; a++) {
      g[a] += lambda * coef[a];
      H[a * D + a] += lambda;
    }
    // Frozen coefficients stay at zero: no gradient, decoupled in the Hessian.
    if (frozen) {
      for (let a = 0; a < d; a++) {
        if (!frozen[a]) continue;
        g[a] = 0;
        for (let b = 0; b < D; b++) {
          H[a * D + b] = 0;
          H[b * D + a] = 0;
        }
        H[a * D + a] = 1;
      }
    }
    // Symmetrise (we filled the lower triangle; the bias row holds H[d][a]).
    for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) H[b * D + a] = H[a * D + b];
    const step = cholSolve(H, g, D);
    let maxStep = 0;
    const next = new Float64Array(D);
    for (let k = 0; k < D; k++) {
      next[k] = coef[k] - step[k];
      maxStep = Math.max(maxStep, Math.abs(step[k]));
    }
    coef = next;
    if (maxStep < 1e-7) break;
  }
  return { beta: coef.slice(0, d), bias: coef[d] };
}

/**
 * Logistic regression with sign constraints: signs[k] = +1 (must push towards label 1), −1, or 0
 * (free). A coefficient with the wrong sign is frozen at zero and the rest refitted, until none
 * is left (at most d rounds).
 */
export function fitLogisticSigned(
  X: Float64Array[],
  y: Uint8Array,
  w: Float64Array,
  lambda: number,
  signs: Int8Array,
): { beta: Float64Array; bias: number } {
  const d = X[0].length;
  const frozen = new Uint8Array(d);
  for (let round = 0; round <= d; round++) {
    const r = fitLogistic(X, y, w, lambda, 50, frozen);
    let changed = false;
    for (let k = 0; k < d; k++) {
      if (frozen[k] || signs[k] === 0) continue;
      if (r.beta[k] * signs[k] < 0) {
        frozen[k] = 1;
        changed = true;
      }
    }
    if (!changed) return r;
  }
  return fitLogistic(X, y, w, lambda, 50, frozen);
}

/** Platt scaling: p = σ(a·s + b) fitted on scores s, labels y and weights w. */
export function fitPlatt(s: number[], y: number[], w: number[]): { a: number; b: number } {
  const X = s.map((v) => Float64Array.of(v));
  const { beta, bias } = fitLogistic(X, Uint8Array.from(y), Float64Array.from(w), 1e-6);
  return { a: beta[0], b: bias };
}
