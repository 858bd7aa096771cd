import { ParameterError } from '../errors.js';

/**
 * Teager–Kaiser energy operator: ψ[n] = x[n]² − x[n−1]·x[n+1] for n = 1 … N−2 (Kaiser 1990).
 * Edge rule: the first and last samples, which lack a neighbour, repeat their neighbour's value
 * (ψ[0] = ψ[1], ψ[N−1] = ψ[N−2]), so the output has the input's length and no edge artefact.
 * Needs at least 3 samples. Returns a new array; `x` is not modified.
 */
export function teagerKaiser(x: Float64Array): Float64Array {
  const n = x.length;
  if (n < 3) throw new ParameterError(`Teager–Kaiser operator needs a signal of at least 3 samples, got ${n} samples`);
  const y = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) y[i] = x[i] * x[i] - x[i - 1] * x[i + 1];
  y[0] = y[1];
  y[n - 1] = y[n - 2];
  return y;
}
