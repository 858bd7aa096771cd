import { ParameterError } from '../errors.js';

/** A transfer function b(z)/a(z) (SciPy's `(b, a)`), coefficients in powers of z⁻¹. */
export interface TransferFunction {
  b: Float64Array;
  a: Float64Array;
}

/**
 * Second-order IIR notch filter, as `scipy.signal.iirnotch(w0=f0Hz, Q=q, fs=fsHz)` (SciPy 1.10):
 * unit gain away from `f0Hz`, zero gain at `f0Hz`, −3 dB bandwidth `f0Hz / q`.
 * Apply it zero-phase with `filtFilt(b, a, x)`.
 *
 * Throws `ParameterError` unless 0 < f0Hz < Nyquist and q > 0.
 */
export function iirNotch(f0Hz: number, q: number, fsHz: number): TransferFunction {
  if (!(fsHz > 0) || !Number.isFinite(fsHz)) {
    throw new ParameterError(`notch sample rate ${fsHz} Hz must be a positive number`);
  }
  const nyquist = fsHz / 2;
  if (!Number.isFinite(f0Hz) || f0Hz <= 0) throw new ParameterError(`notch frequency ${f0Hz} Hz must be above 0 Hz`);
  if (f0Hz >= nyquist) {
    throw new ParameterError(`notch frequency ${f0Hz} Hz must be below Nyquist ${nyquist} Hz (fs ${fsHz} Hz)`);
  }
  if (!Number.isFinite(q) || q <= 0) throw new ParameterError(`notch quality factor Q ${q} must be above 0`);
  // SciPy's _design_notch_peak_filter(w0, Q, "notch", fs), step by step.
  let w0 = (2 * f0Hz) / fsHz;
  let bw = w0 / q;
  bw = bw * Math.PI;
  w0 = w0 * Math.PI;
  const gb = 1 / Math.sqrt(2);
  const beta = (Math.sqrt(1.0 - gb ** 2.0) / gb) * Math.tan(bw / 2.0);
  const gain = 1.0 / (1.0 + beta);
  const c = Math.cos(w0);
  const b = Float64Array.from([gain * 1.0, gain * (-2.0 * c), gain * 1.0]);
  const a = Float64Array.from([1.0, -2.0 * gain * c, 2.0 * gain - 1.0]);
  return { b, a };
}
