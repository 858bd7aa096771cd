import { averageRanks } from './average-ranks.js';
import { normalCdf } from './distributions.js';
import { pairedDifferences } from './paired-differences.js';
import type { Alternative, Outcome } from './result.js';
import { unavailable } from './result.js';
import type { Sample } from './sample.js';
import { pSignRank } from './signed-rank-distribution.js';

/** Wilcoxon signed-rank test of the differences first − second. */
export interface WilcoxonSignedRank {
  readonly test: 'wilcoxon_signed_rank';
  readonly formula: string;
  /** `exact`: R's `psignrank` (n < 50, no ties, no zero differences); `normal`: normal approximation with tie and continuity correction. */
  readonly method: 'exact' | 'normal';
  readonly alternative: Alternative;
  /** Complete pairs. */
  readonly nPairs: number;
  /** Non-zero differences, the n of the test (zeros are dropped as R does). */
  readonly nNonZero: number;
  /** R's `V`: sum of the ranks of |d| over the positive differences. */
  readonly V: number;
  /** Normal score (normal method only). */
  readonly z?: number;
  readonly p: number;
}

/** The formula reported with every signed-rank test. */
export const SIGNED_RANK_FORMULA =
  'wilcoxon_signed_rank: V = sum of ranks of |d| over d > 0, d = first - second, zero differences dropped (R wilcox.test V, paired = TRUE); ' +
  'p exact from the signed-rank distribution when n < 50 with no ties and no zeros, else normal approximation ' +
  'with tie correction and continuity correction 0.5';

/**
 * Wilcoxon signed-rank test, R's `wilcox.test(x = first, y = second, paired = TRUE)`: exact p when
 * fewer than 50 non-zero differences with no ties and no zeros, otherwise the normal approximation
 * with tie and continuity correction. When every difference is zero a reason is given (R: NaN).
 */
export function wilcoxonSignedRank(
  first: Sample,
  second: Sample,
  options: { readonly alternative?: Alternative } = {},
): Outcome<WilcoxonSignedRank> {
  const { alternative = 'two.sided' } = options;
  const { d: all } = pairedDifferences(first, second);
  const nPairs = all.length;
  if (nPairs === 0) return unavailable(`"${first.label}" and "${second.label}" have no complete pairs`);
  const d = all.filter((v) => v !== 0);
  const zeroes = d.length !== nPairs;
  const n = d.length;
  if (n === 0) return unavailable(`every difference "${first.label}" - "${second.label}" is zero, so the signed-rank test is undefined`);
  const { ranks, tieSizes } = averageRanks(d.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) v += ranks[i];
  const ties = tieSizes.length !== n;
  const common = { test: 'wilcoxon_signed_rank', formula: SIGNED_RANK_FORMULA, alternative, nPairs, nNonZero: n, V: v } as const;
  if (n < 50 && !ties && !zeroes) {
    let p: number;
    if (alternative === 'two.sided') {
      const half = v > (n * (n + 1)) / 4 ? pSignRank(v - 1, n, false) : pSignRank(v, n);
      p = Math.min(2 * half, 1);
    } else if (alternative === 'greater') {
      p = pSignRank(v - 1, n, false);
    } else {
      p = pSignRank(v, n);
    }
    return { ok: true, ...common, method: 'exact', p };
  }
  const centred = v - (n * (n + 1)) / 4;
  let tieTerm = 0;
  for (const t of tieSizes) tieTerm += t ** 3 - t;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const correction = alternative === 'two.sided' ? Math.sign(centred) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  const z = (centred - correction) / sigma;
  const p =
    alternative === 'less' ? normalCdf(z) : alternative === 'greater' ? normalCdf(z, false) : 2 * Math.min(normalCdf(z), normalCdf(z, false));
  return { ok: true, ...common, method: 'normal', z, p };
}
