import type { Outcome } from './result.js';
import type { Sample } from './sample.js';
import { type EffectSizeOptions, type StandardizedDifference, standardizedDifference } from './standardized-difference.js';
import { groupMoments } from './t-test.js';

/**
 * Cohen's d of focal minus reference with the pooled SD, and its non-central t interval —
 * effectsize's `cohens_d(x = focal, y = reference)` with defaults. Missing values are left out.
 */
export function cohensD(focal: Sample, reference: Sample, options: EffectSizeOptions = {}): Outcome<StandardizedDifference> {
  return standardizedDifference(groupMoments(focal), groupMoments(reference), 'cohens_d', options);
}
