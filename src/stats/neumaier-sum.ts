/**
 * Compensated (Kahan–Babuška–Neumaier) sum of `values[i]` mapped through `term`, so long sums keep
 * the precision R gets from its long-double accumulators in `sum`, `mean` and `var`.
 */
export function neumaierSum(values: ArrayLike<number>, term: (v: number) => number = (v) => v): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const v = term(values[i]);
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) comp += sum - t + v;
    else comp += v - t + sum;
    sum = t;
  }
  return sum + comp;
}
