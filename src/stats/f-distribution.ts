/**
 * The F distribution, behind one adapter over `@stdlib/stats-base-dists-f-cdf` and
 * `@stdlib/stats-base-dists-f-quantile`.
 *
 * What the adapter fixes:
 * - stdlib returns NaN for non-positive degrees of freedom or a probability outside [0, 1];
 *   here those throw {@link ParameterError}, so a NaN can never leak into a result.
 * - The upper tail is not `1 − cdf` (which loses every digit once the p-value drops below
 *   about 1e-16) but the lower tail of the reciprocal, P(F(d1, d2) > x) = P(F(d2, d1) < 1/x),
 *   which stdlib evaluates through the regularized incomplete beta function to full relative
 *   precision, as R's `pf(x, d1, d2, lower.tail = FALSE)` does.
 */
import stdlibFCdf from '@stdlib/stats-base-dists-f-cdf';
import stdlibFQuantile from '@stdlib/stats-base-dists-f-quantile';
import { ParameterError } from '../errors.js';

function checkDf(d1: number, d2: number): void {
  if (!(d1 > 0) || Number.isNaN(d1)) throw new ParameterError(`F distribution numerator degrees of freedom ${d1} must be positive`);
  if (!(d2 > 0) || Number.isNaN(d2)) throw new ParameterError(`F distribution denominator degrees of freedom ${d2} must be positive`);
}

/** P(F ≤ x) for F with `d1`, `d2` degrees of freedom (R: `pf(x, d1, d2)`). Non-integer df allowed. */
export function fCdf(x: number, d1: number, d2: number): number {
  checkDf(d1, d2);
  if (Number.isNaN(x)) throw new ParameterError('F distribution argument NaN is not a number');
  return stdlibFCdf(x, d1, d2);
}

/** P(F > x), the upper tail (R: `pf(x, d1, d2, lower.tail = FALSE)`), accurate for tiny p. */
export function fSurvival(x: number, d1: number, d2: number): number {
  checkDf(d1, d2);
  if (Number.isNaN(x)) throw new ParameterError('F distribution argument NaN is not a number');
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return stdlibFCdf(1 / x, d2, d1);
}

/** The `p` quantile of F with `d1`, `d2` degrees of freedom (R: `qf(p, d1, d2)`). */
export function fQuantile(p: number, d1: number, d2: number): number {
  checkDf(d1, d2);
  if (!(p >= 0 && p <= 1)) throw new ParameterError(`F distribution probability ${p} must lie in [0, 1]`);
  return stdlibFQuantile(p, d1, d2);
}

/**
 * The upper `1 − α/2` quantile of Student's t with `df` degrees of freedom
 * (R: `qt(1 - alpha / 2, df)`), from t² ~ F(1, df): t = √qf(1 − α, 1, df).
 */
export function tQuantileTwoSided(alpha: number, df: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new ParameterError(`two-sided t quantile alpha ${alpha} must lie in (0, 1)`);
  return Math.sqrt(fQuantile(1 - alpha, 1, df));
}
