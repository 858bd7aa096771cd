import { ParameterError } from '../errors.js';
import { checkSos } from './check-sos.js';
import { sosRun } from './sos-run.js';

/**
 * Filters `x` in place with a cascade of second-order sections, as `scipy.signal.sosfilt(sos, x, zi=zi)`.
 *
 * In place: `x` is overwritten by the output, and `zi` (when given, length 2·sections, SciPy's
 * `zi` of shape (n_sections, 2) flattened) is overwritten by the final filter state (SciPy's `zf`).
 * Without `zi` the filter starts at rest. `sos` is a flat row-major array of 6 coefficients per
 * section as returned by `butterSos`. Returns `x`.
 */
export function sosFiltInPlace(sos: Float64Array, x: Float64Array, zi?: Float64Array): Float64Array {
  const n = checkSos(sos);
  let state: Float64Array;
  if (zi === undefined) {
    state = new Float64Array(2 * n);
  } else {
    if (zi.length !== 2 * n) {
      throw new ParameterError(`initial state has ${zi.length} values: must be 2 per section, ${2 * n} for ${n} sections`);
    }
    state = zi;
  }
  sosRun(sos, x, state, false);
  return x;
}

/**
 * Filters `x` with a cascade of second-order sections, as `scipy.signal.sosfilt(sos, x, zi=zi)`,
 * returning a new array. Neither `x` nor `zi` is modified; use {@link sosFiltInPlace} to avoid the
 * copy or to obtain the final state.
 */
export function sosFilt(sos: Float64Array, x: Float64Array, zi?: Float64Array): Float64Array {
  return sosFiltInPlace(sos, Float64Array.from(x), zi === undefined ? undefined : Float64Array.from(zi));
}
