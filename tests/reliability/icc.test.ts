import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParameterError } from '../../src/errors.js';
import { ICC_FORMS, icc, type IccFormLabel, type IccResult } from '../../src/stats/icc.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface RefForm {
  form: IccFormLabel;
  mcgrawWong: string;
  icc: number;
  fValue?: number;
  df1?: number;
  df2?: number;
  p?: number;
  ciLower?: number;
  ciUpper?: number;
}
interface RefCase {
  name: string;
  confLevel: number;
  matrix: (number | null)[][];
  nSubjects: number;
  kTrials: number;
  droppedRows: number[];
  identicalTrials: boolean;
  msRows: number;
  msColumns: number;
  msError: number;
  msWithin: number;
  ssTotal: number;
  forms: RefForm[];
}

const fixture = loadFixture<{ cases: RefCase[] }>('icc.json');

// Statistics and CIs: R's aov (QR) and our direct sums of squares agree to ~1e-12 relative
// (worst: the 1000 mm offset case, where aov is the one off; exact rational arithmetic agrees
// with ours to 1 ulp); 1e-9 leaves room for the F quantile inversion. p-values to 1e-10 relative (stdlib's
// incomplete beta against R's TOMS 708: ~1e-14 observed).
const STAT = { rtol: 1e-9, atol: 1e-14 };
const PVAL = { rtol: 1e-10, atol: 1e-300 };

