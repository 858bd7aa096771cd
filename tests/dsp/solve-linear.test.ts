import { describe, expect, it } from 'vitest';
import { lfilterZi } from '../../src/dsp/lfilter-zi.js';
import { solveLinear } from '../../src/dsp/solve-linear.js';

describe('solveLinear', () => {
  it('solves a system that needs a row swap (zero leading pivot), leaving its inputs alone', () => {
    // x = (1, 2, 3): 0·1 + 2·2 + 1·3 = 7, 1·1 + 1·2 + 1·3 = 6, 2·1 − 1·2 + 3·3 = 9.
    const mat = [[0, 2, 1], [1, 1, 1], [2, -1, 3]];
    const rhs = [7, 6, 9];
    const x = solveLinear(mat, rhs)!;
    [1, 2, 3].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 12));
    expect(mat).toEqual([[0, 2, 1], [1, 1, 1], [2, -1, 3]]);
    expect(rhs).toEqual([7, 6, 9]);
  });
  it('returns null for a singular matrix', () => {
    expect(solveLinear([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });
  it('lets lfilterZi name a filter with no steady state (a pole at z = 1)', () => {
    expect(() => lfilterZi([1], [1, -1])).toThrow('filter has a pole at z = 1: its step response has no steady state');
  });
});
