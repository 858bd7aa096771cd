import { lowpassEnvelope } from './lowpass-envelope.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { checkOnsetWindows } from './onset-check-windows.js';
import { onsetSegment } from './onset-segment.js';
import { thresholdRuns } from './onset-threshold-runs.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';
import { ParameterError } from '../errors.js';

/** Parameters of {@link hodgesBuiOnsets}; defaults in `onset-defaults.ts`. */
export interface HodgesBuiParams {
  fsHz: number;
  /** Low-pass corner of the linear envelope, Hz. */
  envelopeCutoffHz: number;
  /** Butterworth order of the envelope low-pass (SciPy's N), applied zero-phase. */
  envelopeOrder: number;
  /** Threshold = baseline mean + `thresholdSd` · baseline SD of the envelope. */
  thresholdSd: number;
  /** The envelope must stay above threshold this long for an onset, ms. */
  minAboveMs: number;
  /** … and below it this long for an offset, ms. */
  minBelowMs: number;
  /** Conditioning margin around the windows, ms (see `onsetSegment`). */
  marginMs: number;
}

/**
 * Hodges & Bui (1996) threshold detector: the band-passed signal `x` is full-wave rectified and
 * low-passed (Butterworth, zero-phase) into a linear envelope; the onset is the first sample of the
 * first run of at least `minAboveMs` above `mean + thresholdSd·SD` of the envelope over the
 * baseline window; the offset the first sample of the next run of `minBelowMs` at or below it.
 * Baseline statistics are in the unit of `x`.
 *
 * Hodges PW, Bui BH (1996) A comparison of computer-based methods for the determination of onset
 * of muscle contraction using electromyography. Electroencephalogr Clin Neurophysiol 101:511–519.
 */
export function hodgesBuiOnsets(x: Float64Array, w: OnsetWindows, p: HodgesBuiParams): OnsetDetection {
  checkOnsetWindows(w, x.length);
  if (!(p.thresholdSd >= 0)) throw new ParameterError(`threshold ${p.thresholdSd} SD must be zero or more`);
  const seg = onsetSegment(w, x.length, msToSamples(p.marginMs, p.fsHz));
  const rectified = new Float64Array(seg.end - seg.start);
  for (let i = 0; i < rectified.length; i++) rectified[i] = Math.abs(x[seg.start + i]);
  const env = lowpassEnvelope(rectified, { fsHz: p.fsHz, cutoffHz: p.envelopeCutoffHz, order: p.envelopeOrder });
  const o = seg.start;
  const { mean, sd } = onsetBaselineStats(env, w, o);
  const threshold = mean + p.thresholdSd * sd;
  const runs = thresholdRuns(env, threshold, w.searchStart - o, w.searchEnd - o, w.offsetEnd - o, msToSamples(p.minAboveMs, p.fsHz), msToSamples(p.minBelowMs, p.fsHz));
  return { onsets: runs.onsets.map((i) => i + o), offsets: runs.offsets.map((i) => i + o), baselineMean: mean, baselineSd: sd, threshold };
}
