import { checkConfLevel } from './check-level.js';
import { mean } from './mean.js';
import { nonCentralTInterval } from './noncentral-t-interval.js';
import { pairedDifferences } from './paired-differences.js';
import type { Alternative, ConfidenceInterval, Outcome } from './result.js';
import { unavailable } from './result.js';
import type { Sample } from './sample.js';
import { variance } from './variance.js';

/** d_z with its interval. */
export interface CohensDz {
  readonly measure: 'd_z';
  readonly formula: string;
  readonly value: number;
  readonly ci: ConfidenceInterval;
  readonly ciMethod: string;
  readonly df: number;
}

/** The formula reported with every d_z. */
export const DZ_FORMULA = 'd_z: mean(d) / sd(d), d = first - second over complete pairs';
/** How the d_z interval is formed. */
export const DZ_CI_METHOD = 'noncentral t inversion: ncp bounds of t = mean(d) / (sd(d) / sqrt(n)), df = n - 1, divided by sqrt(n)';

/**
 * Cohen's d_z for paired data, the mean difference over the SD of the differences (= t/√n), with
 * the exact interval from the non-central t (ncp bounds divided by √n). Needs 2 complete pairs
 * and differences that are not all equal.
 */
export function cohensDz(
  first: Sample,
  second: Sample,
  options: { readonly confLevel?: number; readonly alternative?: Alternative } = {},
): Outcome<CohensDz> {
  const { confLevel = 0.95, alternative = 'two.sided' } = options;
  checkConfLevel(confLevel);
  const { d } = pairedDifferences(first, second);
  const n = d.length;
  if (n < 2) return unavailable(`"${first.label}" and "${second.label}" have fewer than 2 complete pairs`);
  const s = Math.sqrt(variance(d));
  if (!(s > 0)) return unavailable(`the differences "${first.label}" - "${second.label}" are all equal, so d_z is undefined`);
  const m = mean(d);
  const interval = nonCentralTInterval(m / (s / Math.sqrt(n)), n - 1, confLevel, alternative);
  if (!interval.ok) return interval;
  const root = Math.sqrt(n);
  return {
    ok: true,
    measure: 'd_z',
    formula: DZ_FORMULA,
    value: m / s,
    ci: { lower: interval.lower / root, upper: interval.upper / root, level: confLevel },
    ciMethod: DZ_CI_METHOD,
    df: n - 1,
  };
}
