/**
 * Standard error of measurement (SEM) and minimal detectable change (MDC95) from an ICC
 * analysis, after Weir (2005), J Strength Cond Res 19:231–240.
 *
 * - `semFromIcc = SD · √(1 − ICC)`, where SD is the standard deviation of **all** n·k
 *   observations, √(SS_total / (nk − 1)) — Weir's definition ("the SD of the scores from all
 *   subjects", obtainable from the ANOVA as √(SS_total/(N − 1))), not the SD of subject means.
 * - `semFromMsError = √MS_error`, the error term of the model behind the chosen ICC: MSW for the
 *   one-way forms ICC(1,·), MSE for the two-way forms ICC(2,·) and ICC(3,·). Weir recommends
 *   this form because it does not depend on the between-subject spread of the sample.
 * - `MDC95 = 1.96 · √2 · SEM` (Weir 2005: the smallest change in one subject's score that
 *   exceeds measurement error with 95 % confidence, from the SD of a difference of two scores).
 *
 * The ICC used is a parameter; the default is ICC(3,1) (two-way mixed, consistency, single
 * measure), the form used for within-session trial-to-trial (intrarater) reliability of RUSI
 * thickness, e.g. Wallwork et al. 2007, J Orthop Sports Phys Ther 37:608 ("intrarater
 * (model 3)"), and Weir's choice once systematic trial effects have been ruled out.
 */
import type { IccFormLabel, IccResult } from './icc.js';

/** The default ICC form for {@link sem}. */
export const SEM_DEFAULT_ICC: IccFormLabel = 'ICC(3,1)';

/** z for a two-sided 95 % interval as the MDC literature writes it (Weir 2005): exactly 1.96. */
export const MDC95_Z = 1.96;

/** Options of {@link sem}. */
export interface SemOptions {
  /** Which ICC enters SD·√(1 − ICC), and whose error term enters √MS_error. Default ICC(3,1). */
  icc?: IccFormLabel;
}

/** SEM and MDC95 in both forms, in the unit of the data. */
export interface SemResult {
  ok: true;
  iccForm: IccFormLabel;
  icc: number;
  /** SD of all n·k observations, √(SS_total / (nk − 1)), in the unit of the data. */
  sdAll: number;
  semFromIcc: number;
  mdc95FromIcc: number;
  /** Which mean square is the error term: MSW (one-way) or MSE (two-way). */
  msErrorTerm: 'MSW' | 'MSE';
  msError: number;
  semFromMsError: number;
  mdc95FromMsError: number;
}

/** The chosen ICC is undefined, so SD·√(1 − ICC) is too. */
export interface SemFailure {
  ok: false;
  iccForm: IccFormLabel;
  reason: string;
}

/** What {@link sem} returns. */
export type SemOutcome = SemResult | SemFailure;

/**
 * SEM and MDC95 (both forms) from a successful {@link icc} result, in the unit of the data
 * (e.g. mm). Pure arithmetic on the result; the R reference is `sd(y) * sqrt(1 - icc)`,
 * `sqrt(MS)` from `aov`, and `1.96 * sqrt(2) * SEM`.
 *
 * @returns `{ ok: false }` when the chosen ICC is itself undefined.
 */
export function sem(result: IccResult, options: SemOptions = {}): SemOutcome {
  const iccForm = options.icc ?? SEM_DEFAULT_ICC;
  const form = result.forms[iccForm];
  const value = form.icc;
  if (value === undefined) {
    return { ok: false, iccForm, reason: `SEM needs ${iccForm}, which is undefined: ${form.ok ? '' : form.reason}` };
  }
  const { nSubjects: n, kTrials: k, meanSquares } = result;
  const sdAll = Math.sqrt(meanSquares.ssTotal / (n * k - 1));
  // 1 − ICC can only be < 0 by rounding (every ICC form is ≤ 1); clamp that to 0.
  const semFromIcc = sdAll * Math.sqrt(Math.max(0, 1 - value));
  const msErrorTerm = form.model === 'one-way random' ? 'MSW' : 'MSE';
  const msError = msErrorTerm === 'MSW' ? meanSquares.msWithin : meanSquares.msError;
  const semFromMsError = Math.sqrt(msError);
  const factor = MDC95_Z * Math.SQRT2;
  return {
    ok: true,
    iccForm,
    icc: value,
    sdAll,
    semFromIcc,
    mdc95FromIcc: factor * semFromIcc,
    msErrorTerm,
    msError,
    semFromMsError,
    mdc95FromMsError: factor * semFromMsError,
  };
}
