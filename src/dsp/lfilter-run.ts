/**
 * The inner loop of `lfilter`: direct form II transposed over `buf` in place, with the arithmetic of
 * SciPy's `_linear_filter` (z[i] = z[i+1] + x·b[i+1] − y·a[i+1]). `b` and `a` are normalised
 * (a[0] = 1) and of equal length L; `state` has L − 1 values and is updated to the final state.
 * `backward` runs from the last sample to the first.
 */
export function lfilterRun(b: Float64Array, a: Float64Array, buf: Float64Array, state: Float64Array, backward: boolean): void {
  const len = b.length;
  const n = buf.length;
  const step = backward ? -1 : 1;
  let i = backward ? n - 1 : 0;
  if (len === 1) {
    const b0 = b[0];
    for (let k = 0; k < n; k++, i += step) buf[i] = buf[i] * b0;
    return;
  }
  if (len === 3) {
    const b0 = b[0];
    const b1 = b[1];
    const b2 = b[2];
    const a1 = a[1];
    const a2 = a[2];
    let z0 = state[0];
    let z1 = state[1];
    for (let k = 0; k < n; k++, i += step) {
      const xn = buf[i];
      const yn = z0 + b0 * xn;
      z0 = z1 + xn * b1 - yn * a1;
      z1 = xn * b2 - yn * a2;
      buf[i] = yn;
    }
    state[0] = z0;
    state[1] = z1;
    return;
  }
  const z = state;
  for (let k = 0; k < n; k++, i += step) {
    const xn = buf[i];
    const yn = z[0] + b[0] * xn;
    for (let j = 0; j < len - 2; j++) z[j] = z[j + 1] + xn * b[j + 1] - yn * a[j + 1];
    z[len - 2] = xn * b[len - 1] - yn * a[len - 1];
    buf[i] = yn;
  }
}
