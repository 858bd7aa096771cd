import { tCdf, tQuantile } from './distributions.js';
import type { Alternative, ConfidenceInterval } from './result.js';

/**
 * p-value and confidence interval for an estimate with a t-distributed standardised statistic,
 * exactly as the end of R's `t.test.default` computes them (with mu = 0):
 * two-sided p = 2·pt(−|t|, df), CI = (t ∓ qt(1 − α/2, df))·se; one-sided p from the matching tail
 * and CI (−∞, (t + qt(level, df))·se) or ((t − qt(level, df))·se, ∞).
 */
export function tInference(
  t: number,
  df: number,
  se: number,
  alternative: Alternative,
  confLevel: number,
): { p: number; ci: ConfidenceInterval } {
  if (alternative === 'less') {
    return { p: tCdf(t, df), ci: { lower: -Infinity, upper: (t + tQuantile(confLevel, df)) * se, level: confLevel } };
  }
  if (alternative === 'greater') {
    return { p: tCdf(t, df, false), ci: { lower: (t - tQuantile(confLevel, df)) * se, upper: Infinity, level: confLevel } };
  }
  const q = tQuantile(1 - (1 - confLevel) / 2, df);
  return { p: 2 * tCdf(-Math.abs(t), df), ci: { lower: (t - q) * se, upper: (t + q) * se, level: confLevel } };
}
