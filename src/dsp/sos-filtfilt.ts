import { ParameterError } from '../errors.js';
import { checkSos } from './check-sos.js';
import { padExt, type PadType } from './pad-ext.js';
import { sosFiltZi } from './sos-filt-zi.js';
import { sosRun } from './sos-run.js';
import { sosRunSegmented } from './sos-run-segmented.js';

/** Options of {@link sosFiltFilt}; the defaults are SciPy's. */
export interface SosFiltFiltOptions {
  /** Signal extension at both ends before filtering (default `'odd'`). */
  padType?: PadType;
  /**
   * Samples added at each end (default {@link sosFiltFiltPadLen}: 3·(2·sections + 1 − min(zeros in
   * b2, zeros in a2))). Ignored for `padType: 'none'`.
   */
  padLen?: number;
}

/**
 * SciPy's default pad length for `sosfiltfilt`, in samples:
 * 3·(2·n_sections + 1 − min(number of sections with b2 = 0, number with a2 = 0)).
 */
export function sosFiltFiltPadLen(sos: Float64Array): number {
  const n = checkSos(sos);
  let zerosB2 = 0;
  let zerosA2 = 0;
  for (let s = 0; s < n; s++) {
    if (sos[6 * s + 2] === 0) zerosB2++;
    if (sos[6 * s + 5] === 0) zerosA2++;
  }
  return 3 * (2 * n + 1 - Math.min(zerosB2, zerosA2));
}

/**
 * Zero-phase forward-backward filtering with second-order sections, as
 * `scipy.signal.sosfiltfilt(sos, x, padtype=padType, padlen=padLen)` with SciPy 1.10's defaults:
 * the signal is extended at both ends (odd reflection, {@link sosFiltFiltPadLen} samples), filtered
 * forward from the `sosfilt_zi` steady state scaled by the first extended sample, filtered backward
 * from that state scaled by the last forward output, and the extension is cut off again. Long
 * signals are filtered in segments (`sosRunSegmented`): equal to SciPy to rounding, not bit for bit.
 *
 * The signal must be longer than the pad length (SciPy requires `x.shape[-1] > padlen`), otherwise
 * {@link ParameterError}. `x` is not modified.
 */
export function sosFiltFilt(sos: Float64Array, x: Float64Array, options: SosFiltFiltOptions = {}): Float64Array {
  const n = checkSos(sos);
  const padType = options.padType ?? 'odd';
  const edge = zeroPhaseEdge(x.length, padType, options.padLen ?? sosFiltFiltPadLen(sos), options.padLen === undefined);
  const ext = padExt(x, edge, padType);
  const zi = sosFiltZi(sos);
  const state = new Float64Array(2 * n);
  const x0 = ext[0];
  for (let i = 0; i < state.length; i++) state[i] = zi[i] * x0;
  // The extensions and the signal are run in turn (state carried), as `sosFiltFiltInPlace` does,
  // so both split the signal the same way and agree exactly.
  const left = ext.subarray(0, edge);
  const middle = ext.subarray(edge, edge + x.length);
  const right = ext.subarray(edge + x.length);
  sosRun(sos, left, state, false);
  sosRunSegmented(sos, middle, state, false);
  sosRun(sos, right, state, false);
  const y0 = ext[ext.length - 1];
  for (let i = 0; i < state.length; i++) state[i] = zi[i] * y0;
  sosRun(sos, right, state, true);
  sosRunSegmented(sos, middle, state, true);
  return edge > 0 ? middle.slice() : ext;
}

/**
 * The number of samples a zero-phase filter adds at each end (0 for `padType: 'none'`), checked
 * against the signal length as SciPy's `_validate_pad` does.
 */
export function zeroPhaseEdge(length: number, padType: PadType, padLen: number, isDefault: boolean): number {
  if (!['odd', 'even', 'constant', 'none'].includes(padType)) {
    throw new ParameterError(`pad type "${String(padType)}" must be one of odd, even, constant, none`);
  }
  if (padType === 'none') return 0;
  if (!Number.isInteger(padLen) || padLen < 0) {
    throw new ParameterError(`pad length ${padLen} samples must be an integer ≥ 0 samples`);
  }
  if (length <= padLen) {
    throw new ParameterError(
      `signal of ${length} samples must be longer than the ${isDefault ? 'default ' : ''}zero-phase filter pad length ` +
        `${padLen} samples`,
    );
  }
  return padLen;
}
