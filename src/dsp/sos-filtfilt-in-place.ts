import { ParameterError } from '../errors.js';
import { checkSos } from './check-sos.js';
import { sosFiltZi } from './sos-filt-zi.js';
import { sosRun } from './sos-run.js';
import { sosRunSegmented } from './sos-run-segmented.js';
import { sosFiltFiltPadLen, zeroPhaseEdge } from './sos-filtfilt.js';

/**
 * {@link sosFiltFilt} with SciPy's defaults (odd padding, default pad length), writing the result
 * over `x`. The odd extensions at both ends are built in two small arrays and the filter runs over
 * them and over `x` in turn, carrying its state across, so no copy of the signal is made: the
 * arithmetic is that of filtering the extended signal. The backward pass stops at the start of `x`
 * (its output over the left extension is discarded by SciPy anyway). Same result as `sosFiltFilt`.
 *
 * @returns `x`, now filtered
 */
export function sosFiltFiltInPlace(sos: Float64Array, x: Float64Array): Float64Array {
  const n = checkSos(sos);
  const len = x.length;
  const edge = zeroPhaseEdge(len, 'odd', sosFiltFiltPadLen(sos), true);
  // odd_ext: left_ext = 2·x[0] − x[edge:0:-1], right_ext = 2·x[-1] − x[-2:-(edge+2):-1]
  const left = new Float64Array(edge);
  const right = new Float64Array(edge);
  const first = x[0];
  const last = x[len - 1];
  for (let j = 0; j < edge; j++) {
    left[j] = 2 * first - x[edge - j];
    right[j] = 2 * last - x[len - 2 - j];
  }
  const zi = sosFiltZi(sos);
  const state = new Float64Array(2 * n);
  const x0 = edge > 0 ? left[0] : first;
  for (let i = 0; i < state.length; i++) state[i] = zi[i] * x0;
  sosRun(sos, left, state, false);
  sosRunSegmented(sos, x, state, false);
  sosRun(sos, right, state, false);
  const y0 = edge > 0 ? right[edge - 1] : x[len - 1];
  for (let i = 0; i < state.length; i++) state[i] = zi[i] * y0;
  sosRun(sos, right, state, true);
  sosRunSegmented(sos, x, state, true);
  return x;
}

/**
 * A second-order IIR filter `(b, a)` as one SOS section `[b0 b1 b2 1 a1 a2] / a0`. For a biquad,
 * `filtfilt(b, a, x)` and `sosfiltfilt(sos, x)` use the same pad length (3·3 = 9 with b2, a2 ≠ 0)
 * and the same steady-state initial conditions, so they are the same filter.
 */
export function biquadToSos(b: ArrayLike<number>, a: ArrayLike<number>): Float64Array {
  if (b.length !== 3 || a.length !== 3 || a[0] === 0) throw new ParameterError('a biquad needs 3 b and 3 a coefficients with a[0] ≠ 0');
  const a0 = a[0];
  return Float64Array.of(b[0] / a0, b[1] / a0, b[2] / a0, 1, a[1] / a0, a[2] / a0);
}
