import { checkConfLevel } from './check-level.js';
import type { Alternative, ConfidenceInterval, Outcome } from './result.js';
import { unavailable } from './result.js';
import { tInference } from './t-inference.js';

/** Size, mean and variance (denominator n − 1) of one group, with its name for messages. */
export interface GroupMoments {
  readonly label: string;
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

/** `welch` (unequal variances, Welch–Satterthwaite df; R's default) or `student` (pooled variance). */
export type TTestVariant = 'welch' | 'student';

/** Options of the two-sample t-tests. */
export interface TTestOptions {
  /** Default `welch`, as R's `t.test`. */
  readonly variant?: TTestVariant;
  /** Default `two.sided`. */
  readonly alternative?: Alternative;
  /** Default 0.95. */
  readonly confLevel?: number;
}

/** A two-sample t-test of focal minus reference. */
export interface TTest {
  readonly test: 'welch_t' | 'student_t';
  /** How t, its standard error and df were formed. */
  readonly formula: string;
  readonly alternative: Alternative;
  readonly nFocal: number;
  readonly nReference: number;
  readonly t: number;
  readonly df: number;
  readonly p: number;
  /** mean(focal) − mean(reference), in the unit of the data. */
  readonly meanDifference: number;
  /** Standard error of the mean difference. */
  readonly se: number;
  /** Confidence interval of the mean difference. */
  readonly ci: ConfidenceInterval;
}

/** The formula reported with every Welch test. */
export const WELCH_FORMULA =
  'welch_t: t = (mean_focal - mean_reference) / sqrt(s_focal^2/n_focal + s_reference^2/n_reference); ' +
  'df = Welch-Satterthwaite (R t.test, var.equal = FALSE)';
/** The formula reported with every Student test. */
export const STUDENT_FORMULA =
  'student_t: t = (mean_focal - mean_reference) / (s_pooled * sqrt(1/n_focal + 1/n_reference)); ' +
  's_pooled^2 = ((n_focal-1) s_focal^2 + (n_reference-1) s_reference^2) / (n_focal + n_reference - 2); ' +
  'df = n_focal + n_reference - 2 (R t.test, var.equal = TRUE)';

/**
 * Welch or Student two-sample t-test from group sizes, means and variances — the arithmetic of
 * R's `t.test(x = focal, y = reference, var.equal)`, in R's order of operations. Each group needs
 * at least 2 values; when both have (essentially) no variance, R's "data are essentially constant"
 * becomes a stated reason.
 */
export function tTestFromMoments(focal: GroupMoments, reference: GroupMoments, options: TTestOptions = {}): Outcome<TTest> {
  const { variant = 'welch', alternative = 'two.sided', confLevel = 0.95 } = options;
  checkConfLevel(confLevel);
  for (const g of [focal, reference]) {
    if (g.n < 2) return unavailable(`group "${g.label}" has fewer than 2 values`);
  }
  const { n: nx, mean: mx, variance: vx } = focal;
  const { n: ny, mean: my, variance: vy } = reference;
  let se: number;
  let df: number;
  if (variant === 'student') {
    df = nx + ny - 2;
    const v = ((nx - 1) * vx + (ny - 1) * vy) / df;
    se = Math.sqrt(v * (1 / nx + 1 / ny));
  } else {
    const sex = Math.sqrt(vx / nx);
    const sey = Math.sqrt(vy / ny);
    se = Math.sqrt(sex ** 2 + sey ** 2);
    df = se ** 4 / (sex ** 4 / (nx - 1) + sey ** 4 / (ny - 1));
  }
  if (!(se >= 10 * Number.EPSILON * Math.max(Math.abs(mx), Math.abs(my))) || se === 0) {
    return unavailable(`groups "${focal.label}" and "${reference.label}" both have no variance, so t is undefined`);
  }
  const t = (mx - my) / se;
  const { p, ci } = tInference(t, df, se, alternative, confLevel);
  return {
    ok: true,
    test: variant === 'student' ? 'student_t' : 'welch_t',
    formula: variant === 'student' ? STUDENT_FORMULA : WELCH_FORMULA,
    alternative,
    nFocal: nx,
    nReference: ny,
    t,
    df,
    p,
    meanDifference: mx - my,
    se,
    ci,
  };
}
