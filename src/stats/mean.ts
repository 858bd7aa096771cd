import { neumaierSum } from './neumaier-sum.js';

/**
 * Arithmetic mean as R's `mean()` computes it: the sum divided by n, then refined by the mean of
 * the residuals (a second pass). `values` must be non-empty and free of NaN.
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  const m = neumaierSum(values) / n;
  return m + neumaierSum(values, (v) => v - m) / n;
}
