import { checkSos } from './check-sos.js';
import { lfilterZi } from './lfilter-zi.js';

/**
 * Initial state of `sosFilt` for the steady state of the cascade's step response, as
 * `scipy.signal.sosfilt_zi(sos)`: length 2·sections (SciPy's (n_sections, 2) array flattened).
 * Each section's `lfilter_zi` is scaled by the DC gain of the sections before it.
 */
export function sosFiltZi(sos: Float64Array): Float64Array {
  const n = checkSos(sos);
  const zi = new Float64Array(2 * n);
  let scale = 1.0;
  for (let s = 0; s < n; s++) {
    const b = sos.subarray(6 * s, 6 * s + 3);
    const a = sos.subarray(6 * s + 3, 6 * s + 6);
    const z = lfilterZi(b, a);
    zi[2 * s] = scale * z[0];
    zi[2 * s + 1] = scale * z[1];
    scale *= (b[0] + b[1] + b[2]) / (a[0] + a[1] + a[2]);
  }
  return zi;
}
