import type { Outcome } from './result.js';
import { presentPair, type Sample } from './sample.js';

/** An effect size given by its value alone. */
export interface PlainEffect {
  readonly measure: string;
  readonly formula: string;
  readonly value: number;
}

/** The formula reported with every Cliff's delta. */
export const CLIFFS_DELTA_FORMULA =
  'cliffs_delta: (#(focal_i > reference_j) - #(focal_i < reference_j)) / (n_focal n_reference), over all pairs';

/**
 * Cliff's delta of focal against reference: P(focal > reference) − P(focal < reference) over all
 * pairs, in [−1, 1] (R: `mean(sign(outer(focal, reference, "-")))`). Missing values are left out.
 */
export function cliffsDelta(focal: Sample, reference: Sample): Outcome<PlainEffect> {
  const pair = presentPair(focal, reference);
  if (!('x' in pair)) return pair;
  const { x, y } = pair;
  let above = 0;
  let below = 0;
  for (const a of x) {
    for (const b of y) {
      if (a > b) above++;
      else if (a < b) below++;
    }
  }
  return { ok: true, measure: 'cliffs_delta', formula: CLIFFS_DELTA_FORMULA, value: (above - below) / (x.length * y.length) };
}
