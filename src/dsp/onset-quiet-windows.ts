import { ParameterError } from '../errors.js';

/**
 * Quiet stretches of `x` to serve as the baseline when a whole recording is scanned without trials:
 * windows of `length` samples starting every `step` samples are ranked by their sum of squares about
 * zero (for a band-passed signal, their power); from the quietest up, every window that overlaps none
 * chosen so far is taken while its power is at most the `quantile` of all windows' power (the
 * quietest is always taken). Returned as `[start, end)` pairs, quietest first. Pooling the windows up
 * to a quantile keeps the baseline typical of rest, with its slow changes, rather than its single
 * quietest moment.
 */
export function quietWindows(x: Float64Array, length: number, step: number, quantile: number): [number, number][] {
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
  const limit = windows[Math.min(windows.length - 1, Math.floor(quantile * (windows.length - 1)))].energy;
  const chosen: [number, number][] = [];
  for (const w of windows) {
    if (chosen.length > 0 && w.energy > limit) break;
    if (chosen.every(([s, e]) => w.start + length <= s || w.start >= e)) chosen.push([w.start, w.start + length]);
  }
  return chosen;
}
