import { ParameterError } from '../errors.js';
import type { Alternative, Outcome } from './result.js';
import { type StandardizedDifference, standardizedDifference } from './standardized-difference.js';
import { type GroupMoments, type TTest, tTestFromMoments } from './t-test-from-moments.js';

/** A group as a paper reports it: mean, SD (denominator n − 1) and size. */
export interface SummaryGroup {
  readonly label: string;
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** Focal − reference comparison computed from published summary statistics. */
export interface SummaryComparison {
  /** mean_focal − mean_reference, in the unit of the means. */
  readonly meanDifference: number;
  /** Welch t-test with the CI of the mean difference. */
  readonly welch: Outcome<TTest>;
  /** Hedges' g (pooled SD, exact J) with its non-central t interval. */
  readonly hedgesG: Outcome<StandardizedDifference>;
}

function moments(g: SummaryGroup): GroupMoments {
  if (!Number.isFinite(g.mean)) throw new ParameterError(`group "${g.label}": mean ${g.mean} is not a finite number`);
  if (!(g.sd >= 0) || !Number.isFinite(g.sd)) throw new ParameterError(`group "${g.label}": SD ${g.sd} must be a finite number >= 0`);
  if (!Number.isInteger(g.n) || g.n < 1) throw new ParameterError(`group "${g.label}": n ${g.n} must be a whole number >= 1`);
  return { label: g.label, n: g.n, mean: g.mean, variance: g.sd * g.sd };
}

/**
 * Mean difference, Welch t-test and Hedges' g with interval from per-group mean, SD and n, so a
 * result can be set beside a paper's: the same arithmetic as {@link tTestFromMoments} (R's
 * `t.test`) and {@link standardizedDifference} (effectsize's `hedges_g`), fed with the published
 * moments instead of raw data.
 */
export function compareFromSummary(
  focal: SummaryGroup,
  reference: SummaryGroup,
  options: { readonly alternative?: Alternative; readonly confLevel?: number } = {},
): SummaryComparison {
  const f = moments(focal);
  const r = moments(reference);
  return {
    meanDifference: f.mean - r.mean,
    welch: tTestFromMoments(f, r, { variant: 'welch', ...options }),
    hedgesG: standardizedDifference(f, r, 'hedges_g', options),
  };
}
