import { ParameterError } from '../errors.js';
import { butterZpk, type FilterBandType } from './butter-zpk.js';
import { zpk2sos } from './zpk2sos.js';

/** Largest Butterworth order accepted (SciPy's N). */
export const MAX_BUTTER_ORDER = 20;

/** Parameters of {@link butterSos}. */
export interface ButterParams {
  /** Filter order, SciPy's `N` (a band-pass or band-stop of order N has 2N poles), 1 … 20. */
  order: number;
  /** Band type, SciPy's `btype`. */
  type: FilterBandType;
  /** Corner frequency in Hz (low/high-pass), or `[lowHz, highHz]` (band-pass/stop). */
  cutoffHz: number | readonly [number, number];
  /** Sample rate in Hz. */
  fsHz: number;
}

const TYPE_LABEL: Record<FilterBandType, string> = {
  lowpass: 'low-pass',
  highpass: 'high-pass',
  bandpass: 'band-pass',
  bandstop: 'band-stop',
};

/**
 * Digital Butterworth filter as second-order sections, matching
 * `scipy.signal.butter(N=order, Wn=cutoffHz, btype=type, fs=fsHz, output='sos')` (SciPy 1.10),
 * section order included (SciPy's `zpk2sos` with `pairing='nearest'`).
 *
 * Returns a flat row-major array of 6·n coefficients, one row `[b0, b1, b2, 1, a1, a2]` per
 * section, as SciPy's `sos`. Throws {@link ParameterError} for an order that is not an integer
 * from 1 to {@link MAX_BUTTER_ORDER}, a corner not strictly between 0 Hz and Nyquist, or band
 * corners that are not ascending.
 */
export function butterSos(params: ButterParams): Float64Array {
  const { order, type, cutoffHz, fsHz } = params;
  const label = `Butterworth ${TYPE_LABEL[type] ?? type}`;
  if (!(type in TYPE_LABEL)) {
    throw new ParameterError(`filter type "${String(type)}" must be one of lowpass, highpass, bandpass, bandstop`);
  }
  if (!Number.isInteger(order) || order < 1 || order > MAX_BUTTER_ORDER) {
    throw new ParameterError(`${label} order ${order} must be an integer from 1 to ${MAX_BUTTER_ORDER}`);
  }
  if (!(fsHz > 0) || !Number.isFinite(fsHz)) {
    throw new ParameterError(`${label} sample rate ${fsHz} Hz must be a positive number`);
  }
  const nyquist = fsHz / 2;
  const band = type === 'bandpass' || type === 'bandstop';
  let corners: number[];
  if (band) {
    if (typeof cutoffHz === 'number' || cutoffHz.length !== 2) {
      throw new ParameterError(`${label} needs two corner frequencies [low, high] in Hz, got ${String(cutoffHz)}`);
    }
    corners = [cutoffHz[0], cutoffHz[1]];
  } else {
    if (typeof cutoffHz !== 'number') {
      throw new ParameterError(`${label} needs one corner frequency in Hz, got [${String(cutoffHz)}]`);
    }
    corners = [cutoffHz];
  }
  const names = band ? ['low corner', 'high corner'] : ['corner'];
  corners.forEach((f, i) => {
    if (!Number.isFinite(f) || f <= 0) {
      throw new ParameterError(`${label} ${names[i]} ${f} Hz must be above 0 Hz`);
    }
    if (f >= nyquist) {
      throw new ParameterError(`${label} ${names[i]} ${f} Hz must be below Nyquist ${nyquist} Hz (fs ${fsHz} Hz)`);
    }
  });
  if (band && !(corners[0] < corners[1])) {
    throw new ParameterError(`${label} low corner ${corners[0]} Hz must be below the high corner ${corners[1]} Hz`);
  }
  // SciPy: Wn = 2*Wn/fs.
  const wn = corners.map((f) => (2 * f) / fsHz);
  return zpk2sos(butterZpk(order, wn, type));
}
