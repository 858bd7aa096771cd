import { ParameterError } from '../errors.js';
import { lowpassEnvelope } from './lowpass-envelope.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { checkOnsetWindows } from './onset-check-windows.js';
import { onsetSegment } from './onset-segment.js';
import { thresholdRuns } from './onset-threshold-runs.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/** Parameters of the envelope-threshold detectors (Hodges–Bui, Teager–Kaiser; risefit's detection). */
export interface EnvelopeDetectorParams {
  fsHz: number;
  /** Low-pass corner of the envelope of the detection signal, Hz. */
  envelopeCutoffHz: number;
  /** Butterworth order of that low-pass (SciPy's N), applied zero-phase. */
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
 * An envelope-threshold detector: `detectionSignal` turns the trial's stretch of `x` (the windows
 * plus the margin) into a non-negative detection signal, which is low-passed (Butterworth,
 * zero-phase) into an envelope and passed to {@link envelopeThresholdOnsets}.
 */
export function envelopeDetect(
  x: Float64Array,
  w: OnsetWindows,
  p: EnvelopeDetectorParams,
  detectionSignal: (stretch: Float64Array) => Float64Array,
): OnsetDetection {
  checkOnsetWindows(w, x.length);
  if (!(p.thresholdSd >= 0)) throw new ParameterError(`threshold ${p.thresholdSd} SD must be zero or more`);
  const seg = onsetSegment(w, x.length, msToSamples(p.marginMs, p.fsHz));
  const env = lowpassEnvelope(detectionSignal(x.subarray(seg.start, seg.end)), { fsHz: p.fsHz, cutoffHz: p.envelopeCutoffHz, order: p.envelopeOrder });
  return envelopeThresholdOnsets(env, seg.start, w, p);
}

/**
 * The Hodges & Bui rule on a detection signal `env` that starts at sample `offset` of the trial's
 * signal: threshold = baseline mean + `thresholdSd`·SD; an onset is the first sample of at least
 * `minAboveMs` above it, an offset the first of `minBelowMs` at or below it. Shared by the
 * envelope (Hodges–Bui) and Teager–Kaiser detectors, which differ only in how `env` is made.
 * Returned indices are on the trial signal's clock.
 */
export function envelopeThresholdOnsets(
  env: Float64Array,
  offset: number,
  w: OnsetWindows,
  p: { fsHz: number; thresholdSd: number; minAboveMs: number; minBelowMs: number },
): OnsetDetection {
  const { mean, sd } = onsetBaselineStats(env, w, offset);
  const threshold = mean + p.thresholdSd * sd;
  const runs = thresholdRuns(
    env,
    threshold,
    w.searchStart - offset,
    w.searchEnd - offset,
    w.offsetEnd - offset,
    msToSamples(p.minAboveMs, p.fsHz),
    msToSamples(p.minBelowMs, p.fsHz),
  );
  return { onsets: runs.onsets.map((i) => i + offset), offsets: runs.offsets.map((i) => i + offset), baselineMean: mean, baselineSd: sd, threshold };
}
