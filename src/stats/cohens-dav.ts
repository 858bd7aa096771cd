import type { PlainEffect } from './cliffs-delta.js';
import { mean } from './mean.js';
import { pairedDifferences } from './paired-differences.js';
import type { Outcome } from './result.js';
import { unavailable } from './result.js';
import type { Sample } from './sample.js';
import { variance } from './variance.js';

/** The formula reported with every d_av. */
export const DAV_FORMULA = 'd_av: mean(first - second) / ((sd(first) + sd(second)) / 2) over complete pairs (Cumming 2012)';

/**
 * Cohen's d_av for paired data: the mean difference over the average of the two SDs (Cumming 2012;
 * Lakens 2013), comparable with a between-groups d. Point estimate only.
 */
export function cohensDav(first: Sample, second: Sample): Outcome<PlainEffect> {
  const { x, y, d } = pairedDifferences(first, second);
  if (d.length < 2) return unavailable(`"${first.label}" and "${second.label}" have fewer than 2 complete pairs`);
  const s = (Math.sqrt(variance(x)) + Math.sqrt(variance(y))) / 2;
  if (!(s > 0)) return unavailable(`"${first.label}" and "${second.label}" both have no variance, so d_av is undefined`);
  return { ok: true, measure: 'd_av', formula: DAV_FORMULA, value: mean(d) / s };
}
