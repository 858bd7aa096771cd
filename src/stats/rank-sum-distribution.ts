/**
 * Exact null distribution of the Wilcoxon rank-sum / Mann–Whitney statistic W (R's `pwilcox`,
 * `qwilcox`): W = Σ ranks of the first sample − m(m+1)/2, for samples of sizes m and n without ties.
 */

const countCache = new Map<string, Float64Array>();

/**
 * Number of arrangements giving each W = 0 … m·n (index = W). Built by adding the pooled ranks
 * one at a time; every step only adds non-negative counts, so the doubles keep full relative
 * precision even where the counts exceed 2^53 (m = n = 49 reaches ~1e28).
 */
function rankSumCounts(m: number, n: number): Float64Array {
  const small = Math.min(m, n);
  const large = Math.max(m, n);
  const key = `${small},${large}`;
  const cached = countCache.get(key);
  if (cached) return cached;
  const top = small * large;
  // ways[j][u]: ways to choose j ranks among those seen so far with Σ(rank_i − i) = u
  const ways: Float64Array[] = [];
  for (let j = 0; j <= small; j++) ways.push(new Float64Array(top + 1));
  ways[0][0] = 1;
  const total = small + large;
  for (let v = 1; v <= total; v++) {
    for (let j = Math.min(small, v); j >= 1; j--) {
      const shift = v - j; // the j-th chosen rank v adds v − j to W
      if (shift > large) continue;
      const from = ways[j - 1];
      const to = ways[j];
      for (let u = top - shift; u >= 0; u--) {
        const c = from[u];
        if (c !== 0) to[u + shift] += c;
      }
    }
  }
  const counts = ways[small];
  countCache.set(key, counts);
  return counts;
}

function sum(counts: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += counts[i];
  return s;
}

/**
 * P(W ≤ q) (or P(W > q) with `lowerTail = false`) for sample sizes m, n — R's
 * `pwilcox(q, m, n, lower.tail)`. q is taken as ⌊q + 1e-7⌋ as R does. The requested tail is summed
 * directly, so tiny p-values keep their relative precision.
 */
export function pWilcox(q: number, m: number, n: number, lowerTail = true): number {
  const top = m * n;
  const k = Math.floor(q + 1e-7);
  if (k < 0) return lowerTail ? 0 : 1;
  if (k >= top) return lowerTail ? 1 : 0;
  const counts = rankSumCounts(m, n);
  const all = sum(counts, 0, top);
  return lowerTail ? sum(counts, 0, k) / all : sum(counts, k + 1, top) / all;
}

/**
 * Smallest W with P(W ≤ W) ≥ p — R's `qwilcox(p, m, n)`, including its 10·ε fuzz and its
 * summation from the upper end for p > 0.5, so interval end points match R.
 */
export function qWilcox(p: number, m: number, n: number): number {
  const top = m * n;
  if (p <= 0) return 0;
  if (p >= 1) return top;
  const counts = rankSumCounts(m, n);
  const all = sum(counts, 0, top);
  let acc = 0;
  let q = 0;
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON;
    for (;;) {
      acc += counts[q] / all;
      if (acc >= target) return q;
      q++;
    }
  }
  const target = 1 - p + 10 * Number.EPSILON;
  for (;;) {
    acc += counts[q] / all;
    if (acc > target) return top - q;
    q++;
  }
}
