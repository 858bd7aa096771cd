import type { OnsetWindows } from './onset-types.js';

/** Mean and sample standard deviation of a baseline. */
export interface BaselineStats {
  mean: number;
  /** Standard deviation with n − 1 in the denominator (R `sd`, NumPy `std(ddof=1)`). */
  sd: number;
}

/**
 * Mean and SD (n − 1) of `y` over the baseline of `w`: `[baselineStart, baselineEnd)` and any
 * `extraBaseline` stretches, all shifted by −`offset` (for a `y` that starts at sample `offset` of the
 * signal the windows index). Welford's one-pass recurrence. Needs at least two samples (callers check
 * windows with `checkOnsetWindows`). `y` is not modified.
 */
export function onsetBaselineStats(y: Float64Array, w: OnsetWindows, offset = 0): BaselineStats {
  let mean = 0;
  let m2 = 0;
  let k = 0;
  for (const [start, end] of [[w.baselineStart, w.baselineEnd] as const, ...(w.extraBaseline ?? [])]) {
    for (let i = start - offset; i < end - offset; i++) {
      k++;
      const d = y[i] - mean;
      mean += d / k;
      m2 += d * (y[i] - mean);
    }
  }
  return { mean, sd: k > 1 ? Math.sqrt(m2 / (k - 1)) : 0 };
}
