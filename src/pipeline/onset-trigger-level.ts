/** Trigger level and hysteresis derived from the trigger signal itself. */
export interface AutoTrigger {
  level: number;
  hysteresis: number;
  /** The 1st and 99th percentiles the level was taken from (R `quantile` type 7). */
  lowPercentile: number;
  highPercentile: number;
}

function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * A trigger level midway between the 1st and 99th percentiles of `x` (robust to a few spikes) and
 * a hysteresis of 10 % of that range, for trigger and movement channels whose levels the user did
 * not give. `x` is not modified.
 */
export function autoTriggerLevel(x: Float64Array): AutoTrigger {
  const sorted = Float64Array.from(x).sort();
  const lowPercentile = quantile7(sorted, 0.01);
  const highPercentile = quantile7(sorted, 0.99);
  return { level: (lowPercentile + highPercentile) / 2, hysteresis: 0.1 * (highPercentile - lowPercentile), lowPercentile, highPercentile };
}
