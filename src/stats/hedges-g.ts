import type { Outcome } from './result.js';
import type { Sample } from './sample.js';
import { type EffectSizeOptions, type StandardizedDifference, standardizedDifference } from './standardized-difference.js';
import { groupMoments } from './t-test.js';

/**
 * Hedges' g (Cohen's d with the exact gamma-function correction J, df = n1 + n2 − 2) of focal
 * minus reference, and its interval (the d interval times J) — effectsize's
 * `hedges_g(x = focal, y = reference)` with defaults. Missing values are left out.
 */
export function hedgesG(focal: Sample, reference: Sample, options: EffectSizeOptions = {}): Outcome<StandardizedDifference> {
  return standardizedDifference(groupMoments(focal), groupMoments(reference), 'hedges_g', options);
}
