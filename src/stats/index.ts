/** Public surface of the statistics layer: pure functions on number arrays, results as plain objects. */
export { type Alternative, type ConfidenceInterval, type Outcome, type Unavailable, unavailable } from './result.js';
export { type Sample, missingCount, presentValues } from './sample.js';
export { normalCdf, normalQuantile, tCdf, tQuantile } from './distributions.js';
export { nonCentralTCdf } from './noncentral-t-cdf.js';
export { pWilcox, qWilcox } from './rank-sum-distribution.js';
export { pSignRank, qSignRank } from './signed-rank-distribution.js';
export { mean } from './mean.js';
export { variance } from './variance.js';
export { quantileType7 } from './quantile-type7.js';
export { type Descriptives, type Spread, describe } from './descriptives.js';
export { checkConfLevel } from './check-level.js';
export { tInference } from './t-inference.js';
export {
  type GroupMoments,
  type TTest,
  type TTestOptions,
  type TTestVariant,
  STUDENT_FORMULA,
  WELCH_FORMULA,
  tTestFromMoments,
} from './t-test-from-moments.js';
export { groupMoments, tTest } from './t-test.js';
export { averageRanks } from './average-ranks.js';
export { brentZero } from './brent-zero.js';
export { rankSumScore } from './rank-sum-score.js';
export { HL_EXACT_FORMULA, HL_NORMAL_FORMULA, type HodgesLehmann, hodgesLehmannShift } from './hodges-lehmann-shift.js';
export { MANN_WHITNEY_FORMULA, type MannWhitney, type MannWhitneyOptions, mannWhitney } from './mann-whitney.js';
export { nonCentralTInterval } from './noncentral-t-interval.js';
export {
  type EffectSizeOptions,
  FORMULAS as STANDARDIZED_DIFFERENCE_FORMULAS,
  type StandardizedDifference,
  type StandardizedMeasure,
  hedgesCorrection,
  standardizedDifference,
} from './standardized-difference.js';
export { cohensD } from './cohens-d.js';
export { hedgesG } from './hedges-g.js';
export { glassDelta } from './glass-delta.js';
export { CLIFFS_DELTA_FORMULA, type PlainEffect, cliffsDelta } from './cliffs-delta.js';
export { RANK_BISERIAL_FORMULA, rankBiserial } from './rank-biserial.js';
export { pairedDifferences } from './paired-differences.js';
export { PAIRED_T_FORMULA, type PairedOptions, type PairedTTest, pairedTTest } from './paired-t-test.js';
export { SIGNED_RANK_FORMULA, type WilcoxonSignedRank, wilcoxonSignedRank } from './wilcoxon-signed-rank.js';
export { type CohensDz, DZ_CI_METHOD, DZ_FORMULA, cohensDz } from './cohens-dz.js';
export { DAV_FORMULA, cohensDav } from './cohens-dav.js';
export { P_ADJUST_FORMULAS, type PAdjustMethod, pAdjust } from './p-adjust.js';
export { type SummaryComparison, type SummaryGroup, compareFromSummary } from './compare-from-summary.js';
