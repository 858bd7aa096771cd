import type { Descriptives, Outcome } from '../stats/index.js';

/**
 * The records `myoscope compare` writes, one per measure × stratum × focal group. A statistic
 * that cannot be computed is `null` and its block carries a `reason` (effect sizes: `reasons`,
 * keyed by statistic); no value is ever NaN. One-sided interval ends are the strings `"-Inf"` /
 * `"Inf"`, never null, so null always means "not computed".
 */

/** An interval end: a number, an open end of a one-sided interval, or null (not computed). */
export type CiEnd = number | '-Inf' | 'Inf' | null;

/** Descriptives of one group (or one level of the within factor), in the unit of the measure. */
export interface GroupBlock {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  reason?: string;
}

/** Descriptives of a group known only by its published mean, SD and n. */
export interface SummaryGroupBlock {
  n: number;
  mean: number;
  sd: number;
  se: number;
}

export interface MeanDifferenceBlock {
  estimate: number | null;
  ci_low: CiEnd;
  ci_high: CiEnd;
  conf_level: number;
  /** Which test's interval it is (`welch`, `student`, `paired_t`). */
  ci_from: string;
  reason?: string;
}

export interface TBlock {
  t: number | null;
  df: number | null;
  p: number | null;
  reason?: string;
}

export interface HodgesLehmannBlock {
  estimate: number | null;
  ci_low: CiEnd;
  ci_high: CiEnd;
  /** Level achieved (the exact interval can fall short of the one asked for, as in R). */
  conf_level: number | null;
  reason?: string;
}

export interface MannWhitneyBlock {
  w: number | null;
  p: number | null;
  method: 'exact' | 'normal' | null;
  hodges_lehmann: HodgesLehmannBlock;
  reason?: string;
}

export interface SignedRankBlock {
  v: number | null;
  p: number | null;
  method: 'exact' | 'normal' | null;
  /** Non-zero differences (the n of the test; zero differences are dropped as in R). */
  n_nonzero: number | null;
  reason?: string;
}

export interface AdjustedBlock {
  holm: number | null;
  bh: number | null;
  /** Key of the test whose p is adjusted (`welch`, `student`, `mann_whitney`, `paired_t`, `wilcoxon_signed_rank`). */
  of: string;
  /** Size of the family: rows of this run with a p-value from that test. */
  m: number;
  reason?: string;
}

export interface IndependentEffects {
  cohens_d: number | null;
  hedges_g: number | null;
  hedges_g_ci_low: CiEnd;
  hedges_g_ci_high: CiEnd;
  glass_delta: number | null;
  cliffs_delta: number | null;
  rank_biserial: number | null;
  reasons?: Record<string, string>;
}

export interface PairedEffects {
  cohens_dz: number | null;
  cohens_dz_ci_low: CiEnd;
  cohens_dz_ci_high: CiEnd;
  cohens_dav: number | null;
  reasons?: Record<string, string>;
}

export interface SummaryEffects {
  hedges_g: number | null;
  hedges_g_ci_low: CiEnd;
  hedges_g_ci_high: CiEnd;
  reasons?: Record<string, string>;
}

interface RecordCore {
  measure: string;
  /** Unit of the measure (from a `unit` column), or null when the table gives none. */
  unit: string | null;
  /** The stratum: column → level, e.g. `{ muscle: "ES", side: "L" }`; `{}` without `--by`. */
  strata: Record<string, string>;
  /** The group (or within level) whose difference from the reference is reported. */
  focal: string;
  reference: string;
  mean_difference: MeanDifferenceBlock;
  p_adjusted: AdjustedBlock;
}

/** Focal group against reference group, from the raw values. */
export interface IndependentRecord extends RecordCore {
  design: 'independent';
  groups: Record<string, GroupBlock>;
  welch: TBlock;
  student: TBlock;
  mann_whitney: MannWhitneyBlock;
  effect_size: IndependentEffects;
}

/** First against second level of the within factor, over subjects. */
export interface PairedRecord extends RecordCore {
  design: 'paired';
  /** Complete pairs (subjects with a value at both levels). */
  n_pairs: number;
  groups: Record<string, GroupBlock>;
  paired_t: TBlock;
  wilcoxon_signed_rank: SignedRankBlock;
  effect_size: PairedEffects;
}

/** Focal against reference from published mean, SD and n. */
export interface SummaryRecord extends RecordCore {
  design: 'summary';
  groups: Record<string, SummaryGroupBlock>;
  welch: TBlock;
  effect_size: SummaryEffects;
}

export type CompareRecord = IndependentRecord | PairedRecord | SummaryRecord;

/** A record before the run-wide p adjustment is added. */
export type UnadjustedRecord = Omit<IndependentRecord, 'p_adjusted'> | Omit<PairedRecord, 'p_adjusted'> | Omit<SummaryRecord, 'p_adjusted'>;

/**
 * A finite number as it is, or an interval end as `"-Inf"` / `"Inf"`. A NaN here is a bug in the
 * caller and throws rather than reaching the output.
 */
export function ciEnd(x: number): Exclude<CiEnd, null> {
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  return finite(x, 'interval end');
}

/** The number itself; throws (an internal error) on NaN or ±Infinity so none reaches the output. */
export function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new Error(`${what} is ${x}; the output must hold finite numbers only`);
  return x;
}

/** Descriptives as a group block; a group without values keeps its counts and gives the reason. */
export function groupBlock(d: Outcome<Descriptives>, missing: number): GroupBlock {
  if (!d.ok) {
    return { n: 0, missing, mean: null, sd: null, se: null, median: null, q1: null, q3: null, min: null, max: null, reason: d.reason };
  }
  const block: GroupBlock = {
    n: d.n,
    missing: d.missing,
    mean: d.mean,
    sd: d.sd.ok ? d.sd.value : null,
    se: d.se.ok ? d.se.value : null,
    median: d.median,
    q1: d.q1,
    q3: d.q3,
    min: d.min,
    max: d.max,
  };
  if (!d.sd.ok) block.reason = d.sd.reason;
  return block;
}

/** The `{ t, df, p }` of a t-test, or nulls and the reason. */
export function tBlock(r: Outcome<{ t: number; df: number; p: number }>): TBlock {
  return r.ok ? { t: finite(r.t, 't'), df: finite(r.df, 'df'), p: finite(r.p, 'p') } : { t: null, df: null, p: null, reason: r.reason };
}

/** Collects the reasons of effect sizes that could not be computed; undefined when all were. */
export function reasonsOf(entries: [string, Outcome<object>][]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [key, r] of entries) if (!r.ok) out[key] = r.reason;
  return Object.keys(out).length > 0 ? out : undefined;
}
