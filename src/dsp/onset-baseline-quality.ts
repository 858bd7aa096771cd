/** RMS of a baseline window and how uneven it is. */
export interface BaselineQuality {
  /** RMS about the window mean, in the signal's unit. */
  rms: number;
  /** Largest over smallest RMS of the window's four quarters (1 for a steady baseline). */
  quarterRatio: number;
}

/**
 * RMS of `x[start … end−1]` about its mean, and the ratio of the largest to the smallest RMS of its
 * four consecutive quarters (each quarter about its own mean). A quarter with zero RMS gives an
 * infinite ratio only when another quarter is non-zero; a flat window gives 1. Needs at least four
 * samples (callers check the window). `x` is not modified.
 */
export function onsetBaselineQuality(x: Float64Array, start: number, end: number): BaselineQuality {
  const rmsOf = (a: number, b: number): number => {
    let m = 0;
    for (let i = a; i < b; i++) m += x[i];
    m /= b - a;
    let s = 0;
    for (let i = a; i < b; i++) s += (x[i] - m) ** 2;
    return Math.sqrt(s / (b - a));
  };
  const n = end - start;
  const q: number[] = [];
  for (let k = 0; k < 4; k++) q.push(rmsOf(start + Math.floor((k * n) / 4), start + Math.floor(((k + 1) * n) / 4)));
  const lo = Math.min(...q);
  const hi = Math.max(...q);
  return { rms: rmsOf(start, end), quarterRatio: hi === 0 ? 1 : hi / lo };
}
