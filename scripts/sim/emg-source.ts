/**
 * The stochastic EMG source: unit-RMS Gaussian noise with a surface-EMG power spectrum.
 */
import { butterworthSections, filterSections, firstOrderHighpass, firstOrderLowpass, noisePowerGain, type IirSection } from './iir-sections.js';
import { EMG_SPECTRUM } from './model.js';
import type { Prng } from './prng.js';

/** Samples run through the filters and thrown away first, so the output starts stationary. */
const WARM_UP_SAMPLES = 4000;
const IMPULSE_RESPONSE_SAMPLES = 16_384;

/**
 * Filter cascade of the source spectrum: the Shwedyk et al. (1977) shape
 * `H(s) = s ωh² / ((s + ωl)(s + ωh)²)` (one first-order high-pass at `lowCornerHz`, two
 * first-order low-passes at `highCornerHz`), then the 20–450 Hz Butterworth band limit.
 */
export function emgSourceSections(fsHz: number, highCornerHz: number): IirSection[] {
  return [
    firstOrderHighpass(EMG_SPECTRUM.lowCornerHz, fsHz),
    firstOrderLowpass(highCornerHz, fsHz),
    firstOrderLowpass(highCornerHz, fsHz),
    ...butterworthSections('highpass', EMG_SPECTRUM.bandHighpassOrder, EMG_SPECTRUM.bandHighpassHz, fsHz),
    ...butterworthSections('lowpass', EMG_SPECTRUM.bandLowpassOrder, EMG_SPECTRUM.bandLowpassHz, fsHz),
  ];
}

/**
 * `lengthSamples` of band-limited Gaussian noise scaled to unit RMS (in expectation), drawn from `rng`.
 */
export function emgSource(rng: Prng, lengthSamples: number, fsHz: number, highCornerHz: number): Float64Array {
  const sections = emgSourceSections(fsHz, highCornerHz);
  const scale = 1 / Math.sqrt(noisePowerGain(sections, IMPULSE_RESPONSE_SAMPLES));
  const white = new Float64Array(lengthSamples + WARM_UP_SAMPLES);
  for (let i = 0; i < white.length; i++) white[i] = rng.normal() * scale;
  return filterSections(sections, white).slice(WARM_UP_SAMPLES);
}
