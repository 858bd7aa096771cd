/**
 * Powerline interference: a mains fundamental with harmonics, fixed phases.
 */
import { RECORDING } from './model.js';
import type { Prng } from './prng.js';
import { sumOfSines } from './sum-of-sines.js';

/** Hum of peak amplitude `fundamentalUv` at `mainsHz`, with the harmonics of `RECORDING.humHarmonics` at random phases. */
export function powerlineHum(rng: Prng, lengthSamples: number, fsHz: number, mainsHz: number, fundamentalUv: number): Float64Array {
  const parts = [{ multiple: 1, relative: 1 }, ...RECORDING.humHarmonics].map((h) => ({
    omega: (2 * Math.PI * mainsHz * h.multiple) / fsHz,
    amplitude: fundamentalUv * h.relative,
    phase: rng.range(0, 2 * Math.PI),
  }));
  return sumOfSines(parts, lengthSamples);
}
