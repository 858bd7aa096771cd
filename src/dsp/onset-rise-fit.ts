import { ParameterError } from '../errors.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import type { EnvelopeDetectorParams } from './onset-envelope-threshold.js';
import { hodgesBuiOnsets } from './onset-hodges-bui.js';
import { riseOnsetPosterior, type RisePosteriorParams } from './onset-rise-posterior.js';
import { onsetSegment } from './onset-segment.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/**
 * Parameters of {@link riseFitOnsets}; defaults RISE_FIT in `onset-defaults.ts`. The envelope
 * fields are those of the detection (a Hodges & Bui envelope of the rectified signal).
 */
export interface RiseFitParams extends Omit<RisePosteriorParams, 'maxRiseMs'>, EnvelopeDetectorParams {
  /** Longest rise (onset fit) and fall (offset fit) considered, ms. */
  maxRiseMs: number;
  maxFallMs: number;
  /** Step of the fall-time grid of the offset fit, ms. */
  fallStepMs: number;
}

/**
 * The default detector (`risefit`): bursts are detected on a slow linear envelope of the band-passed
 * signal `x` (rectified, Butterworth low-pass, zero-phase; threshold baseline mean + k·SD held for a
 * minimum time, as Hodges & Bui), then each onset is placed by the likelihood fit of a raised-cosine
 * rise to `x` itself ({@link riseOnsetPosterior}) and each offset by the same fit on the
 * time-reversed signal. Baseline statistics are those of the detection envelope (unit of `x`).
 */
export function riseFitOnsets(x: Float64Array, w: OnsetWindows, p: RiseFitParams): OnsetDetection {
  if (p.stepPrior !== null && !(p.stepPrior >= 0 && p.stepPrior <= 1)) throw new ParameterError(`step prior ${p.stepPrior} must be between 0 and 1`);
  // Detection: the Hodges & Bui rule on the slow envelope (it also checks the windows).
  const det = hodgesBuiOnsets(x, w, p);
  const o = onsetSegment(w, x.length, msToSamples(p.marginMs, p.fsHz)).start;

  const xs = onsetBaselineStats(x, w);
  const variance = xs.sd * xs.sd;
  const riseParams: RisePosteriorParams = { ...p, maxRiseMs: p.maxRiseMs };
  // Offsets weigh every fall time alike (abrupt included): a prior on falls has no measurement behind it.
  const fallParams: RisePosteriorParams = { ...p, maxRiseMs: p.maxFallMs, riseStepMs: p.fallStepMs, stepPrior: null };
  const onsets: number[] = [];
  const offsets: number[] = [];
  // The reversed stretch for the offset fits: z[j] = x[end − 1 − j].
  const end = Math.min(x.length, w.offsetEnd);
  let reversed: Float64Array | null = null;
  for (let b = 0; b < det.onsets.length; b++) {
    const detOn = det.onsets[b];
    const lower = Math.max(w.searchStart, b > 0 ? offsets[b - 1] : w.searchStart);
    const upper = b < det.offsets.length ? det.offsets[b] : end;
    onsets.push(Math.max(lower, Math.min(riseOnsetPosterior(x, xs.mean, variance, detOn, lower, upper, riseParams), w.searchEnd - 1)));
    if (b < det.offsets.length) {
      if (reversed === null) {
        reversed = new Float64Array(end - o);
        for (let j = 0; j < reversed.length; j++) reversed[j] = x[end - 1 - j];
      }
      const detOff = det.offsets[b];
      const nextOn = b + 1 < det.onsets.length ? det.onsets[b + 1] : end;
      // In reversed time an offset at sample s is an onset at end − s; the fall cannot pass this burst's onset.
      const j = riseOnsetPosterior(reversed, xs.mean, variance, end - detOff, end - nextOn, end - onsets[b], fallParams);
      offsets.push(Math.max(onsets[b] + 1, Math.min(end - j, end)));
    }
  }
  return { onsets, offsets, baselineMean: det.baselineMean, baselineSd: det.baselineSd, threshold: det.threshold };
}
