/**
 * Intraclass correlation coefficients for an n-subjects × k-trials (or k-raters) matrix:
 * the six Shrout & Fleiss (1979) forms with their McGraw & Wong (1996) names, each with its
 * F test and confidence interval, as R's `psych::ICC` computes them.
 *
 * | Shrout–Fleiss | McGraw–Wong | model                           | coefficient                              |
 * |---------------|-------------|---------------------------------|------------------------------------------|
 * | ICC(1,1)      | ICC(1)      | one-way random                  | (MSR − MSW) / (MSR + (k−1)·MSW)          |
 * | ICC(2,1)      | ICC(A,1)    | two-way random, absolute agr.   | (MSR − MSE) / (MSR + (k−1)·MSE + k·(MSC − MSE)/n) |
 * | ICC(3,1)      | ICC(C,1)    | two-way mixed, consistency      | (MSR − MSE) / (MSR + (k−1)·MSE)          |
 * | ICC(1,k)      | ICC(k)      | one-way random, mean of k       | (MSR − MSW) / MSR                        |
 * | ICC(2,k)      | ICC(A,k)    | two-way random, mean of k       | (MSR − MSE) / (MSR + (MSC − MSE)/n)      |
 * | ICC(3,k)      | ICC(C,k)    | two-way mixed, mean of k        | (MSR − MSE) / MSR                        |
 *
 * MSR: between subjects (rows); MSW: within subjects (one-way residual); MSC: between trials
 * (columns); MSE: two-way residual.
 *
 * Tests (H0: ICC = 0, one-sided, as Shrout & Fleiss and `psych::ICC`): F = MSR/MSW on
 * (n−1, n(k−1)) df for the one-way forms, F = MSR/MSE on (n−1, (n−1)(k−1)) df for the two-way
 * forms; p = P(F > f). (`irr::icc` doubles this p and, for the agreement forms, uses the
 * Satterthwaite df as the test's denominator df; we follow Shrout & Fleiss.)
 *
 * Confidence intervals (level `confLevel`, α = 1 − confLevel), as `psych::ICC`:
 * - ICC(1,1), ICC(3,1): F_L = F / qf(1−α/2, df1, df2), F_U = F · qf(1−α/2, df2, df1);
 *   bounds (F_L − 1)/(F_L + k − 1) and (F_U − 1)/(F_U + k − 1).
 * - ICC(1,k), ICC(3,k): 1 − 1/F_L and 1 − 1/F_U.
 * - ICC(2,1): McGraw & Wong (1996) Table 7 with the Satterthwaite df
 *   v = (k−1)(n−1)(kρF_C + n(1+(k−1)ρ) − kρ)² / ((n−1)k²ρ²F_C² + (n(1+(k−1)ρ) − kρ)²),
 *   ρ = ICC(2,1), F_C = MSC/MSE; lower n(MSR − F*·MSE) / (F*(k·MSC + (kn−k−n)MSE) + n·MSR) with
 *   F* = qf(1−α/2, n−1, v), upper n(F*·MSR − MSE) / (k·MSC + (kn−k−n)MSE + n·F*·MSR) with
 *   F* = qf(1−α/2, v, n−1).
 * - ICC(2,k): the Spearman–Brown step-up k·b / (1 + (k−1)·b) of the ICC(2,1) bounds, as
 *   `psych::ICC` (the same interval McGraw & Wong's ICC(A,k) formulas give with v from
 *   ICC(A,1); `irr::icc` recomputes v from ICC(A,k) and so differs slightly).
 *
 * Missing trials: a row (subject) with any missing value (`null` or NaN) is dropped whole —
 * complete cases, as `irr::icc`'s `na.omit` — and the result says which rows were dropped.
 */
import { ParameterError } from '../errors.js';
import { fQuantile, fSurvival } from './f-distribution.js';

/** Shrout & Fleiss (1979) labels. */
export type IccFormLabel = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';
/** McGraw & Wong (1996) labels, in the same order as {@link IccFormLabel}. */
export type McGrawWongLabel = 'ICC(1)' | 'ICC(A,1)' | 'ICC(C,1)' | 'ICC(k)' | 'ICC(A,k)' | 'ICC(C,k)';

/** The six forms in the order results list them: single-measure forms first, then average-measure. */
export const ICC_FORMS: readonly IccFormLabel[] = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'];

/** What a form assumes and measures, in McGraw & Wong's terms. */
export interface IccFormInfo {
  form: IccFormLabel;
  mcgrawWong: McGrawWongLabel;
  model: 'one-way random' | 'two-way random' | 'two-way mixed';
  type: 'absolute agreement' | 'consistency';
  /** `single`: the reliability of one trial; `average`: of the mean of the k trials. */
  measures: 'single' | 'average';
}

