import { brentZero } from './brent-zero.js';
import { normalQuantile } from './distributions.js';
import { rankSumScore } from './rank-sum-score.js';
import { pWilcox, qWilcox } from './rank-sum-distribution.js';
import type { Alternative, ConfidenceInterval, Outcome } from './result.js';
import { unavailable } from './result.js';

/** The Hodges–Lehmann location shift of focal against reference, with its confidence interval. */
export interface HodgesLehmann {
  readonly estimator: 'hodges_lehmann';
  readonly formula: string;
  /** `exact`: order statistics of the pairwise differences; `normal`: root finding on the normal score. */
  readonly method: 'exact' | 'normal';
  /** Shift focal − reference, in the unit of the data. */
  readonly estimate: number;
  /** `level` is the level achieved (R lowers it when the exact distribution cannot reach it). */
  readonly ci: ConfidenceInterval;
}

/** The formula reported with an exact Hodges–Lehmann shift. */
export const HL_EXACT_FORMULA =
  'hodges_lehmann: median of all n_focal*n_reference differences focal_i - reference_j; CI between the order ' +
  'statistics of those differences given by qwilcox (R wilcox.test conf.int, exact)';
/** The formula reported with a normal-approximation Hodges–Lehmann shift. */
export const HL_NORMAL_FORMULA =
  'hodges_lehmann: shift d at which the normal score of W(focal - d, reference) without continuity correction is 0; ' +
  'CI where the continuity-corrected score equals the normal quantiles; roots by uniroot, tol 1e-4 ' +
  '(R wilcox.test conf.int, normal approximation)';

/** R's `uniroot` tolerance for these intervals (`tol.root` in `wilcox.test`). */
const ROOT_TOL = 1e-4;

function exactShift(x: Float64Array, y: Float64Array, alternative: Alternative, confLevel: number): Outcome<HodgesLehmann> {
  const nx = x.length;
  const ny = y.length;
  const diffs = new Float64Array(nx * ny);
  let k = 0;
  for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) diffs[k++] = x[i] - y[j];
  diffs.sort();
  const alpha = 1 - confLevel;
  const at = (oneBased: number): number => diffs[oneBased - 1];
  let lower = -Infinity;
  let upper = Infinity;
  let achievedAlpha: number;
  if (alternative === 'two.sided') {
    let qu = qWilcox(alpha / 2, nx, ny);
    if (qu === 0) qu = 1;
    const ql = nx * ny - qu;
    achievedAlpha = 2 * pWilcox(Math.trunc(qu) - 1, nx, ny);
    lower = at(qu);
    upper = at(ql + 1);
  } else {
    let qu = qWilcox(alpha, nx, ny);
    if (qu === 0) qu = 1;
    achievedAlpha = pWilcox(Math.trunc(qu) - 1, nx, ny);
    if (alternative === 'greater') lower = at(qu);
    else upper = at(nx * ny - qu + 1);
  }
  const level = achievedAlpha - alpha > alpha / 2 ? 1 - achievedAlpha : confLevel;
  const m = diffs.length;
  const estimate = m % 2 === 1 ? diffs[(m - 1) / 2] : (diffs[m / 2 - 1] + diffs[m / 2]) / 2;
  return { ok: true, estimator: 'hodges_lehmann', formula: HL_EXACT_FORMULA, method: 'exact', estimate, ci: { lower, upper, level } };
}

function normalShift(
  x: Float64Array,
  y: Float64Array,
  alternative: Alternative,
  confLevel: number,
  labels: string,
): Outcome<HodgesLehmann> {
  const minX = Math.min(...x);
  const maxX = Math.max(...x);
  const minY = Math.min(...y);
  const maxY = Math.max(...y);
  const muMin = minX - maxY;
  const muMax = maxX - minY;
  if (!(muMin < muMax)) return unavailable(`${labels} are both constant, so the location shift has no interval`);
  const shifted = new Float64Array(x.length);
  const score = (d: number, correct: boolean): number => {
    for (let i = 0; i < x.length; i++) shifted[i] = x[i] - d;
    return rankSumScore(shifted, y, alternative, correct).z;
  };
  const corrected = (d: number): number => score(d, true);
  const wMin = corrected(muMin);
  const wMax = corrected(muMax);
  const root = (zq: number): number => {
    const fLower = wMin - zq;
    if (fLower <= 0) return muMin;
    const fUpper = wMax - zq;
    if (fUpper >= 0) return muMax;
    return brentZero((d) => corrected(d) - zq, muMin, muMax, fLower, fUpper, ROOT_TOL).root;
  };
  const alpha = 1 - confLevel;
  let lower = -Infinity;
  let upper = Infinity;
  if (alternative === 'two.sided') {
    lower = root(-normalQuantile(alpha / 2));
    upper = root(normalQuantile(alpha / 2));
  } else if (alternative === 'greater') {
    lower = root(-normalQuantile(alpha));
  } else {
    upper = root(normalQuantile(alpha));
  }
  const uncorrected = (d: number): number => score(d, false);
  const fLow = uncorrected(muMin);
  const fHigh = uncorrected(muMax);
  if (Number.isNaN(fLow) || Number.isNaN(fHigh) || Math.sign(fLow) * Math.sign(fHigh) > 0) {
    return unavailable(`the rank score of ${labels} does not change sign, so the location shift is undefined`);
  }
  const estimate = brentZero(uncorrected, muMin, muMax, fLow, fHigh, ROOT_TOL).root;
  return { ok: true, estimator: 'hodges_lehmann', formula: HL_NORMAL_FORMULA, method: 'normal', estimate, ci: { lower, upper, level: confLevel } };
}

/**
 * Hodges–Lehmann shift of x (focal) relative to y (reference) with its confidence interval,
 * as R's `wilcox.test(x, y, conf.int = TRUE)` reports `difference in location` and `conf.int`:
 * exact when the test is exact, otherwise R's normal-approximation root finding. x and y hold
 * no missing values and at least one value each.
 */
export function hodgesLehmannShift(
  x: Float64Array,
  y: Float64Array,
  exact: boolean,
  alternative: Alternative,
  confLevel: number,
  labels: string,
): Outcome<HodgesLehmann> {
  return exact ? exactShift(x, y, alternative, confLevel) : normalShift(x, y, alternative, confLevel, labels);
}
