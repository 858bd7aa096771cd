import { ParameterError } from '../errors.js';

/**
 * Start index of the quietest window of `length` samples in `x`: the one with the smallest sum of
 * squares about zero (for a band-passed signal, the smallest power), stepping by `step` samples.
 * Used as the baseline when a whole recording is scanned without trials. Ties go to the earliest.
 */
export function quietestWindow(x: Float64Array, length: number, step: number): number {
  if (!Number.isInteger(length) || length < 2 || length > x.length) {
    throw new ParameterError(`baseline window of ${length} samples must be at least 2 samples and fit in the recording (${x.length} samples)`);
  }
  const stride = Math.max(1, Math.floor(step));
  const q = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) q[i + 1] = q[i] + x[i] * x[i];
  let best = Infinity;
  let at = 0;
  for (let s = 0; s + length <= x.length; s += stride) {
    const e = q[s + length] - q[s];
    if (e < best) {
      best = e;
      at = s;
    }
  }
  return at;
}
