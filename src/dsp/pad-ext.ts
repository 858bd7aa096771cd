/** How a zero-phase filter extends the signal at both ends (SciPy's `padtype`; `'none'` is `None`). */
export type PadType = 'odd' | 'even' | 'constant' | 'none';

/**
 * `x` extended by `edge` samples at each end, as SciPy's `odd_ext`, `even_ext` and `const_ext`:
 * odd reflects about the end sample (2·x[0] − x[edge−j]), even mirrors (x[edge−j]), constant
 * repeats the end sample. The caller ensures 0 ≤ edge < x.length (edge = 0 copies `x`).
 *
 * With `out` (a workspace of at least x.length + 2·edge samples, not overlapping `x`), the extension
 * is written into its start and that view is returned, so repeated calls allocate nothing.
 */
export function padExt(x: Float64Array, edge: number, padType: PadType, out?: Float64Array): Float64Array {
  const n = x.length;
  const ext = out ? out.subarray(0, n + 2 * edge) : new Float64Array(n + 2 * edge);
  ext.set(x, edge);
  if (edge === 0 || padType === 'none') return ext;
  const first = x[0];
  const last = x[n - 1];
  for (let j = 0; j < edge; j++) {
    const l = x[edge - j]; // left_ext = x[edge:0:-1]
    const r = x[n - 2 - j]; // right_ext = x[-2:-(edge+2):-1]
    if (padType === 'odd') {
      ext[j] = 2 * first - l;
      ext[edge + n + j] = 2 * last - r;
    } else if (padType === 'even') {
      ext[j] = l;
      ext[edge + n + j] = r;
    } else {
      ext[j] = first;
      ext[edge + n + j] = last;
    }
  }
  return ext;
}
