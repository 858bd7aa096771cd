import { ParameterError } from '../errors.js';

/** Checks that a spectrum has matching, non-empty frequency and power arrays with power ≥ 0. */
export function checkSpectrum(freqsHz: Float64Array, psd: Float64Array): void {
  if (freqsHz.length !== psd.length) {
    throw new ParameterError(
      `spectrum has ${freqsHz.length} frequencies but ${psd.length} power values: they must be the same length`,
    );
  }
  if (psd.length === 0) throw new ParameterError('spectrum is empty: it must have at least 1 bin');
  for (let k = 0; k < psd.length; k++) {
    if (!(psd[k] >= 0) || !Number.isFinite(psd[k])) {
      throw new ParameterError(`spectrum power ${psd[k]} at ${freqsHz[k]} Hz must be a finite number ≥ 0`);
    }
  }
}
