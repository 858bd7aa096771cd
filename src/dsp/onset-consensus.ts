/** The consensus of several detectors' onsets in one trial. */
export interface OnsetConsensus {
  /** Median of the onsets that were found (mean of the middle two for an even count); null when fewer than the quorum were. */
  onset: number | null;
  /** Latest minus earliest onset found, in the unit of the inputs; null when fewer than two were found. */
  spread: number | null;
  /** How many detectors found an onset. */
  found: number;
  /** True when the spread exceeds `disagreeLimit`, or when some detectors found an onset and others did not. */
  disagree: boolean;
}

/**
 * Consensus of onsets from several detectors (`null` = that detector found none): the median
 * (R `median`) of those found, provided at least `quorum` detectors found one; the spread
 * (max − min); and whether they disagree, by more than `disagreeLimit` (same unit as the onsets) or
 * in whether there is an onset at all. With the default quorum of half the detectors (rounded up), a
 * single detector firing on noise does not make a consensus onset. Inputs are not modified.
 */
export function onsetConsensus(onsets: readonly (number | null)[], disagreeLimit: number, quorum = Math.ceil(onsets.length / 2)): OnsetConsensus {
  const found = onsets.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (found.length === 0) return { onset: null, spread: null, found: 0, disagree: false };
  const mid = found.length >> 1;
  const onset = found.length < quorum ? null : found.length % 2 === 1 ? found[mid] : (found[mid - 1] + found[mid]) / 2;
  const spread = found.length >= 2 ? found[found.length - 1] - found[0] : null;
  const disagree = (spread !== null && spread > disagreeLimit) || found.length < onsets.length;
  return { onset, spread, found: found.length, disagree };
}