const FORM_INFO: Record<IccFormLabel, IccFormInfo> = {
  'ICC(1,1)': { form: 'ICC(1,1)', mcgrawWong: 'ICC(1)', model: 'one-way random', type: 'absolute agreement', measures: 'single' },
  'ICC(2,1)': { form: 'ICC(2,1)', mcgrawWong: 'ICC(A,1)', model: 'two-way random', type: 'absolute agreement', measures: 'single' },
  'ICC(3,1)': { form: 'ICC(3,1)', mcgrawWong: 'ICC(C,1)', model: 'two-way mixed', type: 'consistency', measures: 'single' },
  'ICC(1,k)': { form: 'ICC(1,k)', mcgrawWong: 'ICC(k)', model: 'one-way random', type: 'absolute agreement', measures: 'average' },
  'ICC(2,k)': { form: 'ICC(2,k)', mcgrawWong: 'ICC(A,k)', model: 'two-way random', type: 'absolute agreement', measures: 'average' },
  'ICC(3,k)': { form: 'ICC(3,k)', mcgrawWong: 'ICC(C,k)', model: 'two-way mixed', type: 'consistency', measures: 'average' },
};

/** A form whose coefficient, F test and confidence interval are all defined (finite). */
export interface IccFormOk extends IccFormInfo {
  ok: true;
  icc: number;
  fValue: number;
  df1: number;
  /** Denominator df of the F test. */
  df2: number;
  /** One-sided p for H0: ICC = 0, P(F > fValue). */
  p: number;
  ciLower: number;
  ciUpper: number;
}

/**
 * A form whose test and interval are undefined. `icc` is present when the coefficient itself is
 * defined (e.g. identical trials: every ICC is 1 but the F statistic is infinite).
 */
export interface IccFormUndefined extends IccFormInfo {
  ok: false;
  reason: string;
  icc?: number;
}

/** One ICC form with its test and interval, or why they are undefined. */
export type IccForm = IccFormOk | IccFormUndefined;

/** The ANOVA decomposition behind the coefficients (two-way without interaction, and one-way). */
export interface IccMeanSquares {
  /** MSR (Shrout–Fleiss BMS): between subjects, df n − 1. */
  msRows: number;
  /** MSC (JMS): between trials or raters, df k − 1. */
  msColumns: number;
  /** MSE (EMS): two-way residual, df (n − 1)(k − 1). */
  msError: number;
  /** MSW (WMS): within subjects, one-way residual, df n(k − 1). */
  msWithin: number;
  dfRows: number;
  dfColumns: number;
  dfError: number;
  dfWithin: number;
  /** Total sum of squares about the grand mean, df nk − 1. */
  ssTotal: number;
}

interface IccCounts {
  /** Rows in the input. */
  nRows: number;
  /** Subjects used (complete rows). */
  nSubjects: number;
  kTrials: number;
  /** 0-based indices of the rows dropped for a missing trial, in input order. */
  droppedRows: number[];
}

/** A complete ICC analysis: every form, keyed by its Shrout & Fleiss label. */
export interface IccResult extends IccCounts {
  ok: true;
  confLevel: number;
  meanSquares: IccMeanSquares;
  forms: Record<IccFormLabel, IccForm>;
}

/** No ICC is defined for the matrix (too few complete subjects or trials, or zero variance). */
export interface IccFailure extends IccCounts {
  ok: false;
  reason: string;
}

/** What {@link icc} returns. */
export type IccOutcome = IccResult | IccFailure;

/** Options of {@link icc}. */
export interface IccOptions {
  /** Confidence level of the intervals, in (0, 1). Default 0.95. */
  confLevel?: number;
}

/** The default confidence level of {@link icc}. */
export const ICC_DEFAULT_CONF_LEVEL = 0.95;

/**
 * ICCs of an n × k matrix: `matrix[i][j]` is subject i's value on trial (or rater) j.
 * Missing values are `null` or NaN; rows holding one are dropped (complete cases).
 *
 * Matches R: the mean squares of `aov(y ~ subject + trial)` and `aov(y ~ subject)`, and the
 * formulas of `psych::ICC` (see the file header), with p from `pf(F, df1, df2, lower.tail = FALSE)`.
 *
 * @returns `{ ok: false, reason }` when fewer than 2 complete subjects or 2 trials remain or
 *   every observation is equal; otherwise every form, each `ok: false` where its own test or
 *   interval is undefined.
 * @throws ParameterError for rows of unequal length, an infinite value, or confLevel outside (0, 1).
 */
