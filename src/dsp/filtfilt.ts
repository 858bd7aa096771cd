import { lfilterRun } from './lfilter-run.js';
import { lfilterZi, normalizeBa } from './lfilter-zi.js';
import { padExt, type PadType } from './pad-ext.js';
import { zeroPhaseEdge } from './sos-filtfilt.js';

/** Options of {@link filtFilt}; the defaults are SciPy's. */
export interface FiltFiltOptions {
  /** Signal extension at both ends before filtering (default `'odd'`). */
  padType?: PadType;
  /** Samples added at each end (default 3·max(len(a), len(b))). Ignored for `padType: 'none'`. */
  padLen?: number;
}

/**
 * Zero-phase forward-backward filtering with a transfer function b(z)/a(z), as
 * `scipy.signal.filtfilt(b, a, x)` with SciPy 1.10's defaults (`padtype='odd'`,
 * `padlen=3*max(len(a), len(b))`, `method='pad'`): odd extension, forward pass from the
 * `lfilter_zi` steady state scaled by the first extended sample, backward pass from that state
 * scaled by the last forward output, extension cut off.
 *
 * The signal must be longer than the pad length, otherwise `ParameterError`. `x` is not modified.
 */
export function filtFilt(b: ArrayLike<number>, a: ArrayLike<number>, x: Float64Array, options: FiltFiltOptions = {}): Float64Array {
  const padType = options.padType ?? 'odd';
  const defaultLen = 3 * Math.max(a.length, b.length);
  const edge = zeroPhaseEdge(x.length, padType, options.padLen ?? defaultLen, options.padLen === undefined);
  const [bn, an] = normalizeBa(b, a);
  const zi = lfilterZi(b, a);
  const ext = padExt(x, edge, padType);
  const state = new Float64Array(zi.length);
  const x0 = ext[0];
  for (let i = 0; i < zi.length; i++) state[i] = zi[i] * x0;
  lfilterRun(bn, an, ext, state, false);
  const y0 = ext[ext.length - 1];
  for (let i = 0; i < zi.length; i++) state[i] = zi[i] * y0;
  lfilterRun(bn, an, ext, state, true);
  return edge > 0 ? ext.slice(edge, edge + x.length) : ext;
}
