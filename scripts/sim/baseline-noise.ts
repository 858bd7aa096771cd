/**
 * Amplifier and electrode noise: white Gaussian noise through the anti-alias low-pass.
 */
import { butterworthSections, filterSections, noisePowerGain } from './iir-sections.js';
import type { Prng } from './prng.js';

const WARM_UP_SAMPLES = 2000;

/** `lengthSamples` of Gaussian noise with RMS `rmsUv` (in expectation), low-passed (2nd order) at `lowpassHz`. */
export function baselineNoise(rng: Prng, lengthSamples: number, fsHz: number, rmsUv: number, lowpassHz: number): Float64Array {
  const sections = butterworthSections('lowpass', 2, lowpassHz, fsHz);
  const scale = rmsUv / Math.sqrt(noisePowerGain(sections, 8192));
  const white = new Float64Array(lengthSamples + WARM_UP_SAMPLES);
  for (let i = 0; i < white.length; i++) white[i] = rng.normal() * scale;
  return filterSections(sections, white).slice(WARM_UP_SAMPLES);
}
