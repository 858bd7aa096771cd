import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accurateSum, RunningSum } from '../../src/dsp/running-sum.js';

describe('accurateSum', () => {
  it('keeps what a plain sum loses: 1e16 + 1 − 1e16 = 1, 0.1 × 10 = 1', () => {
    expect(accurateSum([1e16, 1, -1e16])).toBe(1);
    expect([1e16, 1, -1e16].reduce((a, b) => a + b, 0)).toBe(0);
    expect(accurateSum(new Array(10).fill(0.1))).toBe(1);
  });
  it('is bit-identical to RunningSum over the same values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { maxLength: 300 }), (xs) => {
        const r = new RunningSum();
        for (const v of xs) r.add(v);
        expect(Object.is(accurateSum(xs), r.value()) || (accurateSum(xs) === 0 && r.value() === 0)).toBe(true);
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });
});
