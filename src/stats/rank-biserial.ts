import type { PlainEffect } from './cliffs-delta.js';
import { rankSumScore } from './rank-sum-score.js';
import type { Outcome } from './result.js';
import { presentPair, type Sample } from './sample.js';

/** The formula reported with every rank-biserial r. */
export const RANK_BISERIAL_FORMULA =
  'rank_biserial: 2 W / (n_focal n_reference) - 1, W = Mann-Whitney W of focal (effectsize::rank_biserial); ' +
  "for two independent groups it equals Cliff's delta";

/**
 * Rank-biserial correlation of focal against reference, 2W/(n₁n₂) − 1 with W the Mann–Whitney
 * statistic (effectsize's `rank_biserial(x = focal, y = reference)` point estimate). Missing
 * values are left out.
 */
export function rankBiserial(focal: Sample, reference: Sample): Outcome<PlainEffect> {
  const pair = presentPair(focal, reference);
  if (!('x' in pair)) return pair;
  const { x, y } = pair;
  const { w } = rankSumScore(x, y, 'two.sided', false);
  return { ok: true, measure: 'rank_biserial', formula: RANK_BISERIAL_FORMULA, value: (2 * w) / (x.length * y.length) - 1 };
}
