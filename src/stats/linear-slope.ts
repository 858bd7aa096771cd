/**
 * Ordinary least-squares line y = intercept + slope·x with a t-based confidence interval for the
 * slope, as R's `fit <- lm(y ~ x); coef(fit); confint(fit, level = confLevel)["x", ]`:
 *
 *   slope = Sxy / Sxx,   intercept = ȳ − slope·x̄,
 *   s² = Σ (yᵢ − ŷᵢ)² / (n − 2),   SE(slope) = s / √Sxx,
 *   CI = slope ∓ qt(1 − α/2, n − 2) · SE(slope).
 *
 * Sums are taken about the means (two passes), so a large common offset in x (time in s from the
 * start of a long recording) costs no digits.
 */
import { ParameterError } from '../errors.js';
import { tQuantileTwoSided } from './f-distribution.js';

/** Options of {@link linearSlope}. */
export interface LinearSlopeOptions {
  /** Confidence level of the slope's interval, in (0, 1). Default 0.95. */
  confLevel?: number;
}

/** The fitted line and the slope's interval; the slope is in y-unit per x-unit. */
export interface LinearSlopeResult {
  ok: true;
  n: number;
  slope: number;
  intercept: number;
  /** Standard error of the slope. */
  seSlope: number;
  /** Residual degrees of freedom, n − 2. */
  df: number;
  confLevel: number;
  /** `qt(1 - alpha/2, n - 2)`. */
  tQuantile: number;
  ciLower: number;
  ciUpper: number;
  /** Coefficient of determination (1 − SS_res/SS_tot); 1 when y is constant along a perfect line. */
  rSquared: number;
}

/** Fewer than 3 points, or every x equal: the slope or its interval is undefined. */
export interface LinearSlopeFailure {
  ok: false;
  n: number;
  reason: string;
}

/** What {@link linearSlope} returns. */
export type LinearSlopeOutcome = LinearSlopeResult | LinearSlopeFailure;

/**
 * Least-squares slope of `y` on `x` with its confidence interval (R: `lm`, `confint`).
 *
 * @returns `{ ok: false }` with fewer than 3 points (no residual df for an interval) or when all
 *   x are equal.
 * @throws ParameterError when the arrays differ in length, hold a non-finite value, or
 *   confLevel is outside (0, 1).
 */
export function linearSlope(x: ArrayLike<number>, y: ArrayLike<number>, options: LinearSlopeOptions = {}): LinearSlopeOutcome {
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new ParameterError(`slope confidence level ${confLevel} must lie strictly between 0 and 1`);
  }
  if (x.length !== y.length) throw new ParameterError(`linear fit needs paired values: x has ${x.length}, y has ${y.length}`);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new ParameterError(`linear fit point ${i} (${x[i]}, ${y[i]}) is not finite`);
    }
  }
  if (n < 3) return { ok: false, n, reason: `a slope with a confidence interval needs at least 3 points; got ${n}` };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) return { ok: false, n, reason: `all ${n} x values are equal: the slope is undefined` };
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - my - slope * (x[i] - mx);
    ssRes += r * r;
  }
  const df = n - 2;
  const seSlope = Math.sqrt(ssRes / df / sxx);
  const t = tQuantileTwoSided(1 - confLevel, df);
  return {
    ok: true,
    n,
    slope,
    intercept,
    seSlope,
    df,
    confLevel,
    tQuantile: t,
    ciLower: slope - t * seSlope,
    ciUpper: slope + t * seSlope,
    rSquared: syy > 0 ? 1 - ssRes / syy : 1,
  };
}
