import { ParameterError } from '../errors.js';

/** Result of {@link normalize}. */
export interface NormalizedAmplitude {
  /** x / reference · 100, in percent of the reference (e.g. %MVC). */
  values: Float64Array;
  /** How many values are above 100 % (kept as they are, to be reported as a warning). */
  aboveCount: number;
}

/**
 * Expresses `x` as a percentage of a reference amplitude (`mvcReference` or `peakReference`):
 * values[i] = x[i] / reference.value · 100. Values above 100 % are kept, not clipped, and counted in
 * `aboveCount`. The reference must be finite and above 0. `x` is not modified.
 */
export function normalize(x: Float64Array, reference: { value: number; source?: string }): NormalizedAmplitude {
  const ref = reference.value;
  if (!Number.isFinite(ref) || ref <= 0) {
    const from = reference.source === undefined ? '' : ` (from "${reference.source}")`;
    throw new ParameterError(`normalisation reference ${ref}${from} must be a finite amplitude above 0`);
  }
  const values = new Float64Array(x.length);
  let aboveCount = 0;
  for (let i = 0; i < x.length; i++) {
    const v = (x[i] / ref) * 100;
    values[i] = v;
    if (v > 100) aboveCount++;
  }
  return { values, aboveCount };
}
