import { ParameterError } from '../errors.js';
import { msToSamples } from '../dsp/ms-to-samples.js';
import { linearSlope, type LinearSlopeOutcome } from '../stats/linear-slope.js';
import { windowSpectrum, type SpectrumParams } from './activation-spectrum.js';

/** Parameters of {@link medianFrequencySlope}. */
export interface FatigueParams extends SpectrumParams {
  /** Length of each consecutive, non-overlapping epoch, ms. */
  fatigueWindowMs: number;
  /** Confidence level of the slope's interval. */
  confLevel: number;
}

/** One epoch of the fatigue analysis; times in s from the first sample of the analysed stretch. */
export interface FatigueEpoch {
  startS: number;
  /** Mean time of the epoch's samples, (first + last) / 2. */
  centreS: number;
  meanFrequencyHz: number;
  medianFrequencyHz: number;
}

/**
 * The slope of median frequency over time. `pctPerS` expresses slope and interval in percent of
 * the fitted median frequency at the start of the stretch (the intercept, t = 0) per second.
 */
export interface FatigueSlope {
  epochs: FatigueEpoch[];
  epochSamples: number;
  /** Least-squares fit of median frequency (Hz) on epoch centre time (s); slope in Hz/s. */
  fit: LinearSlopeOutcome;
  pctPerS: { slope: number; ciLower: number; ciUpper: number } | null;
}

/**
 * Spectral fatigue of one band-passed (not rectified) stretch `x`: split into consecutive
 * non-overlapping epochs of `fatigueWindowMs` (a last, shorter remainder is not used), the mean and
 * median frequency of each (`windowSpectrum`), and the least-squares slope of median frequency on
 * epoch centre time with its t-based CI (`linearSlope`, R `lm`/`confint`).
 *
 * @throws ParameterError when the epoch is under 2 samples or shorter than the Welch segment.
 */
export function medianFrequencySlope(x: Float64Array, fsHz: number, p: FatigueParams): FatigueSlope {
  const w = msToSamples(p.fatigueWindowMs, fsHz);
  if (w < 2) throw new ParameterError(`--fatigue-window-ms ${p.fatigueWindowMs} ms is ${w} samples at ${fsHz} Hz; at least 2 are needed`);
  const count = Math.floor(x.length / w);
  const epochs: FatigueEpoch[] = [];
  for (let i = 0; i < count; i++) {
    const s = windowSpectrum(x.subarray(i * w, (i + 1) * w), fsHz, p);
    epochs.push({
      startS: (i * w) / fsHz,
      centreS: (i * w + (w - 1) / 2) / fsHz,
      meanFrequencyHz: s.meanFrequencyHz,
      medianFrequencyHz: s.medianFrequencyHz,
    });
  }
  const fit = linearSlope(
    epochs.map((e) => e.centreS),
    epochs.map((e) => e.medianFrequencyHz),
    { confLevel: p.confLevel },
  );
  const pctPerS =
    fit.ok && fit.intercept > 0
      ? { slope: (fit.slope / fit.intercept) * 100, ciLower: (fit.ciLower / fit.intercept) * 100, ciUpper: (fit.ciUpper / fit.intercept) * 100 }
      : null;
  return { epochs, epochSamples: w, fit, pctPerS };
}
