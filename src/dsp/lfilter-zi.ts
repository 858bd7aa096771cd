import { ParameterError } from '../errors.js';

/**
 * Initial state of `lfilter` for the steady state of its step response, as
 * `scipy.signal.lfilter_zi(b, a)`: the zi solving zi = A·zi + B for the direct-form-II-transposed
 * state, returned with length max(len(a), len(b)) − 1. Scale it by the first input sample to start
 * a filter without a transient. Leading zeros of `a` are dropped and the coefficients are
 * normalised so a[0] = 1, as in SciPy.
 */
export function lfilterZi(b: ArrayLike<number>, a: ArrayLike<number>): Float64Array {
  const [bn, an] = normalizeBa(b, a);
  const n = bn.length;
  const m = n - 1;
  // IminusA = I − companion(a)ᵀ: row i has 1 on the diagonal, a[i+1] in column 0, −1 at column i+1.
  const mat: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(m).fill(0);
    row[i] = 1;
    row[0] += an[i + 1];
    if (i + 1 < m) row[i + 1] -= 1;
    mat.push(row);
  }
  const rhs: number[] = [];
  for (let i = 0; i < m; i++) rhs.push(bn[i + 1] - an[i + 1] * bn[0]);
  return solve(mat, rhs);
}

/**
 * Normalised copies of b and a, as SciPy's `lfilter_zi` and `lfilter` see them: leading zeros of a
 * removed, divided by a[0], both zero-padded to the same length.
 */
export function normalizeBa(b: ArrayLike<number>, a: ArrayLike<number>): [Float64Array, Float64Array] {
  let first = 0;
  while (first < a.length - 1 && a[first] === 0) first++;
  if (a.length === 0 || a[first] === 0) {
    throw new ParameterError('filter denominator a must have at least one non-zero coefficient');
  }
  if (b.length === 0) throw new ParameterError('filter numerator b must have at least one coefficient');
  const aTrim = Array.from(a).slice(first);
  const a0 = aTrim[0];
  const n = Math.max(aTrim.length, b.length);
  const bn = new Float64Array(n);
  const an = new Float64Array(n);
  for (let i = 0; i < b.length; i++) bn[i] = a0 === 1 ? b[i] : b[i] / a0;
  for (let i = 0; i < aTrim.length; i++) an[i] = a0 === 1 ? aTrim[i] : aTrim[i] / a0;
  for (const v of [...bn, ...an]) {
    if (!Number.isFinite(v)) throw new ParameterError(`filter coefficient ${v} must be finite`);
  }
  return [bn, an];
}

/** Solves mat·x = rhs by Gaussian elimination with partial pivoting (LAPACK `dgesv`'s method). */
function solve(mat: number[][], rhs: number[]): Float64Array {
  const m = rhs.length;
  const A = mat.map((r) => [...r]);
  const y = [...rhs];
  for (let k = 0; k < m; k++) {
    let piv = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(A[i][k]) > Math.abs(A[piv][k])) piv = i;
    if (A[piv][k] === 0) throw new ParameterError('filter has a pole at z = 1: its step response has no steady state');
    if (piv !== k) {
      [A[k], A[piv]] = [A[piv], A[k]];
      [y[k], y[piv]] = [y[piv], y[k]];
    }
    const r = 1 / A[k][k];
    for (let i = k + 1; i < m; i++) {
      const l = A[i][k] * r;
      if (l === 0) continue;
      for (let j = k + 1; j < m; j++) A[i][j] -= l * A[k][j];
      y[i] -= l * y[k];
    }
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i];
    for (let j = i + 1; j < m; j++) s -= A[i][j] * x[j];
    x[i] = s / A[i][i];
  }
  return x;
}
