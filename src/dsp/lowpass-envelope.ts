import { butterSos } from './butter-sos.js';
import { sosFiltFilt } from './sos-filtfilt.js';

/** Parameters of {@link lowpassEnvelope}. */
export interface LowpassEnvelopeParams {
  /** Sample rate in Hz. */
  fsHz: number;
  /** Low-pass corner frequency in Hz (0 < cutoffHz < fsHz / 2). */
  cutoffHz: number;
  /** Butterworth order, SciPy's N (the zero-phase result has twice the attenuation slope). */
  order: number;
}

/**
 * Linear envelope of a rectified EMG signal: a Butterworth low-pass applied zero-phase, as
 * `scipy.signal.sosfiltfilt(scipy.signal.butter(order, cutoffHz, 'lowpass', fs=fsHz, output='sos'), x)`.
 * Pass the rectified signal (`rectify`). The signal must be longer than the filter's pad length
 * (3·(2·sections + 1) samples minus the sections' shared zeros). `x` is not modified.
 */
export function lowpassEnvelope(x: Float64Array, { fsHz, cutoffHz, order }: LowpassEnvelopeParams): Float64Array {
  return sosFiltFilt(butterSos({ order, type: 'lowpass', cutoffHz, fsHz }), x);
}
