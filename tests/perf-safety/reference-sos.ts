/**
 * The plain cascade the filter kernels must reproduce: each section over the whole signal in turn,
 * one sample at a time, with SciPy's `_sosfilt` arithmetic (direct form II transposed):
 *
 *     y = b0·x + z0;  z0 = b1·x − a1·y + z1;  z1 = b2·x − a2·y
 *
 * `state` ([z0, z1] per section) is updated in place; `backward` runs from the last sample down.
 */
export function referenceSosRun(sos: Float64Array, buf: Float64Array, state: Float64Array, backward: boolean): void {
  const n = buf.length;
  for (let s = 0; s < sos.length / 6; s++) {
    const [b0, b1, b2, , a1, a2] = sos.subarray(6 * s, 6 * s + 6);
    let z0 = state[2 * s];
    let z1 = state[2 * s + 1];
    for (let k = 0; k < n; k++) {
      const i = backward ? n - 1 - k : k;
      const x = buf[i];
      const y = b0 * x + z0;
      z0 = b1 * x - a1 * y + z1;
      z1 = b2 * x - a2 * y;
      buf[i] = y;
    }
    state[2 * s] = z0;
    state[2 * s + 1] = z1;
  }
}

/** Index of the first element where `a` and `b` differ as doubles (Object.is), or −1. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}
