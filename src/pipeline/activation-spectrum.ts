import { ParameterError } from '../errors.js';
import { meanFrequency } from '../dsp/mean-frequency.js';
import { medianFrequency } from '../dsp/median-frequency.js';
import { msToSamples } from '../dsp/ms-to-samples.js';
import { welch } from '../dsp/welch.js';

/** Welch settings for the spectral measures: segment length in ms and overlap in percent of it. */
export interface SpectrumParams {
  segmentMs: number;
  overlapPct: number;
}

/** Mean and median frequency of one stretch of signal, with the Welch settings in samples. */
export interface WindowSpectrum {
  meanFrequencyHz: number;
  medianFrequencyHz: number;
  segmentLength: number;
  overlap: number;
  nfft: number;
  segmentCount: number;
}

/** Welch segment length and overlap in samples: `msToSamples(segmentMs)` and ⌊segment · overlapPct/100⌋. */
export function welchSamples(fsHz: number, p: SpectrumParams): { segmentLength: number; overlap: number } {
  if (!(p.overlapPct >= 0 && p.overlapPct < 100)) throw new ParameterError(`Welch overlap ${p.overlapPct} % must be from 0 to below 100 %`);
  const segmentLength = msToSamples(p.segmentMs, fsHz);
  if (segmentLength < 2) throw new ParameterError(`Welch segment ${p.segmentMs} ms is ${segmentLength} samples at ${fsHz} Hz; at least 2 are needed`);
  return { segmentLength, overlap: Math.floor((segmentLength * p.overlapPct) / 100) };
}

/**
 * Mean and median frequency (Hz) of `x`, a band-passed (not rectified) EMG stretch, from its
 * Welch PSD: periodic Hann window, constant detrend, segments zero-padded to the next power of two
 * (`welch`), as `scipy.signal.welch(x, fs, 'hann', nperseg, noverlap, nfft=next_pow2(nperseg),
 * detrend='constant')`; then `meanFrequency` and `medianFrequency` of the one-sided PSD.
 *
 * @throws ParameterError when the segment is longer than `x` (naming both in ms) or `x` has no power.
 */
export function windowSpectrum(x: Float64Array, fsHz: number, p: SpectrumParams): WindowSpectrum {
  const { segmentLength, overlap } = welchSamples(fsHz, p);
  if (segmentLength > x.length) {
    throw new ParameterError(
      `Welch segment ${p.segmentMs} ms (${segmentLength} samples) is longer than the ${(x.length * 1000) / fsHz} ms window (${x.length} samples at ${fsHz} Hz)`,
    );
  }
  const psd = welch(x, { fsHz, segmentLength, overlap, window: 'hann', detrend: 'constant', scaling: 'density' });
  return {
    meanFrequencyHz: meanFrequency(psd.freqsHz, psd.psd),
    medianFrequencyHz: medianFrequency(psd.freqsHz, psd.psd),
    segmentLength,
    overlap,
    nfft: psd.nfft,
    segmentCount: psd.segmentCount,
  };
}
