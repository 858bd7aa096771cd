import { ParameterError } from '../errors.js';

/**
 * Checks a second-order-sections array (flat, row-major, 6 coefficients per section with a0 = 1,
 * as SciPy's `_validate_sos`) and returns its number of sections.
 */
export function checkSos(sos: Float64Array): number {
  if (sos.length === 0 || sos.length % 6 !== 0) {
    throw new ParameterError(`second-order sections have ${sos.length} coefficients: must be a positive multiple of 6`);
  }
  const n = sos.length / 6;
  for (let s = 0; s < n; s++) {
    if (sos[6 * s + 3] !== 1) {
      throw new ParameterError(`second-order section ${s} has a0 = ${sos[6 * s + 3]}: a0 must be 1`);
    }
    for (let j = 0; j < 6; j++) {
      if (!Number.isFinite(sos[6 * s + j])) {
        throw new ParameterError(`second-order section ${s} coefficient ${j} is ${sos[6 * s + j]}: must be finite`);
      }
    }
  }
  return n;
}
