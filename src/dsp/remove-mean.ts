import { accurateSum } from './running-sum.js';

/**
 * DC removal: `x` minus its mean, as `x - numpy.mean(x)` (equivalently
 * `scipy.signal.detrend(x, type='constant')`); the mean is summed with compensation.
 * Returns a new array (empty for an empty `x`); `x` is not modified.
 */
export function removeMean(x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  if (x.length === 0) return y;
  const mean = accurateSum(x) / x.length;
  for (let i = 0; i < x.length; i++) y[i] = x[i] - mean;
  return y;
}

/** {@link removeMean} writing over `x` (same mean, same result); returns `x`. */
export function removeMeanInPlace(x: Float64Array): Float64Array {
  if (x.length === 0) return x;
  const mean = accurateSum(x) / x.length;
  for (let i = 0; i < x.length; i++) x[i] -= mean;
  return x;
}
