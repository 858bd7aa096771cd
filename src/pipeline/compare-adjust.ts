import { pAdjust } from '../stats/index.js';
import type { AdjustedBlock } from './compare-record.js';

/** The primary test's p of a record, or the reason it has none. */
export interface PrimaryP {
  p: number | null;
  reason?: string;
}

/**
 * Adds `p_adjusted` to every record: the p-value of the primary test (`of`, e.g. `welch`)
 * adjusted across all records of the run that have one — Holm (family-wise error) and
 * Benjamini–Hochberg (false discovery rate), R's `p.adjust`. A record without that p keeps nulls
 * and the reason, and is not counted in the family size `m`.
 */
export function adjustAcrossRun<R extends object>(records: R[], of: string, primaryP: (r: R) => PrimaryP): (R & { p_adjusted: AdjustedBlock })[] {
  const ps = records.map(primaryP);
  const family = ps.flatMap((x, i) => (x.p === null ? [] : [i]));
  const values = family.map((i) => ps[i].p as number);
  const holm = pAdjust(values, 'holm');
  const bh = pAdjust(values, 'BH');
  const at = new Map(family.map((i, k) => [i, k]));
  const m = family.length;
  return records.map((r, i) => {
    const k = at.get(i);
    const block: AdjustedBlock =
      k === undefined
        ? { holm: null, bh: null, of, m, reason: `no ${of} p-value: ${ps[i].reason ?? 'not computed'}` }
        : { holm: holm[k], bh: bh[k], of, m };
    return { ...r, p_adjusted: block };
  });
}