export function icc(matrix: ReadonlyArray<ArrayLike<number | null>>, options: IccOptions = {}): IccOutcome {
  const confLevel = options.confLevel ?? ICC_DEFAULT_CONF_LEVEL;
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new ParameterError(`ICC confidence level ${confLevel} must lie strictly between 0 and 1`);
  }
  const nRows = matrix.length;
  const kTrials = nRows > 0 ? matrix[0].length : 0;
  const rows: number[][] = [];
  const droppedRows: number[] = [];
  for (let i = 0; i < nRows; i++) {
    const row = matrix[i];
    if (row.length !== kTrials) {
      throw new ParameterError(`ICC matrix row ${i} has ${row.length} trials; row 0 has ${kTrials} (rows must have equal length)`);
    }
    let complete = true;
    const values: number[] = new Array<number>(kTrials);
    for (let j = 0; j < kTrials; j++) {
      const v = row[j];
      if (v === null || Number.isNaN(v)) {
        complete = false;
        continue;
      }
      if (!Number.isFinite(v)) throw new ParameterError(`ICC matrix value ${v} at row ${i}, trial ${j} is not finite`);
      values[j] = v;
    }
    if (complete) rows.push(values);
    else droppedRows.push(i);
  }
  const n = rows.length;
  const k = kTrials;
  const counts: IccCounts = { nRows, nSubjects: n, kTrials: k, droppedRows };
  const dropNote = droppedRows.length > 0 ? ` (${droppedRows.length} of ${nRows} rows dropped for a missing trial)` : '';
  if (nRows === 0) return { ok: false, reason: 'ICC needs at least 2 subjects; the matrix is empty', ...counts };
  if (k < 2) return { ok: false, reason: `ICC needs at least 2 trials per subject; got ${k}`, ...counts };
  if (n < 2) return { ok: false, reason: `ICC needs at least 2 subjects with all ${k} trials; got ${n}${dropNote}`, ...counts };

  const ms = meanSquares(rows, n, k);
  if (ms.ssTotal === 0) {
    return { ok: false, reason: `all ${n * k} observations are equal: ICC undefined (zero variance)`, ...counts };
  }
  const alpha = 1 - confLevel;
  const forms = iccForms(ms, n, k, alpha);
  return { ok: true, ...counts, confLevel, meanSquares: ms, forms };
}

/**
 * Sums of squares computed on each row's deviations from its first value, so that a row of
 * identical trials contributes exactly 0 to the within-subject terms (and the sums lose no
 * digits to a large common offset).
 */
function meanSquares(rows: number[][], n: number, k: number): IccMeanSquares {
  const rowMean = new Float64Array(n);
  const dev: Float64Array[] = [];
  const colEffect = new Float64Array(k);
  let ssWithin = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const ref = row[0];
    const d = new Float64Array(k);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      d[j] = row[j] - ref;
      sum += d[j];
    }
    const dMean = sum / k;
    for (let j = 0; j < k; j++) {
      d[j] -= dMean;
      ssWithin += d[j] * d[j];
      colEffect[j] += d[j];
    }
    rowMean[i] = ref + dMean;
    dev.push(d);
  }
  for (let j = 0; j < k; j++) colEffect[j] /= n;
  let grand = 0;
  for (let i = 0; i < n; i++) grand += rowMean[i];
  grand /= n;
  let ssRows = 0;
  for (let i = 0; i < n; i++) ssRows += (rowMean[i] - grand) ** 2;
  ssRows *= k;
  let ssColumns = 0;
  for (let j = 0; j < k; j++) ssColumns += colEffect[j] * colEffect[j];
  ssColumns *= n;
  let ssError = 0;
  for (let i = 0; i < n; i++) {
    const d = dev[i];
    for (let j = 0; j < k; j++) ssError += (d[j] - colEffect[j]) ** 2;
  }
  const dfRows = n - 1;
  const dfColumns = k - 1;
  const dfError = (n - 1) * (k - 1);
  const dfWithin = n * (k - 1);
  return {
    msRows: ssRows / dfRows,
    msColumns: ssColumns / dfColumns,
    msError: ssError / dfError,
    msWithin: ssWithin / dfWithin,
    dfRows,
    dfColumns,
    dfError,
    dfWithin,
    ssTotal: ssRows + ssWithin,
  };
}

