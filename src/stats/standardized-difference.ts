import { checkConfLevel } from './check-level.js';
import { logGamma } from './distributions.js';
import { nonCentralTInterval } from './noncentral-t-interval.js';
import type { Alternative, ConfidenceInterval, Outcome } from './result.js';
import { unavailable } from './result.js';
import type { GroupMoments } from './t-test-from-moments.js';

/** Which standardiser: pooled SD (`cohens_d`), pooled SD with exact small-sample correction (`hedges_g`), reference SD (`glass_delta`). */
export type StandardizedMeasure = 'cohens_d' | 'hedges_g' | 'glass_delta';

/** Options of the standardised differences. */
export interface EffectSizeOptions {
  /** Default 0.95. */
  readonly confLevel?: number;
  /** Default `two.sided`; a one-sided alternative gives a one-sided interval. */
  readonly alternative?: Alternative;
}

/** A standardised mean difference, focal minus reference, in SD units. */
export interface StandardizedDifference {
  readonly measure: StandardizedMeasure;
  readonly formula: string;
  readonly value: number;
  readonly ci: ConfidenceInterval;
  readonly ciMethod: string;
  /** Degrees of freedom of the standardiser (and of the t inverted for the interval). */
  readonly df: number;
}

/** The formula reported with each standardised difference. */
export const FORMULAS: Record<StandardizedMeasure, string> = {
  cohens_d:
    'cohens_d: (mean_focal - mean_reference) / s_pooled, s_pooled = sqrt(((n_focal-1) s_focal^2 + (n_reference-1) s_reference^2) / (n_focal + n_reference - 2)) ' +
    '(effectsize::cohens_d, pooled_sd = TRUE)',
  hedges_g:
    'hedges_g: J * cohens_d, J = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)), df = n_focal + n_reference - 2 ' +
    '(exact correction, effectsize::hedges_g)',
  glass_delta: 'glass_delta: (mean_focal - mean_reference) / s_reference (effectsize::glass_delta)',
};
const CI_METHODS: Record<StandardizedMeasure, string> = {
  cohens_d: 'noncentral t inversion: ncp bounds of t = d / sqrt(1/n_focal + 1/n_reference), df = n_focal + n_reference - 2, times sqrt(1/n_focal + 1/n_reference)',
  hedges_g: 'noncentral t inversion as for cohens_d, bounds times J',
  glass_delta:
    'noncentral t inversion: ncp bounds of t = delta / sqrt(h), h = 1/n_reference + s_focal^2 / (n_focal s_reference^2), df = n_reference - 1, times sqrt(h)',
};

/** Hedges' exact small-sample correction J(df) = Γ(df/2) / (√(df/2)·Γ((df − 1)/2)), as effectsize computes it. */
export function hedgesCorrection(df: number): number {
  return Math.exp(logGamma(df / 2) - Math.log(Math.sqrt(df / 2)) - logGamma((df - 1) / 2));
}

/**
 * Cohen's d, Hedges' g or Glass's delta of focal minus reference from group moments, with the
 * confidence interval effectsize gives (`cohens_d`, `hedges_g`, `glass_delta` with defaults:
 * pooled SD, exact correction, "ncp" interval). Each group needs at least 2 values and the
 * standardiser must be positive.
 */
export function standardizedDifference(
  focal: GroupMoments,
  reference: GroupMoments,
  measure: StandardizedMeasure,
  options: EffectSizeOptions = {},
): Outcome<StandardizedDifference> {
  const { confLevel = 0.95, alternative = 'two.sided' } = options;
  checkConfLevel(confLevel);
  for (const g of [focal, reference]) {
    if (g.n < 2) return unavailable(`group "${g.label}" has fewer than 2 values`);
  }
  const n1 = focal.n;
  const n2 = reference.n;
  const d = focal.mean - reference.mean;
  let s: number;
  let h: number;
  let df: number;
  if (measure === 'glass_delta') {
    s = Math.sqrt(reference.variance);
    h = 1 / n2 + focal.variance / (n1 * reference.variance);
    df = n2 - 1;
    if (!(s > 0)) return unavailable(`group "${reference.label}" has no variance, so Glass's delta is undefined`);
  } else {
    df = n1 + n2 - 2;
    s = Math.sqrt(((n1 - 1) * focal.variance + (n2 - 1) * reference.variance) / df);
    h = 1 / n1 + 1 / n2;
    if (!(s > 0)) {
      return unavailable(`groups "${focal.label}" and "${reference.label}" both have no variance, so the pooled SD is 0`);
    }
  }
  const se = s * Math.sqrt(h);
  const interval = nonCentralTInterval(d / se, df, confLevel, alternative);
  if (!interval.ok) return interval;
  const j = measure === 'hedges_g' ? hedgesCorrection(df) : 1;
  const scale = Math.sqrt(h) * j;
  return {
    ok: true,
    measure,
    formula: FORMULAS[measure],
    value: (d / s) * j,
    ci: { lower: interval.lower * scale, upper: interval.upper * scale, level: confLevel },
    ciMethod: CI_METHODS[measure],
    df,
  };
}
