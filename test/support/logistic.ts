/**
 * L2-regularised logistic regression on a few dozen dense features, fitted by Newton's method
 * (iteratively reweighted least squares). Deterministic: no random start, no shuffling, so the
 * same examples always give the same weights.
 */

export interface Example {
  values: number[];
  label: 0 | 1;
  /** How much the example counts (1 by default). */
  weight?: number;
}

export interface LogisticModel {
  weights: number[];
  bias: number;
}

const ITERATIONS = 30;
const TOLERANCE = 1e-9;

/** Solves `a · x = b` for a symmetric positive definite `a` (Cholesky); `a` is overwritten. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let j = 0; j < n; j++) {
    const row = a[j] as number[];
    let d = row[j] as number;
    for (let k = 0; k < j; k++) d -= (row[k] as number) ** 2;
    const root = Math.sqrt(Math.max(d, 1e-12));
    row[j] = root;
    for (let i = j + 1; i < n; i++) {
      const other = a[i] as number[];
      let s = other[j] as number;
      for (let k = 0; k < j; k++) s -= (other[k] as number) * (row[k] as number);
      other[j] = s / root;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= ((a[i] as number[])[k] as number) * (y[k] as number);
    y[i] = s / ((a[i] as number[])[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= ((a[k] as number[])[i] as number) * (x[k] as number);
    x[i] = s / ((a[i] as number[])[i] as number);
  }
  return x;
}

export function logit(model: LogisticModel, values: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < values.length; i++) z += (model.weights[i] ?? 0) * (values[i] as number);
  return z;
}

/** Fits weights and bias; `l2` penalises the weights (not the bias). */
export function fitLogistic(examples: readonly Example[], l2: number): LogisticModel {
  const size = (examples[0]?.values.length ?? 0) + 1;
  // The bias is the last coordinate.
  let theta = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = theta.map((t, i) => (i < size - 1 ? l2 * t : 0));
    const hessian = theta.map((_, i) => theta.map((__, j) => (i === j && i < size - 1 ? l2 : 0)));
    for (const ex of examples) {
      const x = [...ex.values, 1];
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * (theta[i] as number), 0)));
      const w = ex.weight ?? 1;
      const error = w * (p - ex.label);
      const curvature = w * p * (1 - p);
      for (let i = 0; i < size; i++) {
        const xi = x[i] as number;
        if (xi === 0) continue;
        gradient[i] = (gradient[i] as number) + error * xi;
        const row = hessian[i] as number[];
        for (let j = 0; j <= i; j++) row[j] = (row[j] as number) + curvature * xi * (x[j] as number);
      }
    }
    for (let i = 0; i < size; i++)
      for (let j = i + 1; j < size; j++) (hessian[i] as number[])[j] = (hessian[j] as number[])[i] as number;
    // A tiny ridge keeps the system solvable when a feature never fires.
    for (let i = 0; i < size; i++) (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + 1e-6;
    const step = solve(hessian, gradient);
    theta = theta.map((t, i) => t - (step[i] as number));
    if (step.reduce((s, v) => s + v * v, 0) < TOLERANCE) break;
  }
  return { weights: theta.slice(0, size - 1), bias: theta[size - 1] as number };
}