function iccForms(ms: IccMeanSquares, n: number, k: number, alpha: number): Record<IccFormLabel, IccForm> {
  const { msRows: MSR, msColumns: MSC, msError: MSE, msWithin: MSW } = ms;
  const estimates: Record<IccFormLabel, [number, number]> = {
    'ICC(1,1)': [MSR - MSW, MSR + (k - 1) * MSW],
    'ICC(2,1)': [MSR - MSE, MSR + (k - 1) * MSE + (k * (MSC - MSE)) / n],
    'ICC(3,1)': [MSR - MSE, MSR + (k - 1) * MSE],
    'ICC(1,k)': [MSR - MSW, MSR],
    'ICC(2,k)': [MSR - MSE, MSR + (MSC - MSE) / n],
    'ICC(3,k)': [MSR - MSE, MSR],
  };
  const out = {} as Record<IccFormLabel, IccForm>;
  const q = 1 - alpha / 2;

  // One-way test and interval pieces.
  const oneWay = MSW > 0 ? fPieces(MSR / MSW, ms.dfRows, ms.dfWithin, q) : undefined;
  const twoWay = MSE > 0 ? fPieces(MSR / MSE, ms.dfRows, ms.dfError, q) : undefined;

  // ICC(2,1) bounds (McGraw & Wong 1996, Table 7), needed for ICC(2,1) and ICC(2,k).
  let agreementBounds: [number, number] | undefined;
  const [num2, den2] = estimates['ICC(2,1)'];
  if (MSE > 0 && den2 !== 0) {
    const rho = num2 / den2;
    const fc = MSC / MSE;
    const b = n * (1 + (k - 1) * rho) - k * rho;
    const v = ((k - 1) * (n - 1) * (k * rho * fc + b) ** 2) / ((n - 1) * k * k * rho * rho * fc * fc + b * b);
    if (Number.isFinite(v) && v > 0) {
      const fStarL = fQuantile(q, n - 1, v);
      const fStarU = fQuantile(q, v, n - 1);
      const c = k * MSC + (k * n - k - n) * MSE;
      agreementBounds = [(n * (MSR - fStarL * MSE)) / (fStarL * c + n * MSR), (n * (fStarU * MSR - MSE)) / (c + n * fStarU * MSR)];
    }
  }

  for (const label of ICC_FORMS) {
    const info = FORM_INFO[label];
    const [num, den] = estimates[label];
    if (den === 0) {
      out[label] = { ...info, ok: false, reason: `${label} undefined: its denominator is 0` };
      continue;
    }
    const value = num / den;
    const pieces = info.model === 'one-way random' ? oneWay : twoWay;
    if (pieces === undefined) {
      const term = info.model === 'one-way random' ? 'within-subject mean square MSW' : 'residual mean square MSE';
      out[label] = {
        ...info,
        ok: false,
        reason: `${label} has no F test or confidence interval: the ${term} is 0, so F is infinite`,
        icc: value,
      };
      continue;
    }
    let bounds: [number, number] | undefined;
    if (label === 'ICC(2,1)') bounds = agreementBounds;
    else if (label === 'ICC(2,k)') bounds = agreementBounds && [spearmanBrown(agreementBounds[0], k), spearmanBrown(agreementBounds[1], k)];
    else if (info.measures === 'single') bounds = [(pieces.fL - 1) / (pieces.fL + k - 1), (pieces.fU - 1) / (pieces.fU + k - 1)];
    else bounds = [1 - 1 / pieces.fL, 1 - 1 / pieces.fU];

    if (bounds === undefined || !Number.isFinite(bounds[0]) || !Number.isFinite(bounds[1]) || !Number.isFinite(value)) {
      out[label] = { ...info, ok: false, reason: `${label} confidence interval is not finite for these mean squares`, ...(Number.isFinite(value) ? { icc: value } : {}) };
      continue;
    }
    out[label] = {
      ...info,
      ok: true,
      icc: value,
      fValue: pieces.f,
      df1: pieces.df1,
      df2: pieces.df2,
      p: pieces.p,
      ciLower: bounds[0],
      ciUpper: bounds[1],
    };
  }
  return out;
}

interface FPieces {
  f: number;
  df1: number;
  df2: number;
  p: number;
  /** F / qf(q, df1, df2) */
  fL: number;
  /** F · qf(q, df2, df1) */
  fU: number;
}

function fPieces(f: number, df1: number, df2: number, q: number): FPieces {
  return { f, df1, df2, p: fSurvival(f, df1, df2), fL: f / fQuantile(q, df1, df2), fU: f * fQuantile(q, df2, df1) };
}

function spearmanBrown(r: number, k: number): number {
  return (k * r) / (1 + (k - 1) * r);
}
