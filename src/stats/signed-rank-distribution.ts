/**
 * Exact null distribution of the Wilcoxon signed-rank statistic V (R's `psignrank`,
 * `qsignrank`): V = Σ ranks of the positive differences among n non-zero, untied differences.
 */

const countCache = new Map<number, Float64Array>();

/** Number of subsets of {1, …, n} with each sum 0 … n(n+1)/2 (index = sum); additions only. */
function signedRankCounts(n: number): Float64Array {
  const cached = countCache.get(n);
  if (cached) return cached;
  const top = (n * (n + 1)) / 2;
  const counts = new Float64Array(top + 1);
  counts[0] = 1;
  let reach = 0;
  for (let v = 1; v <= n; v++) {
    reach += v;
    for (let s = reach; s >= v; s--) counts[s] += counts[s - v];
  }
  countCache.set(n, counts);
  return counts;
}

/**
 * P(V ≤ q) (or P(V > q) with `lowerTail = false`) for n differences — R's
 * `psignrank(q, n, lower.tail)`; q is rounded after adding 1e-7 as R does. Each tail is summed
 * directly (each subset has probability 2⁻ⁿ), so tiny p-values keep their relative precision.
 */
export function pSignRank(q: number, n: number, lowerTail = true): number {
  const top = (n * (n + 1)) / 2;
  const k = Math.round(q + 1e-7);
  if (k < 0) return lowerTail ? 0 : 1;
  if (k >= top) return lowerTail ? 1 : 0;
  const counts = signedRankCounts(n);
  const f = Math.pow(2, -n);
  let s = 0;
  if (lowerTail) for (let i = 0; i <= k; i++) s += counts[i];
  else for (let i = k + 1; i <= top; i++) s += counts[i];
  return s * f;
}

/** Smallest V with P(V ≤ V) ≥ p — R's `qsignrank(p, n)`, with its 10·ε fuzz. */
export function qSignRank(p: number, n: number): number {
  const top = (n * (n + 1)) / 2;
  if (p <= 0) return 0;
  if (p >= 1) return top;
  const counts = signedRankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let acc = 0;
  let q = 0;
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON;
    for (;;) {
      acc += counts[q] * f;
      if (acc >= target) return q;
      q++;
    }
  }
  const target = 1 - p + 10 * Number.EPSILON;
  for (;;) {
    acc += counts[q] * f;
    if (acc > target) return top - q;
    q++;
  }
}
