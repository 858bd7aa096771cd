import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { fCdf, fQuantile, fSurvival, tQuantileTwoSided } from '../../src/stats/f-distribution.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface Ref {
  x: number[];
  d1: number[];
  d2: number[];
  upperTail: number[];
  cdf: number[];
  quantileP: number[];
  quantiles: number[][];
  tAlpha: number[];
  tDf: number[];
  tQuantile: number[];
}
const ref = loadFixture<Ref>('f-distribution.json');

// Observed agreement is a few 1e-15 relative (1e-14 for the 2e-16 tail) except where noted.
describe('F distribution adapter against R pf / qf / qt', () => {
  it('upper tail keeps its relative precision down to 1e-34 (pf lower.tail = FALSE)', () => {
    const p = ref.x.map((x, i) => fSurvival(x, ref.d1[i], ref.d2[i]));
    expectAllClose(p, ref.upperTail, { rtol: 1e-13 }, 'upper tail');
    expect(Math.min(...ref.upperTail)).toBeLessThan(1e-30);
  });

  it('cdf (pf)', () => {
    expectAllClose(
      ref.x.map((x, i) => fCdf(x, ref.d1[i], ref.d2[i])),
      ref.cdf,
      { rtol: 1e-13 },
      'cdf',
    );
  });

  it('quantiles (qf), non-integer df included', () => {
    ref.quantileP.forEach((p, j) => {
      expectAllClose(
        ref.d1.map((d1, i) => fQuantile(p, d1, ref.d2[i])),
        ref.quantiles[j],
        // stdlib's inverse incomplete beta is ~7e-13 off R at qf(0.025, 1, 7); elsewhere ~1e-15.
        { rtol: 1e-11 },
        `qf(${p})`,
      );
    });
  });

  it('two-sided t quantiles (qt) via t² ~ F(1, df)', () => {
    expectAllClose(
      ref.tAlpha.map((a, i) => tQuantileTwoSided(a, ref.tDf[i])),
      ref.tQuantile,
      { rtol: 1e-13 },
      'qt',
    );
  });

  it('throws ParameterError instead of returning NaN', () => {
    expect(() => fSurvival(1, 0, 3)).toThrow(ParameterError);
    expect(() => fCdf(1, 2, -1)).toThrow('F distribution denominator degrees of freedom -1 must be positive');
    expect(() => fQuantile(1.5, 2, 3)).toThrow('F distribution probability 1.5 must lie in [0, 1]');
    expect(() => fSurvival(Number.NaN, 2, 3)).toThrow(ParameterError);
    expect(() => tQuantileTwoSided(0, 3)).toThrow(ParameterError);
  });

  it('handles the ends of the support', () => {
    expect(fSurvival(0, 2, 3)).toBe(1);
    expect(fSurvival(Infinity, 2, 3)).toBe(0);
    expect(fCdf(-1, 2, 3)).toBe(0);
  });
});
