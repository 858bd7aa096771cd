import { ParameterError } from '../errors.js';
import { checkSpectrum } from './check-spectrum.js';

/**
 * Median frequency of a power spectrum in Hz: the frequency at which the cumulative power reaches
 * half of the total.
 *
 * With Cₖ = P₀ + … + Pₖ and T = C_{last}, let k be the first bin with Cₖ ≥ T/2. For k = 0 the result
 * is f₀; otherwise it is linearly interpolated between the bin frequencies,
 * f_{k−1} + (T/2 − C_{k−1}) / Pₖ · (fₖ − f_{k−1}), i.e. the power of bin k is taken as spread evenly
 * between f_{k−1} and fₖ. A spectrum with zero total power is an error.
 */
export function medianFrequency(freqsHz: Float64Array, psd: Float64Array): number {
  checkSpectrum(freqsHz, psd);
  let total = 0;
  for (let k = 0; k < psd.length; k++) total += psd[k];
  if (!(total > 0)) throw new ParameterError('power spectrum has zero total power: its median frequency is undefined');
  const half = total / 2;
  let cum = psd[0];
  if (cum >= half) return freqsHz[0];
  for (let k = 1; k < psd.length; k++) {
    const next = cum + psd[k];
    if (next >= half) return freqsHz[k - 1] + ((half - cum) / psd[k]) * (freqsHz[k] - freqsHz[k - 1]);
    cum = next;
  }
  return freqsHz[psd.length - 1]; // reached only through rounding in the running sum
}
