import { checkConfLevel } from './check-level.js';
import { mean } from './mean.js';
import { pairedDifferences } from './paired-differences.js';
import type { Alternative, ConfidenceInterval, Outcome } from './result.js';
import { unavailable } from './result.js';
import type { Sample } from './sample.js';
import { tInference } from './t-inference.js';
import { variance } from './variance.js';

/** Options of the paired tests. */
export interface PairedOptions {
  /** Default `two.sided`. */
  readonly alternative?: Alternative;
  /** Default 0.95. */
  readonly confLevel?: number;
}

/** Paired t-test of the differences first − second. */
export interface PairedTTest {
  readonly test: 'paired_t';
  readonly formula: string;
  readonly alternative: Alternative;
  /** Complete pairs used. */
  readonly nPairs: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
  /** Mean of first − second. */
  readonly meanDifference: number;
  readonly se: number;
  readonly ci: ConfidenceInterval;
}

/** The formula reported with every paired t-test. */
export const PAIRED_T_FORMULA = 'paired_t: t = mean(d) / (sd(d) / sqrt(n)), d = first - second over complete pairs, df = n - 1 (R t.test, paired = TRUE)';

/**
 * Paired t-test, R's `t.test(x = first, y = second, paired = TRUE)`: differences first − second
 * over complete pairs (a pair with a missing value is dropped). Needs 2 pairs and differences
 * that are not all equal (R: "data are essentially constant").
 */
export function pairedTTest(first: Sample, second: Sample, options: PairedOptions = {}): Outcome<PairedTTest> {
  const { alternative = 'two.sided', confLevel = 0.95 } = options;
  checkConfLevel(confLevel);
  const { d } = pairedDifferences(first, second);
  const n = d.length;
  if (n < 2) return unavailable(`"${first.label}" and "${second.label}" have fewer than 2 complete pairs`);
  const m = mean(d);
  const se = Math.sqrt(variance(d) / n);
  if (!(se >= 10 * Number.EPSILON * Math.abs(m)) || se === 0) {
    return unavailable(`the differences "${first.label}" - "${second.label}" are all equal, so t is undefined`);
  }
  const t = m / se;
  const df = n - 1;
  const { p, ci } = tInference(t, df, se, alternative, confLevel);
  return { ok: true, test: 'paired_t', formula: PAIRED_T_FORMULA, alternative, nPairs: n, t, df, p, meanDifference: m, se, ci };
}
