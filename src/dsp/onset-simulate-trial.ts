import { ParameterError } from '../errors.js';
import { butterSos } from './butter-sos.js';
import { msToSamples } from './ms-to-samples.js';
import type { OnsetPrng } from './onset-prng.js';
import { sosFilt } from './sos-filt.js';
import { sosFiltFilt } from './sos-filtfilt.js';

/**
 * One simulated EMG trial with a known onset (the model behind `npm run bench:onset` and the
 * detector tests; docs/onset.md "Simulation model").
 *
 *   x(t) = a(t)·e(t) + n(t) + h(t) + d(t) + c
 *
 * - `e(t)` EMG source: white Gaussian noise through a Butterworth band-pass of order 2 (SciPy's N)
 *   with corners `emgBandHz`, applied causally.
 * - `a(t)` burst envelope: zero before the onset, a raised-cosine rise over `riseMs`, a plateau of
 *   `plateauMs`, a raised-cosine fall over `fallMs`, zero after. The true onset is the first sample
 *   where a(t) > 0; the true offset the first sample after the fall where a(t) = 0 again.
 * - `n(t)` baseline noise: white Gaussian.
 * - `h(t)` mains hum: a sinusoid at `mainsHz` plus its 3rd harmonic at 0.3 of its amplitude, random
 *   phases, carrying `humFraction` of the baseline noise power (n + h) after the conditioning band-pass.
 * - `d(t)` drift: one sinusoid of 0.1–0.5 Hz; `c` a DC offset. Both lie below the band-pass.
 *
 * SNR (dB) = 10·log10(P_burst / P_noise), both measured after the conditioning band-pass
 * (`conditioningBandHz`, Butterworth order 4, zero-phase): P_burst is the power of e(t) scaled to
 * the plateau amplitude, P_noise the power of n(t) + h(t) over the whole trial. The burst is scaled
 * so that this ratio equals `snrDb` exactly in each trial. `snrDb: null` gives a noise-only trial.
 */
export interface SimulateTrialParams {
  fsHz: number;
  durationMs: number;
  /** True onset, ms from the first sample. */
  onsetMs: number;
  riseMs: number;
  plateauMs: number;
  fallMs: number;
  /** Burst-to-noise power ratio in dB after the conditioning band-pass; null: no burst. */
  snrDb: number | null;
  emgBandHz: [number, number];
  conditioningBandHz: [number, number];
  /** Share of the baseline noise power (after band-pass) that is mains hum, 0 … <1. */
  humFraction: number;
  mainsHz: number;
  /** RMS of the baseline noise n(t) + h(t) after band-pass, in the signal's unit. */
  noiseRms: number;
}

export interface SimulatedTrial {
  /** The raw signal (before any conditioning). */
  x: Float64Array;
  /** Index of the true onset (first sample with a(t) > 0); −1 for a noise-only trial. */
  onsetIndex: number;
  /** Index of the true offset (first sample after the fall with a(t) = 0); −1 for a noise-only trial. */
  offsetIndex: number;
  /** Plateau RMS of the burst component after band-pass (0 for a noise-only trial). */
  burstRms: number;
}

/** Simulates one trial; see {@link SimulateTrialParams} for the model. `prng` is advanced. */
export function simulateOnsetTrial(p: SimulateTrialParams, prng: OnsetPrng): SimulatedTrial {
  const n = msToSamples(p.durationMs, p.fsHz);
  if (n < 64) throw new ParameterError(`simulated trial of ${p.durationMs} ms is too short at ${p.fsHz} Hz (needs at least 64 samples)`);
  if (!(p.humFraction >= 0 && p.humFraction < 1)) throw new ParameterError(`hum fraction ${p.humFraction} must be in [0, 1)`);
  const bandpass = butterSos({ order: 4, type: 'bandpass', cutoffHz: p.conditioningBandHz, fsHz: p.fsHz });
  const power = (y: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i] * y[i];
    return s / y.length;
  };

  // Baseline noise and hum, scaled so that their band-passed power has the asked shares.
  const white = new Float64Array(n);
  for (let i = 0; i < n; i++) white[i] = prng.normal();
  const noisePower = p.noiseRms * p.noiseRms;
  const whiteScale = Math.sqrt((noisePower * (1 - p.humFraction)) / power(sosFiltFilt(bandpass, white)));
  const hum = new Float64Array(n);
  if (p.humFraction > 0) {
    const ph1 = prng.between(0, 2 * Math.PI);
    const ph3 = prng.between(0, 2 * Math.PI);
    for (let i = 0; i < n; i++) {
      const t = i / p.fsHz;
      hum[i] = Math.sin(2 * Math.PI * p.mainsHz * t + ph1) + 0.3 * Math.sin(2 * Math.PI * 3 * p.mainsHz * t + ph3);
    }
    const humScale = Math.sqrt((noisePower * p.humFraction) / power(sosFiltFilt(bandpass, hum)));
    for (let i = 0; i < n; i++) hum[i] *= humScale;
  }

  // Drift and offset.
  const driftHz = prng.between(0.1, 0.5);
  const driftPhase = prng.between(0, 2 * Math.PI);
  const driftAmp = 5 * p.noiseRms * prng.uniform();
  const offset = 20 * p.noiseRms * (prng.uniform() - 0.5);

  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = whiteScale * white[i] + hum[i] + driftAmp * Math.sin(2 * Math.PI * driftHz * (i / p.fsHz) + driftPhase) + offset;
  }
  if (p.snrDb === null) return { x, onsetIndex: -1, offsetIndex: -1, burstRms: 0 };

  // EMG source, scaled to unit band-passed power, then shaped by the burst envelope.
  const source = new Float64Array(n);
  for (let i = 0; i < n; i++) source[i] = prng.normal();
  const e = sosFilt(butterSos({ order: 2, type: 'bandpass', cutoffHz: p.emgBandHz, fsHz: p.fsHz }), source);
  const eScale = 1 / Math.sqrt(power(sosFiltFilt(bandpass, e)));
  const burstRms = Math.sqrt(noisePower * 10 ** (p.snrDb / 10));
  const onsetIndex = msToSamples(p.onsetMs, p.fsHz);
  const rise = msToSamples(p.riseMs, p.fsHz);
  const plateau = msToSamples(p.plateauMs, p.fsHz);
  const fall = msToSamples(p.fallMs, p.fsHz);
  const offsetIndex = onsetIndex + rise + plateau + fall;
  if (onsetIndex < 1 || offsetIndex >= n) {
    throw new ParameterError(`simulated burst from ${p.onsetMs} ms to ${(offsetIndex * 1000) / p.fsHz} ms does not fit in a ${p.durationMs} ms trial`);
  }
  for (let i = onsetIndex; i < offsetIndex; i++) {
    const k = i - onsetIndex;
    let a: number;
    if (k < rise) a = 0.5 * (1 - Math.cos((Math.PI * (k + 1)) / (rise + 1)));
    else if (k < rise + plateau) a = 1;
    else a = 0.5 * (1 + Math.cos((Math.PI * (k - rise - plateau + 1)) / (fall + 1)));
    x[i] += burstRms * eScale * a * e[i];
  }
  return { x, onsetIndex, offsetIndex, burstRms };
}
