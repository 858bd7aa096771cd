import { checkConfLevel } from './check-level.js';
import { normalCdf } from './distributions.js';
import { type HodgesLehmann, hodgesLehmannShift } from './hodges-lehmann-shift.js';
import { rankSumScore } from './rank-sum-score.js';
import { pWilcox } from './rank-sum-distribution.js';
import type { Alternative, Outcome } from './result.js';
import { unavailable } from './result.js';
import { presentPair, type Sample } from './sample.js';

/** Options of {@link mannWhitney}. */
export interface MannWhitneyOptions {
  /** Default `two.sided`. */
  readonly alternative?: Alternative;
  /** Level of the Hodges–Lehmann interval; default 0.95. */
  readonly confLevel?: number;
}

/** Mann–Whitney U / Wilcoxon rank-sum test of focal against reference. */
export interface MannWhitney {
  readonly test: 'mann_whitney_u';
  readonly formula: string;
  /** `exact`: R's `pwilcox` (both n < 50, no ties); `normal`: normal approximation with tie and continuity correction. */
  readonly method: 'exact' | 'normal';
  readonly alternative: Alternative;
  readonly nFocal: number;
  readonly nReference: number;
  /** R's `W`: Σ focal ranks − n_focal(n_focal + 1)/2 = #(focal > reference) + ½·#(ties). */
  readonly W: number;
  /** Normal score (normal method only). */
  readonly z?: number;
  readonly p: number;
  readonly hodgesLehmann: Outcome<HodgesLehmann>;
}

/** The formula reported with every Mann–Whitney test. */
export const MANN_WHITNEY_FORMULA =
  'mann_whitney_u: W = sum of focal ranks in the pooled sample - n_focal (n_focal + 1) / 2 (R wilcox.test W); ' +
  'p exact from the rank-sum distribution when both n < 50 and no ties, else normal approximation ' +
  'with tie correction and continuity correction 0.5';

/**
 * Mann–Whitney U test (Wilcoxon rank-sum), R's `wilcox.test(x = focal, y = reference)`, with the
 * Hodges–Lehmann shift and interval of `conf.int = TRUE`. Missing values (NaN) are left out; each
 * group needs at least one value. When every value is tied the test is undefined and a reason is
 * given (R returns NaN).
 */
export function mannWhitney(focal: Sample, reference: Sample, options: MannWhitneyOptions = {}): Outcome<MannWhitney> {
  const { alternative = 'two.sided', confLevel = 0.95 } = options;
  checkConfLevel(confLevel);
  const pair = presentPair(focal, reference);
  if (!('x' in pair)) return pair;
  const { x, y } = pair;
  const nx = x.length;
  const ny = y.length;
  const labels = `groups "${focal.label}" and "${reference.label}"`;
  const { w, z, sigma, ties } = rankSumScore(x, y, alternative, true);
  const exact = nx < 50 && ny < 50 && !ties;
  const common = { test: 'mann_whitney_u', formula: MANN_WHITNEY_FORMULA, alternative, nFocal: nx, nReference: ny, W: w } as const;
  if (exact) {
    let p: number;
    if (alternative === 'two.sided') {
      const half = w > (nx * ny) / 2 ? pWilcox(w - 1, nx, ny, false) : pWilcox(w, nx, ny);
      p = Math.min(2 * half, 1);
    } else if (alternative === 'greater') {
      p = pWilcox(w - 1, nx, ny, false);
    } else {
      p = pWilcox(w, nx, ny);
    }
    const hodgesLehmann = hodgesLehmannShift(x, y, true, alternative, confLevel, labels);
    return { ok: true, ...common, method: 'exact', p, hodgesLehmann };
  }
  if (sigma === 0) return unavailable(`all values of ${labels} are tied, so the rank test is undefined`);
  const p =
    alternative === 'less' ? normalCdf(z) : alternative === 'greater' ? normalCdf(z, false) : 2 * Math.min(normalCdf(z), normalCdf(z, false));
  const hodgesLehmann = hodgesLehmannShift(x, y, false, alternative, confLevel, labels);
  return { ok: true, ...common, method: 'normal', z, p, hodgesLehmann };
}
