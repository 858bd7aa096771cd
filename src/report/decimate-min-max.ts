/** A trace reduced for drawing: sample times (s) and values. */
export interface DecimatedTrace {
  timeS: number[];
  values: number[];
}

/**
 * Min–max decimation of a trace for display: the samples are cut into `buckets` runs and each run
 * contributes its smallest and largest value, in time order, so spikes and the signal's envelope
 * survive at a fraction of the points. With no more than 2·`buckets` samples every sample is kept.
 * Times are `startS + i / fsHz`. Non-finite samples are skipped. `x` is not modified.
 */
export function decimateMinMax(x: Float64Array, fsHz: number, startS: number, buckets: number): DecimatedTrace {
  const timeS: number[] = [];
  const values: number[] = [];
  const push = (i: number) => {
    if (!Number.isFinite(x[i])) return;
    timeS.push(startS + i / fsHz);
    values.push(x[i]);
  };
  if (x.length <= 2 * buckets) {
    for (let i = 0; i < x.length; i++) push(i);
    return { timeS, values };
  }
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * x.length) / buckets);
    const to = Math.floor(((b + 1) * x.length) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = from; i < to; i++) {
      if (!Number.isFinite(x[i])) continue;
      if (lo < 0 || x[i] < x[lo]) lo = i;
      if (hi < 0 || x[i] > x[hi]) hi = i;
    }
    if (lo < 0) continue;
    if (lo === hi) push(lo);
    else if (lo < hi) {
      push(lo);
      push(hi);
    } else {
      push(hi);
      push(lo);
    }
  }
  return { timeS, values };
}
