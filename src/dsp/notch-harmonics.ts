import { ParameterError } from '../errors.js';
import { iirNotch, type TransferFunction } from './iir-notch.js';

/** One notch of {@link notchHarmonics}: its centre frequency and coefficients. */
export interface HarmonicNotch extends TransferFunction {
  /** Notch centre frequency in Hz. */
  f0Hz: number;
}

/**
 * Notch filters for a mains fundamental and its harmonics: `iirNotch(h·f0Hz, q, fsHz)` for
 * h = 1 … count, keeping only the frequencies strictly below Nyquist (fsHz / 2). The fundamental
 * itself must be below Nyquist and `count` ≥ 1. The same quality factor gives each harmonic a
 * −3 dB bandwidth proportional to its frequency (h·f0Hz / q). Apply each with `filtFilt`.
 */
export function notchHarmonics(f0Hz: number, q: number, fsHz: number, count: number): HarmonicNotch[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new ParameterError(`notch harmonic count ${count} must be an integer ≥ 1`);
  }
  const out: HarmonicNotch[] = [{ f0Hz, ...iirNotch(f0Hz, q, fsHz) }];
  for (let h = 2; h <= count && h * f0Hz < fsHz / 2; h++) out.push({ f0Hz: h * f0Hz, ...iirNotch(h * f0Hz, q, fsHz) });
  return out;
}
