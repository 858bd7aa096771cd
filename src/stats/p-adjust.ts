import { ParameterError } from '../errors.js';

/** `holm` (family-wise error, Holm 1979) or `BH` (false discovery rate, Benjamini & Hochberg 1995). */
export type PAdjustMethod = 'holm' | 'BH';

/** The formula reported with each adjustment method. */
export const P_ADJUST_FORMULAS: Record<PAdjustMethod, string> = {
  holm: 'holm: p_(i) adjusted = max over j <= i of min(1, (m - j + 1) p_(j)), p sorted ascending, m tests (R p.adjust "holm")',
  BH: 'BH: p_(i) adjusted = min over j >= i of min(1, m / j p_(j)), p sorted ascending, m tests (R p.adjust "BH")',
};

/**
 * p-values adjusted for multiple comparisons across the m = `p.length` tests of one run, in input
 * order — R's `p.adjust(p, method)` for `holm` and `BH`. Every p must be within [0, 1]; a test
 * without a p-value is left out of the family by the caller.
 */
export function pAdjust(p: ArrayLike<number>, method: PAdjustMethod): number[] {
  const m = p.length;
  for (let i = 0; i < m; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw new ParameterError(`p-value ${p[i]} at position ${i + 1} must be within [0, 1]`);
  }
  const out = Array.from(p);
  if (m <= 1) return out;
  const ascending = out.map((_, i) => i).sort((a, b) => out[a] - out[b] || a - b);
  const adjusted = new Array<number>(m);
  if (method === 'holm') {
    let running = 0;
    ascending.forEach((idx, rank) => {
      running = Math.max(running, (m - rank) * out[idx]);
      adjusted[idx] = Math.min(1, running);
    });
  } else {
    let running = Infinity;
    for (let rank = m - 1; rank >= 0; rank--) {
      const idx = ascending[rank];
      running = Math.min(running, (m / (rank + 1)) * out[idx]);
      adjusted[idx] = Math.min(1, running);
    }
  }
  return adjusted;
}
