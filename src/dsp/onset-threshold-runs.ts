/** Onsets and offsets of the runs of a detection signal above a threshold. */
export interface ThresholdRuns {
  onsets: number[];
  offsets: number[];
}

/**
 * Burst boundaries from a detection signal `y` and a `threshold`:
 *
 * - an onset is the first sample of a run of at least `minOnSamples` consecutive samples above
 *   the threshold (`y > threshold`) that starts in `[searchStart, searchEnd)`; a run already under
 *   way at `searchStart` gives an onset at `searchStart`;
 * - the offset of that burst is the first sample of the next run of at least `minOffSamples`
 *   consecutive samples at or below the threshold, looked for up to `offsetEnd` (exclusive);
 * - the next onset is looked for after that offset.
 *
 * A run cut short by `offsetEnd` (or the end of `y`) does not count. Onsets and offsets are
 * returned in separate ascending lists; the last burst has no offset when `y` had not fallen back
 * by `offsetEnd`. `y` is not modified.
 */
export function thresholdRuns(
  y: Float64Array,
  threshold: number,
  searchStart: number,
  searchEnd: number,
  offsetEnd: number,
  minOnSamples: number,
  minOffSamples: number,
): ThresholdRuns {
  const onsets: number[] = [];
  const offsets: number[] = [];
  const end = Math.min(offsetEnd, y.length);
  const minOn = Math.max(1, minOnSamples);
  const minOff = Math.max(1, minOffSamples);
  let i = searchStart;
  while (i < searchEnd) {
    // Find a run above threshold of at least minOn samples starting before searchEnd.
    let start = -1;
    let run = 0;
    for (; i < end; i++) {
      if (y[i] > threshold) {
        if (run === 0) {
          if (i >= searchEnd) break;
          start = i;
        }
        run++;
        if (run >= minOn) break;
      } else {
        run = 0;
      }
    }
    if (run < minOn) break;
    onsets.push(start);
    // Find the offset: a run at or below threshold of at least minOff samples.
    let below = 0;
    let offStart = -1;
    for (i = start + minOn; i < end; i++) {
      if (y[i] <= threshold) {
        if (below === 0) offStart = i;
        below++;
        if (below >= minOff) break;
      } else {
        below = 0;
      }
    }
    if (below < minOff) break;
    offsets.push(offStart);
    i = offStart + minOff;
  }
  return { onsets, offsets };
}
