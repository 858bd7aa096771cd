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

/**
 * Sum of `x` with compensation: the same TwoSum steps as {@link RunningSum}, so the same result to
 * the bit, written as a plain loop because it runs over whole recordings (DC removal).
 */
export function accurateSum(x: ArrayLike<number>): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const s = hi + v;
    const bp = s - hi;
    lo += hi - (s - bp) + (v - bp);
    hi = s;
  }
  return hi + lo;
}
