/**
 * 1 + 2 Σ_{k=1..maxLag} ρ(k)², ρ the sample autocorrelation of y[start … end−1] (about its own mean):
 * the factor by which correlation between samples inflates the variance of a mean of squares of a
 * Gaussian series, so that n samples count as n / factor independent ones. 1 for fewer than 3
 * samples or a constant stretch. `y` is not modified.
 */
export function squaredAcfFactor(y: Float64Array, start: number, end: number, maxLag: number): number {
  const n = end - start;
  if (n < 3) return 1;
  let mean = 0;
  for (let i = start; i < end; i++) mean += y[i];
  mean /= n;
  let c0 = 0;
  for (let i = start; i < end; i++) c0 += (y[i] - mean) ** 2;
  if (!(c0 > 0)) return 1;
  let f = 1;
  for (let k = 1; k <= Math.min(maxLag, n - 1); k++) {
    let c = 0;
    for (let i = start; i + k < end; i++) c += (y[i] - mean) * (y[i + k] - mean);
    f += 2 * (c / c0) ** 2;
  }
  return f;
}
