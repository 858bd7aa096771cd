import { ParameterError } from '../errors.js';
import { checkSpectrum } from './check-spectrum.js';

/**
 * Mean (centroid) frequency of a power spectrum in Hz: Σ fₖ·Pₖ / Σ Pₖ.
 *
 * `freqsHz` and `psd` are as returned by `welch` (same length, psd ≥ 0). A spectrum with zero
 * total power has no mean frequency and is an error.
 */
export function meanFrequency(freqsHz: Float64Array, psd: Float64Array): number {
  checkSpectrum(freqsHz, psd);
  let num = 0;
  let den = 0;
  for (let k = 0; k < psd.length; k++) {
    num += freqsHz[k] * psd[k];
    den += psd[k];
  }
  if (!(den > 0)) throw new ParameterError('power spectrum has zero total power: its mean frequency is undefined');
  return num / den;
}
