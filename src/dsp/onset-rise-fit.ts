import { ParameterError } from '../errors.js';
import { lowpassEnvelope } from './lowpass-envelope.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { checkOnsetWindows } from './onset-check-windows.js';
import { riseOnsetPosterior, type RisePosteriorParams } from './onset-rise-posterior.js';
import { onsetSegment } from './onset-segment.js';
import { thresholdRuns } from './onset-threshold-runs.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/** Parameters of {@link riseFitOnsets}; defaults RISE_FIT in `onset-defaults.ts`. */
export interface RiseFitParams extends Omit<RisePosteriorParams, 'maxRiseMs'> {
  /** Detection envelope: low-pass corner (Hz) and Butterworth order of the rectified signal. */
  envelopeCutoffHz: number;
  envelopeOrder: number;
  /** Detection threshold = baseline mean + `thresholdSd` · SD of the detection envelope. */
  thresholdSd: number;
  minAboveMs: number;
  minBelowMs: number;
  /** Longest rise (onset fit) and fall (offset fit) considered, ms. */
  maxRiseMs: number;
  maxFallMs: number;
  /** Step of the fall-time grid of the offset fit, ms. */
  fallStepMs: number;
  marginMs: number;
}

/**
 * The default detector (`risefit`): bursts are detected on a slow linear envelope of the band-passed
 * signal `x` (rectified, Butterworth low-pass, zero-phase; threshold baseline mean + k·SD held for a
 * minimum time, as Hodges & Bui), then each onset is placed by the likelihood fit of a raised-cosine
 * rise to `x` itself ({@link riseOnsetPosterior}) and each offset by the same fit on the
 * time-reversed signal. Baseline statistics are those of the detection envelope (unit of `x`).
 */
export function riseFitOnsets(x: Float64Array, w: OnsetWindows, p: RiseFitParams): OnsetDetection {
  checkOnsetWindows(w, x.length);
  if (!(p.thresholdSd >= 0)) throw new ParameterError(`threshold ${p.thresholdSd} SD must be zero or more`);
  const fs = p.fsHz;
  const seg = onsetSegment(w, x.length, msToSamples(p.marginMs, fs));
  const o = seg.start;
  const rectified = new Float64Array(seg.end - seg.start);
  for (let i = 0; i < rectified.length; i++) rectified[i] = Math.abs(x[o + i]);
  const env = lowpassEnvelope(rectified, { fsHz: fs, cutoffHz: p.envelopeCutoffHz, order: p.envelopeOrder });
  const envStats = onsetBaselineStats(env, w, o);
  if (!(p.stepPrior >= 0 && p.stepPrior <= 1)) throw new ParameterError(`step prior ${p.stepPrior} must be between 0 and 1`);
  const threshold = envStats.mean + p.thresholdSd * envStats.sd;
  const runs = thresholdRuns(env, threshold, w.searchStart - o, w.searchEnd - o, w.offsetEnd - o, msToSamples(p.minAboveMs, fs), msToSamples(p.minBelowMs, fs));

  const xs = onsetBaselineStats(x, w);
  const variance = xs.sd * xs.sd;
  const riseParams: RisePosteriorParams = { ...p, maxRiseMs: p.maxRiseMs };
  // Offsets weigh every fall time alike (abrupt included): a prior on falls has no measurement behind it.
  const fallCount = Math.floor(p.maxFallMs / p.fallStepMs + 1e-9) + 1;
  const fallParams: RisePosteriorParams = { ...p, maxRiseMs: p.maxFallMs, riseStepMs: p.fallStepMs, stepPrior: 1 / fallCount };
  const onsets: number[] = [];
  const offsets: number[] = [];
  // The reversed stretch for the offset fits: z[j] = x[end − 1 − j].
  const end = Math.min(x.length, w.offsetEnd);
  let reversed: Float64Array | null = null;
  for (let b = 0; b < runs.onsets.length; b++) {
    const detOn = runs.onsets[b] + o;
    const lower = Math.max(w.searchStart, b > 0 ? offsets[b - 1] : w.searchStart);
    const upper = b < runs.offsets.length ? runs.offsets[b] + o : end;
    onsets.push(Math.max(lower, Math.min(riseOnsetPosterior(x, xs.mean, variance, detOn, lower, upper, riseParams), w.searchEnd - 1)));
    if (b < runs.offsets.length) {
      if (reversed === null) {
        reversed = new Float64Array(end - o);
        for (let j = 0; j < reversed.length; j++) reversed[j] = x[end - 1 - j];
      }
      const detOff = runs.offsets[b] + o;
      const nextOn = b + 1 < runs.onsets.length ? runs.onsets[b + 1] + o : end;
      // In reversed time an offset at sample s is an onset at end − s; the fall cannot pass this burst's onset.
      const j = riseOnsetPosterior(reversed, xs.mean, variance, end - detOff, end - nextOn, end - onsets[b], fallParams);
      offsets.push(Math.max(onsets[b] + 1, Math.min(end - j, end)));
    }
  }
  return { onsets, offsets, baselineMean: envStats.mean, baselineSd: envStats.sd, threshold };
}
