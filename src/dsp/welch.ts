import { ParameterError } from '../errors.js';
import { realFft } from './fft.js';
import { isPow2, nextPow2 } from './next-pow2.js';

/** Parameters of {@link welch}. All lengths are sample counts. */
export interface WelchParams {
  /** Sample rate in Hz. */
  fsHz: number;
  /** Samples per segment (SciPy's `nperseg`), 1 … signal length. */
  segmentLength: number;
  /** Samples shared by consecutive segments (SciPy's `noverlap`), 0 … segmentLength − 1. */
  overlap: number;
  /** Segment window; only the periodic Hann window (`scipy.signal.get_window('hann', n)`). */
  window: 'hann';
  /** `'constant'` subtracts each segment's mean before windowing; `false` does nothing. */
  detrend: 'constant' | false;
  /** `'density'`: power spectral density in unit²/Hz. */
  scaling: 'density';
  /**
   * FFT length in samples (SciPy's `nfft`), a power of two ≥ segmentLength. Each windowed segment
   * is zero-padded to this length. Default: segmentLength when that is a power of two, else
   * `nextPow2(segmentLength)`.
   */
  nfft?: number;
}

/** One-sided power spectral density. */
export interface WelchResult {
  /** Bin frequencies in Hz, `k·fsHz/nfft` for k = 0 … nfft/2. */
  freqsHz: Float64Array;
  /** Power spectral density in (signal unit)²/Hz, one value per frequency. */
  psd: Float64Array;
  /** The FFT length used, in samples. */
  nfft: number;
  /** Number of segments averaged. */
  segmentCount: number;
}

/**
 * Welch's averaged-periodogram power spectral density, one-sided, matching
 * `scipy.signal.welch(x, fs=fsHz, window='hann', nperseg=segmentLength, noverlap=overlap,
 * nfft=nfft, detrend=detrend, return_onesided=True, scaling='density', average='mean')`.
 *
 * Segments start every `segmentLength − overlap` samples; samples after the last whole segment are
 * not used (SciPy's `padded=False`). Each segment is detrended, multiplied by the periodic Hann
 * window, zero-padded to `nfft` (so a segment length that is not a power of two is transformed at
 * the next power of two, exactly as SciPy does when given that `nfft`), and its periodogram is
 * scaled by 1/(fsHz·Σw²); all bins except DC and (for even nfft) Nyquist are doubled.
 *
 * Unlike SciPy, a segment longer than the signal is an error rather than a warning.
 * `x` is not modified.
 */
export function welch(x: Float64Array, p: WelchParams): WelchResult {
  const { fsHz, segmentLength, overlap } = p;
  if (!(fsHz > 0) || !Number.isFinite(fsHz)) {
    throw new ParameterError(`sample rate ${fsHz} Hz must be a positive number`);
  }
  if (!Number.isInteger(segmentLength) || segmentLength < 1) {
    throw new ParameterError(`Welch segment length ${segmentLength} samples must be a positive integer`);
  }
  if (segmentLength > x.length) {
    throw new ParameterError(
      `Welch segment length ${segmentLength} samples must be at most the signal length ${x.length} samples`,
    );
  }
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= segmentLength) {
    throw new ParameterError(
      `Welch overlap ${overlap} samples must be an integer from 0 to ${segmentLength - 1} samples (segment length − 1)`,
    );
  }
  const nfft = p.nfft ?? (isPow2(segmentLength) ? segmentLength : nextPow2(segmentLength));
  if (!isPow2(nfft) || nfft < segmentLength) {
    throw new ParameterError(
      `Welch FFT length ${nfft} samples must be a power of two of at least the segment length ${segmentLength} samples`,
    );
  }

  const win = hannPeriodic(segmentLength);
  let winEnergy = 0;
  for (let i = 0; i < segmentLength; i++) winEnergy += win[i] * win[i];
  const scale = 1 / (fsHz * winEnergy);

  const step = segmentLength - overlap;
  const segmentCount = Math.floor((x.length - overlap) / step);
  const bins = (nfft >>> 1) + 1;
  const acc = new Float64Array(bins);
  const seg = new Float64Array(segmentLength);
  for (let s = 0; s < segmentCount; s++) {
    const start = s * step;
    let mean = 0;
    if (p.detrend === 'constant') {
      for (let i = 0; i < segmentLength; i++) mean += x[start + i];
      mean /= segmentLength;
    }
    for (let i = 0; i < segmentLength; i++) seg[i] = win[i] * (x[start + i] - mean);
    const { re, im } = realFft(seg, nfft);
    for (let k = 0; k < bins; k++) acc[k] += (re[k] * re[k] + im[k] * im[k]) * scale;
  }

  const psd = new Float64Array(bins);
  const lastDoubled = nfft % 2 === 0 ? bins - 1 : bins; // exclusive: Nyquist bin is not doubled
  for (let k = 0; k < bins; k++) {
    const v = acc[k] / segmentCount;
    psd[k] = k >= 1 && k < lastDoubled ? 2 * v : v;
  }
  const freqsHz = new Float64Array(bins);
  const df = 1 / (nfft * (1 / fsHz));
  for (let k = 0; k < bins; k++) freqsHz[k] = k * df;
  return { freqsHz, psd, nfft, segmentCount };
}

/** Periodic Hann window of `n` samples, as `scipy.signal.get_window('hann', n)`. */
function hannPeriodic(n: number): Float64Array {
  const w = new Float64Array(n);
  const step = (2 * Math.PI) / n;
  for (let i = 0; i < n; i++) w[i] = 0.5 + 0.5 * Math.cos(i * step - Math.PI);
  return w;
}
