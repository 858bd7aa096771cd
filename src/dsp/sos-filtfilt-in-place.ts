import { ParameterError } from '../errors.js';
import { checkSos } from './check-sos.js';
import { padExt } from './pad-ext.js';
import { sosFiltZi } from './sos-filt-zi.js';
import { sosRun } from './sos-run.js';
import { sosFiltFiltPadLen, zeroPhaseEdge } from './sos-filtfilt.js';

/**
 * {@link sosFiltFilt} with SciPy's defaults (odd padding, default pad length), writing the result
 * over `x` and using `workspace` (at least `x.length + 2·padLen` samples) for the extended signal,
 * so a chain of filters on a long signal allocates nothing per call. Same arithmetic, same result.
 *
 * @returns `x`, now filtered
 */
export function sosFiltFiltInPlace(sos: Float64Array, x: Float64Array, workspace: Float64Array): Float64Array {
  const n = checkSos(sos);
  const edge = zeroPhaseEdge(x.length, 'odd', sosFiltFiltPadLen(sos), true);
  if (workspace.length < x.length + 2 * edge) {
    throw new ParameterError(`workspace of ${workspace.length} samples is shorter than the ${x.length + 2 * edge} the filter needs`);
  }
  const ext = padExt(x, edge, 'odd', workspace);
  const zi = sosFiltZi(sos);
  const state = new Float64Array(2 * n);
  const x0 = ext[0];
  for (let i = 0; i < state.length; i++) state[i] = zi[i] * x0;
  sosRun(sos, ext, state, false);
  const y0 = ext[ext.length - 1];
  for (let i = 0; i < state.length; i++) state[i] = zi[i] * y0;
  sosRun(sos, ext, state, true);
  x.set(ext.subarray(edge, edge + x.length));
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
