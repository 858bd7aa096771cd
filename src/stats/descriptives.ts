import { mean } from './mean.js';
import { quantileType7 } from './quantile-type7.js';
import { type Outcome, unavailable } from './result.js';
import { missingCount, presentValues, type Sample } from './sample.js';
import { variance } from './variance.js';

/** A spread statistic that needs at least 2 values: the value, or the reason it is missing. */
export type Spread = Outcome<{ readonly value: number }>;

/** Per-group descriptive statistics, in the unit of the input values. */
export interface Descriptives {
  readonly label: string;
  /** Number of non-missing values. */
  readonly n: number;
  /** Number of missing (`NaN`) values. */
  readonly missing: number;
  /** R `mean(x)`. */
  readonly mean: number;
  /** R `sd(x)`, denominator n − 1; unavailable for n < 2. */
  readonly sd: Spread;
  /** Standard error of the mean, `sd / sqrt(n)`; unavailable for n < 2. */
  readonly se: Spread;
  /** R `median(x)`. */
  readonly median: number;
  /** First quartile, R `quantile(x, 0.25, type = 7)`. */
  readonly q1: number;
  /** Third quartile, R `quantile(x, 0.75, type = 7)`. */
  readonly q3: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Descriptive statistics of one group: n, missing count, mean, SD, SE, median, quartiles
 * (R type 7), min and max. Missing values (`NaN`) are counted and left out. A group with no
 * values gives a reason instead; SD and SE of a single value give a reason each.
 */
export function describe(sample: Sample): Outcome<Descriptives> {
  const x = presentValues(sample);
  const missing = missingCount(sample);
  const n = x.length;
  if (n === 0) return unavailable(`group "${sample.label}" has no values`);
  const sorted = x.slice().sort();
  const tooFew = unavailable(`group "${sample.label}" has fewer than 2 values`);
  let sd: Spread = tooFew;
  let se: Spread = tooFew;
  if (n >= 2) {
    const s = Math.sqrt(variance(x));
    sd = { ok: true, value: s };
    se = { ok: true, value: s / Math.sqrt(n) };
  }
  const half = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[half] : mean([sorted[half - 1], sorted[half]]);
  return {
    ok: true,
    label: sample.label,
    n,
    missing,
    mean: mean(x),
    sd,
    se,
    median,
    q1: quantileType7(sorted, 0.25),
    q3: quantileType7(sorted, 0.75),
    min: sorted[0],
    max: sorted[n - 1],
  };
}
