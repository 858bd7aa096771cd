import {
  type Alternative,
  cliffsDelta,
  cohensD,
  describe,
  glassDelta,
  hedgesG,
  mannWhitney,
  missingCount,
  rankBiserial,
  type Sample,
  tTest,
  type TTestVariant,
} from '../stats/index.js';
import type { CompareCell } from './compare-cells.js';
import {
  ciEnd,
  finite,
  groupBlock,
  type HodgesLehmannBlock,
  type IndependentRecord,
  type MannWhitneyBlock,
  type MeanDifferenceBlock,
  reasonsOf,
  tBlock,
} from './compare-record.js';

/** Options shared by every comparison of one run. */
export interface ComparisonOptions {
  alternative: Alternative;
  confLevel: number;
}

/** The sample of one level in a cell; a level absent from the cell is an empty sample. */
export function levelSample(cell: CompareCell, level: string): Sample {
  return { label: level, values: Float64Array.from(cell.levels.get(level)?.values ?? []) };
}

/**
 * Focal against reference in one cell, from the raw values (missing values left out and counted):
 * descriptives of both groups; the mean difference focal − reference with the interval of the
 * `ciFrom` t-test; Welch and Student t-tests (R `t.test`), Mann–Whitney with the Hodges–Lehmann
 * shift (R `wilcox.test`), and Cohen's d, Hedges' g with its non-central t interval, Glass's delta,
 * Cliff's delta and the rank-biserial r. Whatever cannot be computed is null with its reason.
 * The adjusted p-values are added afterwards, across the whole run.
 */
export function compareGroups(
  cell: CompareCell,
  focal: string,
  reference: string,
  options: ComparisonOptions & { ciFrom: TTestVariant },
): Omit<IndependentRecord, 'p_adjusted'> {
  const { alternative, confLevel, ciFrom } = options;
  const f = levelSample(cell, focal);
  const r = levelSample(cell, reference);
  const df = describe(f);
  const dr = describe(r);
  const welch = tTest(f, r, { variant: 'welch', alternative, confLevel });
  const student = tTest(f, r, { variant: 'student', alternative, confLevel });
  const ciTest = ciFrom === 'student' ? student : welch;
  const meanDifference: MeanDifferenceBlock = {
    estimate: df.ok && dr.ok ? finite(df.mean - dr.mean, 'mean difference') : null,
    ci_low: ciTest.ok ? ciEnd(ciTest.ci.lower) : null,
    ci_high: ciTest.ok ? ciEnd(ciTest.ci.upper) : null,
    conf_level: confLevel,
    ci_from: ciFrom,
  };
  if (!ciTest.ok) meanDifference.reason = ciTest.reason;

  const mw = mannWhitney(f, r, { alternative, confLevel });
  let mannWhitneyBlock: MannWhitneyBlock;
  if (mw.ok) {
    const hl = mw.hodgesLehmann;
    const hlBlock: HodgesLehmannBlock = hl.ok
      ? { estimate: finite(hl.estimate, 'Hodges-Lehmann shift'), ci_low: ciEnd(hl.ci.lower), ci_high: ciEnd(hl.ci.upper), conf_level: hl.ci.level }
      : { estimate: null, ci_low: null, ci_high: null, conf_level: null, reason: hl.reason };
    mannWhitneyBlock = { w: mw.W, p: finite(mw.p, 'Mann-Whitney p'), method: mw.method, hodges_lehmann: hlBlock };
  } else {
    const hlBlock: HodgesLehmannBlock = { estimate: null, ci_low: null, ci_high: null, conf_level: null, reason: mw.reason };
    mannWhitneyBlock = { w: null, p: null, method: null, hodges_lehmann: hlBlock, reason: mw.reason };
  }

  const d = cohensD(f, r, { confLevel, alternative });
  const g = hedgesG(f, r, { confLevel, alternative });
  const delta = glassDelta(f, r, { confLevel, alternative });
  const cliff = cliffsDelta(f, r);
  const rb = rankBiserial(f, r);
  const reasons = reasonsOf([
    ['cohens_d', d],
    ['hedges_g', g],
    ['glass_delta', delta],
    ['cliffs_delta', cliff],
    ['rank_biserial', rb],
  ]);
  return {
    design: 'independent',
    measure: cell.measure,
    unit: cell.unit,
    strata: cell.strata,
    focal,
    reference,
    groups: Object.fromEntries([
      [focal, groupBlock(df, missingCount(f))],
      [reference, groupBlock(dr, missingCount(r))],
    ]),
    mean_difference: meanDifference,
    welch: tBlock(welch),
    student: tBlock(student),
    mann_whitney: mannWhitneyBlock,
    effect_size: {
      cohens_d: d.ok ? finite(d.value, "Cohen's d") : null,
      hedges_g: g.ok ? finite(g.value, "Hedges' g") : null,
      hedges_g_ci_low: g.ok ? ciEnd(g.ci.lower) : null,
      hedges_g_ci_high: g.ok ? ciEnd(g.ci.upper) : null,
      glass_delta: delta.ok ? finite(delta.value, "Glass's delta") : null,
      cliffs_delta: cliff.ok ? finite(cliff.value, "Cliff's delta") : null,
      rank_biserial: rb.ok ? finite(rb.value, 'rank-biserial r') : null,
      ...(reasons ? { reasons } : {}),
    },
  };
}
