/**
 * A sum kept as an unevaluated pair hi + lo (Knuth's TwoSum on every update), so that adding and
 * later subtracting the same values leaves no drift: a sliding-window sum stays accurate to about
 * one rounding of its current value however long the signal and however large earlier values were.
 */
export class RunningSum {
  private hi = 0;
  private lo = 0;

  add(v: number): void {
    const s = this.hi + v;
    const bp = s - this.hi;
    this.lo += this.hi - (s - bp) + (v - bp);
    this.hi = s;
  }

  sub(v: number): void {
    this.add(-v);
  }

  value(): number {
    return this.hi + this.lo;
  }
}

/** Sum of `x` with compensation (same accuracy as {@link RunningSum}). */
export function accurateSum(x: ArrayLike<number>): number {
  const s = new RunningSum();
  for (let i = 0; i < x.length; i++) s.add(x[i]);
  return s.value();
}
