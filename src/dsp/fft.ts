/**
 * The one adapter around the `fft.js` package.
 *
 * fft.js only accepts power-of-two sizes greater than 1 and works on interleaved complex arrays
 * (`[re0, im0, re1, im1, …]`); its real transform fills only the first half of the spectrum.
 * Everything else in myoscope calls {@link realFft} and never sees those traps.
 */
import FFT from 'fft.js';
import { ParameterError } from '../errors.js';
import { isPow2 } from './next-pow2.js';

/** One-sided spectrum of a real signal: bins 0 … nfft/2 (both ends included). */
export interface RealSpectrum {
  /** Real parts, length nfft/2 + 1. */
  re: Float64Array;
  /** Imaginary parts, length nfft/2 + 1. */
  im: Float64Array;
}

const plans = new Map<number, FFT>();

function plan(nfft: number): FFT {
  let p = plans.get(nfft);
  if (p === undefined) {
    p = new FFT(nfft);
    plans.set(nfft, p);
  }
  return p;
}

/**
 * Discrete Fourier transform of a real signal, one-sided, as `numpy.fft.rfft(x, n=nfft)`:
 * X[k] = Σₙ x[n]·exp(−2πi·k·n/nfft) for k = 0 … nfft/2, with no normalisation.
 *
 * `x` shorter than `nfft` is zero-padded at the end. `nfft` must be a power of two (≥ 1) and at
 * least `x.length`; unlike numpy, a longer `x` is an error rather than silently truncated.
 * `x` is not modified.
 */
export function realFft(x: Float64Array, nfft: number): RealSpectrum {
  if (!isPow2(nfft)) {
    throw new ParameterError(`FFT length ${nfft} samples must be a power of two`);
  }
  if (x.length > nfft) {
    throw new ParameterError(`FFT input of ${x.length} samples is longer than the FFT length ${nfft} samples`);
  }
  const half = nfft >>> 1;
  const re = new Float64Array(half + 1);
  const im = new Float64Array(half + 1);
  if (nfft === 1) {
    re[0] = x.length > 0 ? x[0] : 0;
    return { re, im };
  }
  let input: Float64Array = x;
  if (x.length < nfft) {
    input = new Float64Array(nfft);
    input.set(x);
  }
  const out = new Float64Array(2 * nfft);
  plan(nfft).realTransform(out, input);
  for (let k = 0; k <= half; k++) {
    re[k] = out[2 * k];
    im[k] = out[2 * k + 1];
  }
  return { re, im };
}
