import { ParameterError } from '../errors.js';
import { butterSos } from './butter-sos.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { checkOnsetWindows } from './onset-check-windows.js';
import { onsetSegment } from './onset-segment.js';
import { thresholdRuns } from './onset-threshold-runs.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';
import { sosFiltFilt } from './sos-filtfilt.js';

/** Parameters of {@link kinematicOnsets}; defaults KINEMATIC in `onset-defaults.ts`. */
export interface KinematicParams {
  fsHz: number;
  /** Low-pass corner (Hz) and Butterworth order (SciPy's N), zero-phase. */
  lowpassHz: number;
  order: number;
  /** Threshold ≥ `thresholdSd` · baseline SD of the low-passed signal … */
  thresholdSd: number;
  /** … and ≥ this fraction of the largest distance from the baseline mean in the search window. */
  excursionFraction: number;
  minAboveMs: number;
  marginMs: number;
}

/**
 * Movement onset in a position or angle signal `x` (goniometer, marker): `x` is low-passed
 * (Butterworth, zero-phase); the detection signal is its distance |y − m| from the baseline mean m;
 * the onset is the first sample of a run of at least `minAboveMs` where that distance exceeds
 * max(`thresholdSd`·SD, `excursionFraction`·peak distance in the search window). The offset is
 * the first sample back within that band for as long (the return to rest). Baseline statistics are
 * those of the low-passed signal, in its unit.
 */
export function kinematicOnsets(x: Float64Array, w: OnsetWindows, p: KinematicParams): OnsetDetection {
  checkOnsetWindows(w, x.length);
  if (!(p.excursionFraction > 0 && p.excursionFraction < 1)) {
    throw new ParameterError(`movement threshold fraction ${p.excursionFraction} must lie between 0 and 1`);
  }
  const seg = onsetSegment(w, x.length, msToSamples(p.marginMs, p.fsHz));
  const o = seg.start;
  const y = sosFiltFilt(butterSos({ order: p.order, type: 'lowpass', cutoffHz: p.lowpassHz, fsHz: p.fsHz }), x.subarray(seg.start, seg.end));
  const { mean, sd } = onsetBaselineStats(y, w, o);
  const distance = new Float64Array(y.length);
  let peak = 0;
  for (let i = 0; i < y.length; i++) {
    distance[i] = Math.abs(y[i] - mean);
    if (i >= w.searchStart - o && i < w.searchEnd - o && distance[i] > peak) peak = distance[i];
  }
  const threshold = Math.max(p.thresholdSd * sd, p.excursionFraction * peak);
  const min = msToSamples(p.minAboveMs, p.fsHz);
  const runs = thresholdRuns(distance, threshold, w.searchStart - o, w.searchEnd - o, w.offsetEnd - o, min, min);
  return { onsets: runs.onsets.map((i) => i + o), offsets: runs.offsets.map((i) => i + o), baselineMean: mean, baselineSd: sd, threshold };
}
