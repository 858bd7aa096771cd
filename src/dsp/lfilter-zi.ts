import { ParameterError } from '../errors.js';
import { solveLinear } from './solve-linear.js';

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
  const zi = solveLinear(mat, rhs);
  if (zi === null) throw new ParameterError('filter has a pole at z = 1: its step response has no steady state');
  return zi;
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
