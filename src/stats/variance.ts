import { mean } from './mean.js';
import { neumaierSum } from './neumaier-sum.js';

/**
 * Sample variance with denominator n − 1, R's `var(x)`, by the two-pass formula
 * Σ(x − mean)² / (n − 1). Requires at least 2 values.
 */
export function variance(values: ArrayLike<number>): number {
  const m = mean(values);
  return neumaierSum(values, (v) => (v - m) * (v - m)) / (values.length - 1);
}
