import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParameterError } from '../../src/errors.js';
import { blandAltman, type BlandAltmanResult } from '../../src/stats/bland-altman.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface RefCase {
  name: string;
  confLevel: number;
  first: (number | null)[];
  second: (number | null)[];
  n: number;
  droppedIndices: number[];
  bias: number;
  sdDiff: number;
  tQuantile: number;
  loaLower: number;
  loaUpper: number;
  biasCiLower: number;
  biasCiUpper: number;
  loaLowerCiLower: number;
  loaLowerCiUpper: number;
  loaUpperCiLower: number;
  loaUpperCiUpper: number;
}

const fixture = loadFixture<{ cases: RefCase[] }>('bland-altman.json');
const KEYS = [
  'bias',
  'sdDiff',
  'tQuantile',
  'loaLower',
  'loaUpper',
  'biasCiLower',
  'biasCiUpper',
  'loaLowerCiLower',
  'loaLowerCiUpper',
  'loaUpperCiLower',
  'loaUpperCiUpper',
] as const;

function ok(r: ReturnType<typeof blandAltman>): BlandAltmanResult {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('blandAltman against R (mean, sd, qt; Bland & Altman approximate CIs)', () => {
  for (const ref of fixture.cases) {
    it(ref.name, () => {
      const r = ok(blandAltman(ref.first, ref.second, { confLevel: ref.confLevel }));
      expect(r.n).toBe(ref.n);
      expect(r.droppedIndices).toEqual(ref.droppedIndices);
      // A bias near 0 (relative to the spread) is checked against 1e-12·SD rather than itself.
      for (const key of KEYS) expectClose(r[key], ref[key], { rtol: 1e-9, atol: 1e-12 * ref.sdDiff }, key);
    });
  }
});

describe('blandAltman', () => {
  it('works a small case by hand', () => {
    // d = first − second = 1, 2, 3, 4 → bias 2.5, SD √(5/3) (SS = 2.25+0.25+0.25+2.25 = 5 on 3 df).
    // LoA = 2.5 ∓ 1.96·√(5/3). qt(0.975, 3) = 3.1824463052837078 (R).
    const r = ok(blandAltman([2, 4, 6, 8], [1, 2, 3, 4]));
    const s = Math.sqrt(5 / 3);
    expectClose(r.bias, 2.5, { rtol: 1e-15 }, 'bias');
    expectClose(r.sdDiff, s, { rtol: 1e-15 }, 'sd');
    expectClose(r.loaLower, 2.5 - 1.96 * s, { rtol: 1e-15 }, 'lower');
    expectClose(r.tQuantile, 3.1824463052837078, { rtol: 1e-12 }, 't');
    expectClose(r.loaUpperCiUpper, 2.5 + 1.96 * s + 3.1824463052837078 * s * Math.sqrt(3 / 4), { rtol: 1e-12 }, 'upper LoA CI');
    expect(r.ciMethod).toBe('bland-altman-approximate');
  });

  it('drops incomplete pairs and reports fewer than 2 as undefined', () => {
    const r = blandAltman([1, null, 3], [1.1, 2, Number.NaN]);
    expect(r.ok).toBe(false);
    expect(r.droppedIndices).toEqual([1, 2]);
    if (!r.ok) expect(r.reason).toBe('Bland-Altman needs at least 2 complete pairs; got 1');
  });

  it('gives zero-width limits when every difference is equal', () => {
    const r = ok(blandAltman([2, 3, 4], [1, 2, 3]));
    expect(r.sdDiff).toBe(0);
    expect(r.loaLower).toBe(1);
    expect(r.loaUpperCiUpper).toBe(1);
  });

  it('throws ParameterError for unpaired lengths, infinite values, bad levels', () => {
    expect(() => blandAltman([1, 2], [1])).toThrow(ParameterError);
    expect(() => blandAltman([1, Infinity], [1, 2])).toThrow(/not finite/);
    expect(() => blandAltman([1, 2], [1, 2], { confLevel: 0 })).toThrow(/confidence level 0/);
  });

  it('swapping the two series negates bias and mirrors the limits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true })), { minLength: 2, maxLength: 30 }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const x = ok(blandAltman(a, b));
          const y = ok(blandAltman(b, a));
          const tol = 1e-9 * (1 + Math.abs(x.bias) + x.sdDiff);
          return (
            Math.abs(x.bias + y.bias) <= tol &&
            Math.abs(x.sdDiff - y.sdDiff) <= tol &&
            Math.abs(x.loaLower + y.loaUpper) <= tol &&
            Math.abs(x.loaUpperCiUpper + y.loaLowerCiLower) <= tol
          );
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
