import { ParameterError } from '../errors.js';
import type { OnsetWindows } from './onset-types.js';

/**
 * Checks that onset windows fit a signal of `length` samples: integer indices, a baseline of at
 * least `minBaselineSamples` samples, a non-empty search window, `offsetEnd` not before the end of
 * the search window, everything inside `[0, length]`. Throws {@link ParameterError} naming the
 * window and the limit.
 */
export function checkOnsetWindows(w: OnsetWindows, length: number, minBaselineSamples = 2): void {
  const names: ('baselineStart' | 'baselineEnd' | 'searchStart' | 'searchEnd' | 'offsetEnd')[] = ['baselineStart', 'baselineEnd', 'searchStart', 'searchEnd', 'offsetEnd'];
  for (const k of names) {
    const v = w[k];
    if (!Number.isInteger(v)) throw new ParameterError(`onset window ${k} ${v} is not a whole sample index`);
    if (v < 0 || v > length) throw new ParameterError(`onset window ${k} ${v} lies outside the signal (0 … ${length} samples)`);
  }
  const baseline = w.baselineEnd - w.baselineStart;
  if (baseline < minBaselineSamples) {
    throw new ParameterError(`baseline window of ${Math.max(0, baseline)} samples is too short (needs at least ${minBaselineSamples} samples)`);
  }
  if (w.searchEnd <= w.searchStart) throw new ParameterError(`search window of ${w.searchEnd - w.searchStart} samples is empty`);
  if (w.offsetEnd < w.searchEnd) throw new ParameterError(`offset search end ${w.offsetEnd} lies before the end of the search window ${w.searchEnd}`);
  for (const [s, e] of w.extraBaseline ?? []) {
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > length || e <= s) {
      throw new ParameterError(`extra baseline stretch ${s} … ${e} must be a non-empty range of whole sample indices inside the signal (0 … ${length} samples)`);
    }
  }
}
