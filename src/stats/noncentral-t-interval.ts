import { brentZero } from './brent-zero.js';
import { nonCentralTCdf } from './noncentral-t-cdf.js';
import type { Alternative, Outcome } from './result.js';
import { unavailable } from './result.js';

/** Absolute tolerance on the non-centrality parameter. */
const NCP_TOL = 1e-13;
const MAX_BRACKET_STEPS = 60;

/** The ncp at which P(T ≤ t; df, ncp) = p (P decreases in ncp), or NaN when no bracket is found. */
function ncpAt(t: number, df: number, p: number): number {
  const f = (ncp: number): number => nonCentralTCdf(t, df, ncp) - p;
  let lo = t - 1;
  let step = 1;
  let fLo = f(lo);
  for (let i = 0; fLo < 0; i++) {
    if (i === MAX_BRACKET_STEPS) return Number.NaN;
    lo -= step;
    step *= 2;
    fLo = f(lo);
  }
  let hi = t + 1;
  step = 1;
  let fHi = f(hi);
  for (let i = 0; fHi > 0; i++) {
    if (i === MAX_BRACKET_STEPS) return Number.NaN;
    hi += step;
    step *= 2;
    fHi = f(hi);
  }
  return brentZero(f, lo, hi, fLo, fHi, NCP_TOL).root;
}

/**
 * Confidence interval for the non-centrality parameter of an observed t statistic, by inverting
 * the non-central t CDF (Steiger & Fouladi 1997): the lower bound solves pt(t, df, ncp) = 1 − α/2,
 * the upper pt(t, df, ncp) = α/2. This is effectsize's "ncp" method (`.get_ncp_t`), solved as an
 * exact root (Brent, tolerance 1e-13) rather than by effectsize's `optim` search. For a one-sided
 * alternative the interval is one-sided at level `confLevel` (effectsize: 2·ci − 1 two-sided,
 * open bound ±Infinity).
 */
export function nonCentralTInterval(
  t: number,
  df: number,
  confLevel: number,
  alternative: Alternative,
): Outcome<{ lower: number; upper: number }> {
  const level = alternative === 'two.sided' ? confLevel : 2 * confLevel - 1;
  const alpha = 1 - level;
  const lower = alternative === 'less' ? -Infinity : ncpAt(t, df, 1 - alpha / 2);
  const upper = alternative === 'greater' ? Infinity : ncpAt(t, df, alpha / 2);
  if (Number.isNaN(lower) || Number.isNaN(upper)) {
    return unavailable(`no non-centrality interval found for t = ${t} with ${df} df`);
  }
  return { ok: true, lower, upper };
}
