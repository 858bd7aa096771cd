import { ParameterError } from '../errors.js';
import { lfilterRun } from './lfilter-run.js';
import { normalizeBa } from './lfilter-zi.js';

/**
 * Filters `x` with the rational transfer function b(z)/a(z), as `scipy.signal.lfilter(b, a, x, zi=zi)`
 * (direct form II transposed, coefficients normalised so a[0] = 1). `zi`, when given, has
 * max(len(a), len(b)) − 1 values. Returns a new array; neither `x` nor `zi` is modified.
 *
 * Use it for short filters such as `iirNotch`; high-order filters belong in second-order sections
 * (`butterSos` with `sosFilt`), where rounding cannot make them unstable.
 */
export function lfilter(b: ArrayLike<number>, a: ArrayLike<number>, x: Float64Array, zi?: ArrayLike<number>): Float64Array {
  const [bn, an] = normalizeBa(b, a);
  const state = new Float64Array(Math.max(0, bn.length - 1));
  if (zi !== undefined) {
    if (zi.length !== state.length) {
      throw new ParameterError(`initial state has ${zi.length} values: must be ${state.length} (filter length − 1)`);
    }
    state.set(Array.from(zi));
  }
  const y = Float64Array.from(x);
  lfilterRun(bn, an, y, state, false);
  return y;
}