function ok(result: ReturnType<typeof icc>): IccResult {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

describe('icc against R (aov mean squares, psych::ICC formulas)', () => {
  it('has at least 40 reference matrices', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const ref of fixture.cases) {
    it(ref.name, () => {
      const r = ok(icc(ref.matrix, { confLevel: ref.confLevel }));
      expect(r.nSubjects).toBe(ref.nSubjects);
      expect(r.kTrials).toBe(ref.kTrials);
      expect(r.droppedRows).toEqual(ref.droppedRows);
      expect(r.nRows).toBe(ref.matrix.length);
      const ms = r.meanSquares;
      expectClose(ms.msRows, ref.msRows, STAT, 'MSR');
      expectClose(ms.ssTotal, ref.ssTotal, STAT, 'SS total');
      if (ref.identicalTrials) {
        // R's QR residuals are ~1e-29 where the exact value is 0.
        expect(ms.msWithin).toBe(0);
        expect(ms.msError).toBe(0);
        expect(ms.msColumns).toBe(0);
        expect(ref.msWithin).toBeLessThan(1e-20);
      } else {
        expectClose(ms.msColumns, ref.msColumns, { rtol: 1e-9, atol: 1e-12 * ref.msRows }, 'MSC');
        expectClose(ms.msError, ref.msError, STAT, 'MSE');
        expectClose(ms.msWithin, ref.msWithin, STAT, 'MSW');
      }
      for (const rf of ref.forms) {
        const f = r.forms[rf.form];
        expect(f.mcgrawWong).toBe(rf.mcgrawWong);
        if (ref.identicalTrials) {
          expect(f.ok).toBe(false);
          if (f.ok) continue;
          expect(f.reason).toMatch(/F is infinite/);
          expect(f.icc).toBe(1);
          expect(rf.icc).toBe(1);
          continue;
        }
        if (!f.ok) throw new Error(`${rf.form}: ${f.reason}`);
        expectClose(f.icc, rf.icc, STAT, `${rf.form} icc`);
        expectClose(f.fValue, rf.fValue!, STAT, `${rf.form} F`);
        expect(f.df1).toBe(rf.df1);
        expect(f.df2).toBe(rf.df2);
        expectClose(f.p, rf.p!, PVAL, `${rf.form} p`);
        expectClose(f.ciLower, rf.ciLower!, STAT, `${rf.form} lower`);
        expectClose(f.ciUpper, rf.ciUpper!, STAT, `${rf.form} upper`);
      }
    });
  }
});

describe('icc edge cases', () => {
  it('reports fewer than 2 complete subjects as undefined, naming the dropped rows', () => {
    const r = icc([
      [1, 2, 3],
      [4, null, 6],
      [7, 8, Number.NaN],
    ]);
    expect(r.ok).toBe(false);
    expect(r.droppedRows).toEqual([1, 2]);
    expect(r.nSubjects).toBe(1);
    if (!r.ok) expect(r.reason).toBe('ICC needs at least 2 subjects with all 3 trials; got 1 (2 of 3 rows dropped for a missing trial)');
  });

  it('reports a single trial and an empty matrix as undefined', () => {
    const one = icc([[1], [2], [3]]);
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.reason).toMatch(/at least 2 trials/);
    expect(icc([]).ok).toBe(false);
  });

  it('reports a constant matrix as zero variance', () => {
    const r = icc([
      [5, 5],
      [5, 5],
      [5, 5],
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/zero variance/);
  });

  it('keeps the coefficients but not the two-way tests when trials differ by an exact constant', () => {
    // Trial 2 = trial 1 + 1 exactly, so the two-way residual is 0 while MSW is not.
    // Row means 1.5, 2.5, 4.5, grand mean 17/6: SSR = 2·(16/9 + 1/9 + 25/9) = 28/3, MSR = 14/3.
    // Each row has SS 0.5 about its mean: SSW = 1.5 on n(k−1) = 3 df, MSW = 0.5.
    // ICC(3,1) = (MSR − 0)/(MSR + 0) = 1; ICC(1,1) = (14/3 − 0.5)/(14/3 + 0.5).
    const r = ok(
      icc([
        [1, 2],
        [2, 3],
        [4, 5],
      ]),
    );
    expectClose(r.meanSquares.msError, 0, { atol: 0 }, 'MSE');
    expectClose(r.meanSquares.msWithin, 0.5, { rtol: 1e-15 }, 'MSW');
    expectClose(r.meanSquares.msRows, 14 / 3, { rtol: 1e-15 }, 'MSR');
    const c1 = r.forms['ICC(3,1)'];
    expect(c1.ok).toBe(false);
    expect(c1.icc).toBe(1);
    const o1 = r.forms['ICC(1,1)'];
    if (!o1.ok) throw new Error(o1.reason);
    expectClose(o1.icc, (14 / 3 - 0.5) / (14 / 3 + 0.5), { rtol: 1e-15 }, 'ICC(1,1)');
  });

  it('marks the average-measure forms undefined when subjects do not differ at all', () => {
    // Row means all 2: MSR = 0, so ICC(1,k) = (0 − MSW)/0 is undefined; ICC(1,1) = −1/(k−1) = −1.
    const r = ok(
      icc([
        [1, 3],
        [3, 1],
        [2, 2],
      ]),
    );
    expect(r.meanSquares.msRows).toBe(0);
    expect(r.forms['ICC(1,k)'].ok).toBe(false);
    expect(r.forms['ICC(3,k)'].ok).toBe(false);
    const o1 = r.forms['ICC(1,1)'];
    if (!o1.ok) throw new Error(o1.reason);
    expect(o1.icc).toBe(-1);
    expect(o1.p).toBe(1);
  });

  it('throws ParameterError for ragged rows, infinite values and a bad confidence level', () => {
    expect(() => icc([[1, 2], [3]])).toThrow(ParameterError);
    expect(() => icc([[1, 2], [3]])).toThrow('ICC matrix row 1 has 1 trials; row 0 has 2 (rows must have equal length)');
    expect(() => icc([[1, Infinity], [3, 4]])).toThrow(/not finite/);
    expect(() => icc([[1, 2], [3, 4]], { confLevel: 1 })).toThrow(/confidence level 1 must lie strictly between 0 and 1/);
  });

  it('does not mutate its input', () => {
    const m = [
      [3.1, 3.3, null],
      [4.2, 4.0, 4.4],
      [5.0, 5.6, 5.1],
    ];
    const copy = structuredClone(m);
    icc(m);
    expect(m).toEqual(copy);
  });

  it('is invariant to adding a constant and to permuting subjects or trials (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 1, max: 50, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 12 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (m, shift) => {
          const base = icc(m);
          fc.pre(base.ok && ICC_FORMS.every((f) => base.ok && base.forms[f].ok));
          const shifted = icc(m.map((row) => row.map((v) => v + shift)));
          const permuted = icc([...m].reverse().map((row) => [row[2], row[0], row[1]]));
          for (const other of [shifted, permuted]) {
            if (!base.ok || !other.ok) return false;
            for (const f of ICC_FORMS) {
              const a = base.forms[f];
              const b = other.forms[f];
              if (!a.ok || !b.ok) return false;
              const scale = Math.max(1, Math.abs(a.icc));
              if (Math.abs(a.icc - b.icc) > 1e-6 * scale) return false;
            }
          }
          return true;
        },
      ),
      { seed: 20240519, numRuns: 100 },
    );
  });
});
