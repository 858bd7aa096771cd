import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { linearSlope, type LinearSlopeResult } from '../../src/stats/linear-slope.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface SlopeCase {
  name: string;
  confLevel: number;
  x: number[];
  y: number[];
  intercept: number;
  slope: number;
  seSlope: number;
  df: number;
  tQuantile: number;
  ciLower: number;
  ciUpper: number;
  rSquared: number;
}

const fixture = loadFixture<{ cases: SlopeCase[] }>('slope.json');

function ok(r: ReturnType<typeof linearSlope>): LinearSlopeResult {
  if (!r.ok) throw new Error(`expected a fit, got: ${r.reason}`);
  return r;
}

describe('linearSlope against R lm / confint', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const r = ok(linearSlope(c.x, c.y, { confLevel: c.confLevel }));
      expect(r.df).toBe(c.df);
      // lm solves by QR, we by centred sums: both are backward stable; 1e-10 relative covers
      // the hour-offset case, whose x has 1e4 times the spread's magnitude.
      const tol = { rtol: 1e-10, atol: 1e-12 * Math.max(1, Math.abs(c.slope)) };
      expectClose(r.slope, c.slope, tol, 'slope');
      expectClose(r.intercept, c.intercept, { rtol: 1e-10, atol: 1e-10 }, 'intercept');
      // t quantile: stdlib's F quantile inversion against R's qt, ~1e-13 relative.
      expectClose(r.tQuantile, c.tQuantile, { rtol: 1e-10 }, 'tQuantile');
      // An exact line leaves R with rounding residue (SE ~1e-16), us with about the same.
      expectClose(r.seSlope, c.seSlope, { rtol: 1e-9, atol: 1e-13 }, 'seSlope');
      expectClose(r.ciLower, c.ciLower, { rtol: 1e-9, atol: 1e-12 }, 'ciLower');
      expectClose(r.ciUpper, c.ciUpper, { rtol: 1e-9, atol: 1e-12 }, 'ciUpper');
      expectClose(r.rSquared, c.rSquared, { rtol: 1e-9, atol: 1e-12 }, 'rSquared');
    });
  }
});

describe('linearSlope definitions and checks', () => {
  it('needs 3 points and distinct x; names the reason', () => {
    expect(linearSlope([1, 2], [3, 4])).toEqual({ ok: false, n: 2, reason: 'a slope with a confidence interval needs at least 3 points; got 2' });
    expect(linearSlope([1, 1, 1], [3, 4, 5])).toEqual({ ok: false, n: 3, reason: 'all 3 x values are equal: the slope is undefined' });
  });
  it('rejects unequal lengths, non-finite values and a bad level', () => {
    expect(() => linearSlope([1, 2, 3], [1, 2])).toThrow(ParameterError);
    expect(() => linearSlope([1, 2, 3], [1, Number.NaN, 2])).toThrow(/point 1 \(2, NaN\) is not finite/);
    expect(() => linearSlope([1, 2, 3], [1, 2, 3], { confLevel: 1 })).toThrow(/confidence level 1/);
  });
  it('shifting x by a constant changes only the intercept; scaling y scales slope and CI (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 4, maxLength: 20 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (y, shift, scale) => {
          const x = y.map((_, i) => i * 0.5);
          const base = linearSlope(x, y);
          const shifted = linearSlope(x.map((v) => v + shift), y);
          const scaled = linearSlope(x, y.map((v) => v * scale));
          if (!base.ok || !shifted.ok || !scaled.ok) return false;
          const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));
          return near(shifted.slope, base.slope) && near(shifted.ciUpper, base.ciUpper) && near(scaled.slope, base.slope * scale) && near(scaled.ciLower, base.ciLower * scale);
        },
      ),
      { seed: 20240611, numRuns: 200 },
    );
  });
});
