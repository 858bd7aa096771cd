import type { CompareRecord, GroupBlock, SummaryGroupBlock } from './compare-record.js';

/** Every reason a record gives, once each, in block order. */
export function recordReasons(record: CompareRecord): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'reason' && typeof x === 'string') found.push(x);
      else if (k === 'reasons' && x && typeof x === 'object') found.push(...Object.values(x as Record<string, string>));
      else if (k !== 'strata') walk(x);
    }
  };
  walk(record);
  return [...new Set(found)];
}

function groupColumns(prefix: string, g: GroupBlock | SummaryGroupBlock | undefined, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [`${prefix}_${k}`, g ? (g as unknown as Record<string, unknown>)[k] : null]));
}

const GROUP_KEYS = ['n', 'missing', 'mean', 'sd', 'se', 'median', 'q1', 'q3', 'min', 'max'] as const;
const SUMMARY_GROUP_KEYS = ['n', 'mean', 'sd', 'se'] as const;

/**
 * The records as flat CSV rows with a fixed column set per design: identifying columns, one
 * column per stratum (`stratum_<name>` if the name is taken), focal and reference descriptives
 * (`focal_mean`, `reference_sd`, …), the mean difference, each test, the effect sizes, the adjusted
 * p and one `reason` column joining every reason of the row. Infinite interval ends stay `-Inf`/`Inf`.
 */
export function compareCsvRecords(records: CompareRecord[], byNames: string[]): { records: Record<string, unknown>[]; columns: string[] } {
  const fixed = new Set(['measure', 'unit', 'design', 'focal', 'reference', 'reason']);
  const strataColumns = byNames.map((b) => (fixed.has(b) || /^(focal|reference|mean_difference|welch|student|mann_whitney|p)_/.test(b) ? `stratum_${b}` : b));
  const rows = records.map((r) => {
    const head: Record<string, unknown> = { measure: r.measure, unit: r.unit };
    byNames.forEach((b, i) => (head[strataColumns[i]] = r.strata[b]));
    head.focal = r.focal;
    head.reference = r.reference;
    const md = r.mean_difference;
    const diff = {
      mean_difference: md.estimate,
      mean_difference_ci_low: md.ci_low,
      mean_difference_ci_high: md.ci_high,
      conf_level: md.conf_level,
    };
    const adjusted = { p_holm: r.p_adjusted.holm, p_bh: r.p_adjusted.bh, p_adjusted_of: r.p_adjusted.of, reason: recordReasons(r).join('; ') || null };
    if (r.design === 'independent') {
      const mw = r.mann_whitney;
      const es = r.effect_size;
      return {
        ...head,
        ...groupColumns('focal', r.groups[r.focal], GROUP_KEYS),
        ...groupColumns('reference', r.groups[r.reference], GROUP_KEYS),
        ...diff,
        welch_t: r.welch.t,
        welch_df: r.welch.df,
        welch_p: r.welch.p,
        student_t: r.student.t,
        student_df: r.student.df,
        student_p: r.student.p,
        mann_whitney_w: mw.w,
        mann_whitney_p: mw.p,
        mann_whitney_method: mw.method,
        hodges_lehmann: mw.hodges_lehmann.estimate,
        hodges_lehmann_ci_low: mw.hodges_lehmann.ci_low,
        hodges_lehmann_ci_high: mw.hodges_lehmann.ci_high,
        hodges_lehmann_conf_level: mw.hodges_lehmann.conf_level,
        cohens_d: es.cohens_d,
        hedges_g: es.hedges_g,
        hedges_g_ci_low: es.hedges_g_ci_low,
        hedges_g_ci_high: es.hedges_g_ci_high,
        glass_delta: es.glass_delta,
        cliffs_delta: es.cliffs_delta,
        rank_biserial: es.rank_biserial,
        ...adjusted,
      };
    }
    if (r.design === 'paired') {
      const w = r.wilcoxon_signed_rank;
      const es = r.effect_size;
      return {
        ...head,
        n_pairs: r.n_pairs,
        ...groupColumns('focal', r.groups[r.focal], GROUP_KEYS),
        ...groupColumns('reference', r.groups[r.reference], GROUP_KEYS),
        ...diff,
        paired_t_t: r.paired_t.t,
        paired_t_df: r.paired_t.df,
        paired_t_p: r.paired_t.p,
        wilcoxon_v: w.v,
        wilcoxon_p: w.p,
        wilcoxon_method: w.method,
        wilcoxon_n_nonzero: w.n_nonzero,
        cohens_dz: es.cohens_dz,
        cohens_dz_ci_low: es.cohens_dz_ci_low,
        cohens_dz_ci_high: es.cohens_dz_ci_high,
        cohens_dav: es.cohens_dav,
        ...adjusted,
      };
    }
    const es = r.effect_size;
    return {
      ...head,
      ...groupColumns('focal', r.groups[r.focal], SUMMARY_GROUP_KEYS),
      ...groupColumns('reference', r.groups[r.reference], SUMMARY_GROUP_KEYS),
      ...diff,
      welch_t: r.welch.t,
      welch_df: r.welch.df,
      welch_p: r.welch.p,
      hedges_g: es.hedges_g,
      hedges_g_ci_low: es.hedges_g_ci_low,
      hedges_g_ci_high: es.hedges_g_ci_high,
      ...adjusted,
    };
  });
  return { records: rows, columns: rows.length > 0 ? Object.keys(rows[0]) : ['measure', 'unit', ...strataColumns, 'focal', 'reference'] };
}
