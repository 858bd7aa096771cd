/** Mean and sample standard deviation of a baseline segment. */
export interface BaselineStats {
  mean: number;
  /** Standard deviation with n − 1 in the denominator (R `sd`, NumPy `std(ddof=1)`). */
  sd: number;
}

/**
 * Mean and SD (n − 1) of `y[start … end−1]`, by Welford's one-pass recurrence. Needs at least
 * two samples (callers check windows with `checkOnsetWindows`). `y` is not modified.
 */
export function onsetBaselineStats(y: Float64Array, start: number, end: number): BaselineStats {
  let mean = 0;
  let m2 = 0;
  let k = 0;
  for (let i = start; i < end; i++) {
    k++;
    const d = y[i] - mean;
    mean += d / k;
    m2 += d * (y[i] - mean);
  }
  return { mean, sd: k > 1 ? Math.sqrt(m2 / (k - 1)) : 0 };
}
