/** Full-wave rectification, |x| sample by sample (`numpy.abs(x)`). Returns a new array; `x` is not modified. */
export function rectify(x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = Math.abs(x[i]);
  return y;
}

/** Full-wave rectification in place: `x` is overwritten by |x| and returned. */
export function rectifyInPlace(x: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.abs(x[i]);
  return x;
}
