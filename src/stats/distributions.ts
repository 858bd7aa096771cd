/**
 * The one adapter over the `@stdlib` distribution and special-function packages. Nothing else in
 * myoscope imports them, so their conventions (argument order, NaN on bad input, which tail loses
 * precision) are fixed here once.
 *
 * Tails: `@stdlib`'s t and normal CDFs are accurate to ~1e-13 relative in the lower tail down to
 * the underflow limit (checked against R's `pt` / `pnorm` in the stats tests),
 * but an upper tail computed as `1 − cdf` would lose all relative precision for small p. Upper
 * tails are therefore taken by symmetry, `P(T > t) = P(T < −t)`, never by subtraction.
 */
import betainc from '@stdlib/math-base-special-betainc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammaln from '@stdlib/math-base-special-gammaln';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** Student t CDF, R's `pt(t, df, lower.tail)`; `df` may be fractional (Welch). */
export function tCdf(t: number, df: number, lowerTail = true): number {
  return tCdfImpl(lowerTail ? t : -t, df);
}

/** Student t quantile, R's `qt(p, df)`. */
export function tQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

/** Standard normal CDF, R's `pnorm(z, lower.tail)`. */
export function normalCdf(z: number, lowerTail = true): number {
  return normalCdfImpl(lowerTail ? z : -z, 0, 1);
}

/**
 * Standard normal quantile, R's `qnorm(p)`, as −√2·erfcinv(2p). (`@stdlib`'s normal quantile goes
 * through erfinv(2p − 1), which rounds 2p − 1 to −1 below p ≈ 1e-16 and loses relative precision
 * well before; erfcinv keeps the lower tail exact.)
 */
export function normalQuantile(p: number): number {
  return -Math.SQRT2 * erfcinv(2 * p);
}

/** Regularized incomplete beta I_x(a, b), R's `pbeta(x, a, b)`. */
export function regularizedBeta(x: number, a: number, b: number): number {
  return betainc(x, a, b, true, false);
}

/** ln Γ(x), R's `lgamma(x)`. */
export function logGamma(x: number): number {
  return gammaln(x);
}
