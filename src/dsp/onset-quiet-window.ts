import { ParameterError } from '../errors.js';

/**
 * Start index of a quiet window of `length` samples in `x`, for use as the baseline when a whole
 * recording is scanned without trials: windows starting every `step` samples are ranked by their sum
 * of squares about zero (for a band-passed signal, their power) and the one at `quantile` of that
 * ranking is returned (0 = the quietest; type-1 quantile, ties to the earliest). A low quantile
 * rather than the minimum keeps the baseline typical of rest instead of its single quietest moment.
 */
export function quietWindow(x: Float64Array, length: number, step: number, quantile: number): number {
  if (!Number.isInteger(length) || length < 2 || length > x.length) {
    throw new ParameterError(`baseline window of ${length} samples must be at least 2 samples and fit in the recording (${x.length} samples)`);
  }
  if (!(quantile >= 0 && quantile <= 1)) throw new ParameterError(`quiet-window quantile ${quantile} must lie between 0 and 1`);
  const stride = Math.max(1, Math.floor(step));
  const q = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) q[i + 1] = q[i] + x[i] * x[i];
  const windows: { start: number; energy: number }[] = [];
  for (let s = 0; s + length <= x.length; s += stride) windows.push({ start: s, energy: q[s + length] - q[s] });
  windows.sort((a, b) => a.energy - b.energy || a.start - b.start);
  return windows[Math.min(windows.length - 1, Math.floor(quantile * (windows.length - 1)))].start;
}
