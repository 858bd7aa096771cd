/**
 * Slow baseline wander (electrode potentials, movement of the cables): a few low-frequency sinusoids.
 */
import { RECORDING } from './model.js';
import type { Prng } from './prng.js';
import { sumOfSines } from './sum-of-sines.js';

/** Sum of `RECORDING.driftComponents` sinusoids with random frequency, amplitude and phase, in µV. */
export function baselineDrift(rng: Prng, lengthSamples: number, fsHz: number): Float64Array {
  const parts = Array.from({ length: RECORDING.driftComponents }, () => ({
    omega: (2 * Math.PI * rng.range(...RECORDING.driftFrequencyHz)) / fsHz,
    amplitude: rng.range(...RECORDING.driftAmplitudeUv),
    phase: rng.range(0, 2 * Math.PI),
  }));
  return sumOfSines(parts, lengthSamples);
}
