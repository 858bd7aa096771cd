import { ParameterError } from '../errors.js';

/**
 * Sample quantile of already-sorted values by R's default definition, `quantile(x, prob, type = 7)`:
 * h = (n − 1)·prob, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (0-based), computed as R does,
 * `(1 − frac)·lo + frac·hi`, and only where the two neighbours differ.
 *
 * @param sorted ascending, non-empty, no NaN
 * @param prob probability in [0, 1]
 */
export function quantileType7(sorted: ArrayLike<number>, prob: number): number {
  if (!(prob >= 0 && prob <= 1)) throw new ParameterError(`quantile probability ${prob} must be within [0, 1]`);
  const n = sorted.length;
  if (n === 0) throw new ParameterError('quantile of an empty sample is undefined');
  const index = (n - 1) * prob; // R: 1 + (n - 1) * prob, 1-based
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qLo = sorted[lo];
  const qHi = sorted[hi];
  if (index > lo && qHi !== qLo) {
    const h = index - lo;
    return (1 - h) * qLo + h * qHi;
  }
  return qLo;
}
