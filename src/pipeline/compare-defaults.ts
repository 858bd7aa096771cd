/**
 * Method defaults of `myoscope compare`, each with the source it follows. The command resolves
 * them into complete parameters and records them in `params`; the statistics take no hidden defaults.
 */

/**
 * Welch's t-test is the primary test by default: it keeps its error rate when the group variances
 * or sizes differ and loses little when they do not (Delacre M, Lakens D, Leys C (2017) "Why
 * psychologists should by default use Welch's t-test instead of Student's t-test", Int Rev Soc
 * Psychol 30:92–101). It is also R's `t.test` default (`var.equal = FALSE`).
 */
export const PRIMARY_TEST = 'welch';

/** Primary test of paired mode: the paired t-test (R `t.test(paired = TRUE)`). */
export const PRIMARY_PAIRED_TEST = 'paired-t';

/** Confidence level of every interval: 0.95, R's `conf.level` default. */
export const CONF_LEVEL = 0.95;

/** Two-sided alternative, R's default; `less` / `greater` are focal < / > reference. */
export const ALTERNATIVE = 'two.sided';

/**
 * Names a reference group is taken to be when a group column has exactly two levels and one of
 * them matches (case-insensitive, spaces/dashes/underscores ignored): control(s), healthy
 * (control(s)), no LBP, non-LBP, asymptomatic, ctrl, HC. Anything else needs `--reference`.
 */
export const CONTROL_LIKE = /^(controls?|ctrls?|hc|healthy(controls?)?|healthysubjects|nolbp|nonlbp|withoutlbp|asymptomatic|nopain|painfree)$/;

/** Tokens read as a missing measurement (besides the empty cell): NA, NaN, n/a (BIDS). */
export const MISSING_TOKENS: readonly string[] = ['', 'na', 'nan', 'n/a'];

/** Header aliases for the subject column (independent mode; `--subject` overrides). */
export const SUBJECT_ALIASES: readonly string[] = ['subject', 'participant_id', 'participant', 'subject_id', 'sub'];

/** Header aliases of a summary table (`--from-summary`). */
export const SUMMARY_ALIASES = {
  mean: ['mean', 'm', 'avg', 'average'],
  sd: ['sd', 'std', 'stdev', 'std_dev', 'standard_deviation', 's'],
  n: ['n', 'count', 'size', 'n_subjects', 'n_participants'],
} as const;
