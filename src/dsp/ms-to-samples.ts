import { ParameterError } from '../errors.js';

/**
 * Converts a duration in milliseconds to a whole number of samples at `fsHz`.
 *
 * The one place where time becomes a sample count: rounds half away from zero
 * (`Math.round` on the absolute value), so 0.5 ms at 1 kHz is 1 sample and −0.5 ms is −1.
 */
export function msToSamples(ms: number, fsHz: number): number {
  if (!Number.isFinite(ms)) throw new ParameterError(`duration ${ms} ms is not a finite number`);
  if (!(fsHz > 0) || !Number.isFinite(fsHz)) throw new ParameterError(`sample rate ${fsHz} Hz must be a positive number`);
  const exact = (ms * fsHz) / 1000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/** Converts a sample count at `fsHz` to milliseconds. */
export function samplesToMs(samples: number, fsHz: number): number {
  return (samples * 1000) / fsHz;
}
