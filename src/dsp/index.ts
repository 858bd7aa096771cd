/** Signal conditioning and spectra: pure functions on Float64Array, matching SciPy 1.10. */
export { msToSamples, samplesToMs } from './ms-to-samples.js';
export { nextPow2, isPow2 } from './next-pow2.js';
export { realFft, type RealSpectrum } from './fft.js';
export { welch, type WelchParams, type WelchResult } from './welch.js';
export { meanFrequency } from './mean-frequency.js';
export { medianFrequency } from './median-frequency.js';
