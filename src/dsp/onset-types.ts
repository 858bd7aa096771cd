/**
 * Where a detector looks, as sample indices into the conditioned signal. Windows are half-open,
 * `[start, end)`. Onsets are searched for in the search window; each burst's offset may lie up to
 * `offsetEnd` (the end of the trial's segment, usually after the search window).
 */
export interface OnsetWindows {
  baselineStart: number;
  baselineEnd: number;
  searchStart: number;
  searchEnd: number;
  offsetEnd: number;
  /**
   * More stretches `[start, end)` whose samples join the baseline window's in the baseline statistics
   * (a whole recording scanned without trials pools several quiet windows).
   */
  extraBaseline?: readonly (readonly [number, number])[];
}

/**
 * What a detector found. `onsets` and `offsets` are separate ascending lists of sample indices into
 * the signal that was passed in: the k-th offset closes the k-th burst, and the last burst has no
 * offset when activity had not returned below threshold by `offsetEnd` (then `offsets` is one
 * shorter than `onsets`). The baseline statistics and threshold are those of the detector's own
 * detection signal (see each detector for its unit).
 */
export interface OnsetDetection {
  onsets: number[];
  offsets: number[];
  /** Mean of the detection signal over the baseline window. */
  baselineMean: number;
  /** Standard deviation (n − 1) of the detection signal over the baseline window. */
  baselineSd: number;
  /** Threshold the detection signal had to exceed, in the detection signal's unit. */
  threshold: number;
}
