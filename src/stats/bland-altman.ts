/**
 * Bland–Altman agreement between two trials or two raters measured on the same subjects.
 *
 * Differences are `first − second`. bias = mean difference, sdDiff = its sample SD (n − 1),
 * 95 % limits of agreement bias ∓ 1.96·sdDiff. Confidence intervals are Bland & Altman's
 * approximate ones (Lancet 1986; Stat Methods Med Res 1999, 8:135), with Student's t on n − 1 df:
 * bias ± t·sdDiff/√n, and each limit ± t·sdDiff·√(3/n) (the approximate SE of a limit,
 * √(s²/n + 1.96²s²/(2(n−1))) ≈ √(3s²/n)). Not the exact intervals of Carkeet (2015), which
 * need the noncentral t.
 *
 * Pairs where either value is missing (`null` or NaN) are dropped and listed.
 */
import { ParameterError } from '../errors.js';
import { tQuantileTwoSided } from './f-distribution.js';

/** The multiplier of the SD of differences for 95 % limits of agreement (Bland & Altman). */
export const LOA_MULTIPLIER = 1.96;

/** Options of {@link blandAltman}. */
export interface BlandAltmanOptions {
  /** Confidence level of the intervals around bias and limits, in (0, 1). Default 0.95. */
  confLevel?: number;
}

interface BlandAltmanCounts {
  /** Complete pairs used. */
  n: number;
  /** 0-based indices of the pairs dropped for a missing value. */
  droppedIndices: number[];
}

/** Bias, limits of agreement and their CIs, all in the unit of the data. */
export interface BlandAltmanResult extends BlandAltmanCounts {
  ok: true;
  confLevel: number;
  ciMethod: 'bland-altman-approximate';
  loaMultiplier: number;
  /** Mean of first − second, in the unit of the data. */
  bias: number;
  /** Sample SD of the differences. */
  sdDiff: number;
  loaLower: number;
  loaUpper: number;
  /** t quantile on n − 1 df used for every interval, R `qt(1 - alpha/2, n - 1)`. */
  tQuantile: number;
  biasCiLower: number;
  biasCiUpper: number;
  loaLowerCiLower: number;
  loaLowerCiUpper: number;
  loaUpperCiLower: number;
  loaUpperCiUpper: number;
}

/** Fewer than 2 complete pairs: nothing is defined. */
export interface BlandAltmanFailure extends BlandAltmanCounts {
  ok: false;
  reason: string;
}

/** What {@link blandAltman} returns. */
export type BlandAltmanOutcome = BlandAltmanResult | BlandAltmanFailure;

/**
 * Bland–Altman bias, limits of agreement and their approximate CIs for paired `first`, `second`.
 *
 * Matches R: `d <- first - second; mean(d); sd(d); mean(d) + c(-1, 1) * 1.96 * sd(d)`, CIs with
 * `qt(1 - alpha/2, n - 1)` as in the file header.
 *
 * @returns `{ ok: false }` with fewer than 2 complete pairs.
 * @throws ParameterError when the arrays differ in length, hold an infinite value, or confLevel
 *   is outside (0, 1).
 */
export function blandAltman(
  first: ArrayLike<number | null>,
  second: ArrayLike<number | null>,
  options: BlandAltmanOptions = {},
): BlandAltmanOutcome {
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new ParameterError(`Bland-Altman confidence level ${confLevel} must lie strictly between 0 and 1`);
  }
  if (first.length !== second.length) {
    throw new ParameterError(`Bland-Altman needs paired values: first has ${first.length}, second has ${second.length}`);
  }
  const diffs: number[] = [];
  const droppedIndices: number[] = [];
  for (let i = 0; i < first.length; i++) {
    const a = first[i];
    const b = second[i];
    const missing = a === null || b === null || Number.isNaN(a) || Number.isNaN(b);
    if (missing) {
      droppedIndices.push(i);
      continue;
    }
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      throw new ParameterError(`Bland-Altman pair ${i} (${a}, ${b}) holds a value that is not finite`);
    }
    diffs.push(a - b);
  }
  const n = diffs.length;
  if (n < 2) {
    return { ok: false, n, droppedIndices, reason: `Bland-Altman needs at least 2 complete pairs; got ${n}` };
  }
  let sum = 0;
  for (const d of diffs) sum += d;
  const bias = sum / n;
  let ss = 0;
  for (const d of diffs) ss += (d - bias) ** 2;
  const sdDiff = Math.sqrt(ss / (n - 1));
  const t = tQuantileTwoSided(1 - confLevel, n - 1);
  const halfBias = (t * sdDiff) / Math.sqrt(n);
  const halfLoa = t * sdDiff * Math.sqrt(3 / n);
  const loaLower = bias - LOA_MULTIPLIER * sdDiff;
  const loaUpper = bias + LOA_MULTIPLIER * sdDiff;
  return {
    ok: true,
    n,
    droppedIndices,
    confLevel,
    ciMethod: 'bland-altman-approximate',
    loaMultiplier: LOA_MULTIPLIER,
    bias,
    sdDiff,
    loaLower,
    loaUpper,
    tQuantile: t,
    biasCiLower: bias - halfBias,
    biasCiUpper: bias + halfBias,
    loaLowerCiLower: loaLower - halfLoa,
    loaLowerCiUpper: loaLower + halfLoa,
    loaUpperCiLower: loaUpper - halfLoa,
    loaUpperCiUpper: loaUpper + halfLoa,
  };
}
