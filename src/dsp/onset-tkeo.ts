import { ParameterError } from '../errors.js';
import { lowpassEnvelope } from './lowpass-envelope.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { checkOnsetWindows } from './onset-check-windows.js';
import { onsetSegment } from './onset-segment.js';
import { thresholdRuns } from './onset-threshold-runs.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';
import { teagerKaiser } from './teager-kaiser.js';

/** Parameters of {@link tkeoOnsets}; defaults in `onset-defaults.ts`. */
export interface TkeoParams {
  fsHz: number;
  /** Low-pass corner applied to the rectified TKEO output, Hz. */
  envelopeCutoffHz: number;
  /** Butterworth order of that low-pass (SciPy's N), zero-phase. */
  envelopeOrder: number;
  /** Threshold = baseline mean + `thresholdSd` · baseline SD of the conditioned TKEO signal. */
  thresholdSd: number;
  minAboveMs: number;
  minBelowMs: number;
  marginMs: number;
}

/**
 * Teager–Kaiser-conditioned threshold detector (Li, Zhou & Aruin 2007; Solnik et al. 2010): the
 * band-passed signal `x` goes through the Teager–Kaiser energy operator ψ[n] = x[n]² − x[n−1]·x[n+1],
 * is full-wave rectified and low-passed (Butterworth, zero-phase); onsets and offsets are then found
 * as in Hodges & Bui, with a threshold of baseline mean + `thresholdSd`·SD and minimum durations.
 * Baseline statistics are in the unit of `x` squared.
 *
 * Li X, Zhou P, Aruin AS (2007) Teager–Kaiser energy operation of surface EMG improves muscle
 * activity onset detection. Ann Biomed Eng 35:1532–1538.
 * Solnik S, Rider P, Steinweg K, DeVita P, Hortobágyi T (2010) Teager–Kaiser energy operator signal
 * conditioning improves EMG onset detection. Eur J Appl Physiol 110:489–498.
 */
export function tkeoOnsets(x: Float64Array, w: OnsetWindows, p: TkeoParams): OnsetDetection {
  checkOnsetWindows(w, x.length);
  if (!(p.thresholdSd >= 0)) throw new ParameterError(`threshold ${p.thresholdSd} SD must be zero or more`);
  const seg = onsetSegment(w, x.length, msToSamples(p.marginMs, p.fsHz));
  const psi = teagerKaiser(x.subarray(seg.start, seg.end));
  for (let i = 0; i < psi.length; i++) psi[i] = Math.abs(psi[i]);
  const env = lowpassEnvelope(psi, { fsHz: p.fsHz, cutoffHz: p.envelopeCutoffHz, order: p.envelopeOrder });
  const o = seg.start;
  const { mean, sd } = onsetBaselineStats(env, w, o);
  const threshold = mean + p.thresholdSd * sd;
  const runs = thresholdRuns(env, threshold, w.searchStart - o, w.searchEnd - o, w.offsetEnd - o, msToSamples(p.minAboveMs, p.fsHz), msToSamples(p.minBelowMs, p.fsHz));
  return { onsets: runs.onsets.map((i) => i + o), offsets: runs.offsets.map((i) => i + o), baselineMean: mean, baselineSd: sd, threshold };
}
