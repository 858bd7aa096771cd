import { accurateSum, RunningSum } from './running-sum.js';

/**
 * Removes the least-squares straight line from `x`, as `scipy.signal.detrend(x, type='linear')`
 * (no break points). The line is fitted in centred form, slope = Σ(t − t̄)(x − x̄) / Σ(t − t̄)² with
 * t the sample index, which is the same line SciPy's `lstsq` finds. A signal of one sample becomes 0.
 * Returns a new array; `x` is not modified.
 */
export function detrendLinear(x: Float64Array): Float64Array {
  const n = x.length;
  const y = new Float64Array(n);
  if (n === 0) return y;
  const xMean = accurateSum(x) / n;
  const tMean = (n - 1) / 2;
  const sxy = new RunningSum();
  for (let i = 0; i < n; i++) sxy.add((i - tMean) * (x[i] - xMean));
  // Σ(i − t̄)² for i = 0 … n−1 is n(n² − 1)/12.
  const stt = (n * (n * n - 1)) / 12;
  const slope = stt > 0 ? sxy.value() / stt : 0;
  for (let i = 0; i < n; i++) y[i] = x[i] - xMean - slope * (i - tMean);
  return y;
}
