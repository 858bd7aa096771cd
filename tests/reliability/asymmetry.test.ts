import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { sideAsymmetry, type Side } from '../../src/stats/asymmetry.js';
import { expectAllClose, expectClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface Ref {
  asymmetry: {
    left: number[];
    right: number[];
    symptomSide: Side[];
    asymmetryPct: number[];
    absDifferenceOfLargerPct: number[];
    smallerSide: string[];
    ipsilateral: number[];
    contralateral: number[];
    ipsilateralDifferencePct: number[];
  };
}
const ref = loadFixture<Ref>('thickness.json').asymmetry;
const TOL = { rtol: 1e-13, atol: 1e-13 };

describe('sideAsymmetry', () => {
  it('matches R for 12 subjects, one of them symmetric', () => {
    const out = ref.left.map((left, i) => sideAsymmetry({ left, right: ref.right[i], symptomSide: ref.symptomSide[i] }));
    expectAllClose(
      out.map((o) => o.asymmetryPct),
      ref.asymmetryPct,
      TOL,
      'asymmetryPct',
    );
    expectAllClose(
      out.map((o) => o.absDifferenceOfLargerPct),
      ref.absDifferenceOfLargerPct,
      TOL,
      'absDifferenceOfLargerPct',
    );
    expect(out.map((o) => o.smallerSide)).toEqual(ref.smallerSide);
    expect(ref.smallerSide).toContain('equal');
    expect(out.map((o) => o.symptomatic?.ipsilateral)).toEqual(ref.ipsilateral);
    expect(out.map((o) => o.symptomatic?.contralateral)).toEqual(ref.contralateral);
    expectAllClose(
      out.map((o) => o.symptomatic?.ipsilateralDifferencePct ?? Number.NaN),
      ref.ipsilateralDifferencePct,
      TOL,
      'ipsilateralDifferencePct',
    );
  });

  it('works by hand', () => {
    // L = 9, R = 11 (cm²): (9 − 11)/10 × 100 = −20 %; |−2|/11 × 100 = 18.18… %; left smaller.
    // Symptoms on the left: (9 − 11)/11 × 100 = −18.18… % (ipsilateral wasting).
    const a = sideAsymmetry({ left: 9, right: 11, symptomSide: 'L' });
    expect(a.asymmetryPct).toBe(-20);
    expectClose(a.absDifferenceOfLargerPct, 200 / 11, { rtol: 1e-15 }, 'abs difference');
    expect(a.smallerSide).toBe('L');
    expect(a.symptomatic).toEqual({ symptomSide: 'L', ipsilateral: 9, contralateral: 11, ipsilateralDifferencePct: (-2 / 11) * 100 });
    // Symptoms on the right: (11 − 9)/9 × 100 = +22.2… %.
    const b = sideAsymmetry({ left: 9, right: 11, symptomSide: 'R' });
    expectClose(b.symptomatic?.ipsilateralDifferencePct ?? Number.NaN, 200 / 9, { rtol: 1e-15 }, 'ipsilateral difference');
    expect(sideAsymmetry({ left: 9, right: 11 }).symptomatic).toBeUndefined();
  });

  it('rejects impossible values and symptom sides', () => {
    expect(() => sideAsymmetry({ left: 0, right: 3 })).toThrow(ParameterError);
    expect(() => sideAsymmetry({ left: 3, right: Number.NaN })).toThrow('right-side value NaN must be positive and finite');
    expect(() => sideAsymmetry({ left: 3, right: 4, symptomSide: 'B' as Side })).toThrow('symptom side "B" must be L or R');
  });
});
