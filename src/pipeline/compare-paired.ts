import {
  cohensDav,
  cohensDz,
  describe,
  mean,
  missingCount,
  pairedDifferences,
  pairedTTest,
  type Sample,
  wilcoxonSignedRank,
} from '../stats/index.js';
import type { CompareCell } from './compare-cells.js';
import type { ComparisonOptions } from './compare-groups.js';
import { ciEnd, finite, groupBlock, type MeanDifferenceBlock, type PairedRecord, reasonsOf, type SignedRankBlock, tBlock } from './compare-record.js';

/**
 * The two levels of the within factor in one cell as paired samples: one position per subject
 * found at either level (in first-seen order), NaN where a subject has no value at a level.
 */
export function pairedSamples(cell: CompareCell, first: string, second: string): [Sample, Sample] {
  const a = cell.levels.get(first) ?? { subjects: [], values: [] };
  const b = cell.levels.get(second) ?? { subjects: [], values: [] };
  const subjects = [...new Set([...a.subjects, ...b.subjects])];
  const valueOf = (lv: typeof a) => {
    const m = new Map(lv.subjects.map((s, i) => [s, lv.values[i]]));
    return Float64Array.from(subjects, (s) => m.get(s) ?? Number.NaN);
  };
  return [
    { label: first, values: valueOf(a) },
    { label: second, values: valueOf(b) },
  ];
}

/**
 * First (focal) against second (reference) level of the within factor in one cell, over the
 * subjects' complete pairs: descriptives of each level (all its values; a subject without a value
 * there counts as missing), the mean of the differences first − second with the paired t
 * interval, the paired t-test (R `t.test(paired = TRUE)`), the Wilcoxon signed-rank test (R
 * `wilcox.test(paired = TRUE)`), d_z with its non-central t interval and d_av.
 */
export function comparePaired(cell: CompareCell, first: string, second: string, options: ComparisonOptions): Omit<PairedRecord, 'p_adjusted'> {
  const { alternative, confLevel } = options;
  const [x, y] = pairedSamples(cell, first, second);
  const { d } = pairedDifferences(x, y);
  const t = pairedTTest(x, y, { alternative, confLevel });
  const meanDifference: MeanDifferenceBlock = {
    estimate: d.length > 0 ? finite(mean(d), 'mean difference') : null,
    ci_low: t.ok ? ciEnd(t.ci.lower) : null,
    ci_high: t.ok ? ciEnd(t.ci.upper) : null,
    conf_level: confLevel,
    ci_from: 'paired_t',
  };
  if (!t.ok) meanDifference.reason = t.reason;
  const w = wilcoxonSignedRank(x, y, { alternative });
  const signedRank: SignedRankBlock = w.ok
    ? { v: w.V, p: finite(w.p, 'signed-rank p'), method: w.method, n_nonzero: w.nNonZero }
    : { v: null, p: null, method: null, n_nonzero: null, reason: w.reason };
  const dz = cohensDz(x, y, { alternative, confLevel });
  const dav = cohensDav(x, y);
  const reasons = reasonsOf([
    ['cohens_dz', dz],
    ['cohens_dav', dav],
  ]);
  return {
    design: 'paired',
    measure: cell.measure,
    unit: cell.unit,
    strata: cell.strata,
    focal: first,
    reference: second,
    n_pairs: d.length,
    groups: Object.fromEntries([
      [first, groupBlock(describe(x), missingCount(x))],
      [second, groupBlock(describe(y), missingCount(y))],
    ]),
    mean_difference: meanDifference,
    paired_t: tBlock(t),
    wilcoxon_signed_rank: signedRank,
    effect_size: {
      cohens_dz: dz.ok ? finite(dz.value, 'd_z') : null,
      cohens_dz_ci_low: dz.ok ? ciEnd(dz.ci.lower) : null,
      cohens_dz_ci_high: dz.ok ? ciEnd(dz.ci.upper) : null,
      cohens_dav: dav.ok ? finite(dav.value, 'd_av') : null,
      ...(reasons ? { reasons } : {}),
    },
  };
}
