import type { Outcome } from './result.js';
import type { Sample } from './sample.js';
import { type EffectSizeOptions, type StandardizedDifference, standardizedDifference } from './standardized-difference.js';
import { groupMoments } from './t-test.js';

/**
 * Glass's delta, (mean focal − mean reference) / SD of the reference group, and its interval —
 * effectsize's `glass_delta(x = focal, y = reference)`. Missing values are left out.
 */
export function glassDelta(focal: Sample, reference: Sample, options: EffectSizeOptions = {}): Outcome<StandardizedDifference> {
  return standardizedDifference(groupMoments(focal), groupMoments(reference), 'glass_delta', options);
}
