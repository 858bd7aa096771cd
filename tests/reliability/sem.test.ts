import { describe, expect, it } from 'vitest';
import { icc, type IccFormLabel, type IccResult } from '../../src/stats/icc.js';
import { sem, SEM_DEFAULT_ICC } from '../../src/stats/sem.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface RefForm {
  form: IccFormLabel;
  icc: number;
  semFromIcc: number;
  mdc95FromIcc: number;
  msErrorTerm: 'MSW' | 'MSE';
  semFromMsError: number;
  mdc95FromMsError: number;
}
interface RefCase {
  name: string;
  confLevel: number;
  matrix: (number | null)[][];
  identicalTrials: boolean;
  sdAll: number;
  forms: RefForm[];
}

const fixture = loadFixture<{ cases: RefCase[] }>('icc.json');
const TOL = { rtol: 1e-9, atol: 1e-14 };

function okIcc(m: (number | null)[][]): IccResult {
  const r = icc(m);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('sem against R (Weir 2005: sd(all) * sqrt(1 - ICC), sqrt(MS error), MDC95)', () => {
  for (const ref of fixture.cases) {
    it(ref.name, () => {
      const r = okIcc(ref.matrix);
      for (const rf of ref.forms) {
        const s = sem(r, { icc: rf.form });
        if (!s.ok) throw new Error(s.reason);
        expect(s.iccForm).toBe(rf.form);
        expect(s.msErrorTerm).toBe(rf.msErrorTerm);
        expectClose(s.sdAll, ref.sdAll, TOL, 'sdAll');
        if (ref.identicalTrials) {
          // Exactly 0 here; R's aov leaves ~1e-15 of rounding in sqrt(MS).
          expect(s.semFromIcc).toBe(0);
          expect(s.semFromMsError).toBe(0);
          expect(rf.semFromMsError).toBeLessThan(1e-13);
          continue;
        }
        expectClose(s.semFromIcc, rf.semFromIcc, TOL, `${rf.form} SEM from ICC`);
        expectClose(s.mdc95FromIcc, rf.mdc95FromIcc, TOL, `${rf.form} MDC95 from ICC`);
        expectClose(s.semFromMsError, rf.semFromMsError, TOL, `${rf.form} SEM from MS error`);
        expectClose(s.mdc95FromMsError, rf.mdc95FromMsError, TOL, `${rf.form} MDC95 from MS error`);
      }
    });
  }
});

describe('sem', () => {
  it('defaults to ICC(3,1)', () => {
    expect(SEM_DEFAULT_ICC).toBe('ICC(3,1)');
    const r = okIcc([
      [10, 11, 10.5],
      [12, 12.5, 12.2],
      [9, 9.8, 9.1],
      [14, 13.6, 14.4],
    ]);
    const s = sem(r);
    expect(s.ok && s.iccForm).toBe('ICC(3,1)');
  });

  it('works a small case by hand', () => {
    // Two trials, three subjects: [1,2], [2,3], [4,6].
    // Grand mean 3, all 6 values: deviations −2, −1, −1, 0, 1, 3 → SS_total = 16, SD = √(16/5).
    // Row means 1.5, 2.5, 5: SSR = 2·(2.25 + 0.25 + 4) = 13, MSR = 6.5.
    // Column means 7/3, 11/3: SSC = 3·2·(2/3)² = 8/3, MSC = 8/3.
    // SSW = 0.5 + 0.5 + 2 = 3, MSW = 1; SSE = SSW − SSC = 1/3 on 2 df, MSE = 1/6.
    // ICC(3,1) = (6.5 − 1/6)/(6.5 + 1/6) = 19/20 = 0.95.
    // SEM = √(16/5)·√0.05 = √0.16 = 0.4; √MSE = √(1/6); MDC95 = 1.96·√2·SEM.
    const r = okIcc([
      [1, 2],
      [2, 3],
      [4, 6],
    ]);
    const s = sem(r);
    if (!s.ok) throw new Error(s.reason);
    expectClose(s.icc, 0.95, { rtol: 1e-14 }, 'ICC(3,1)');
    expectClose(s.sdAll, Math.sqrt(16 / 5), { rtol: 1e-15 }, 'SD');
    expectClose(s.semFromIcc, 0.4, { rtol: 1e-14 }, 'SEM');
    expectClose(s.semFromMsError, Math.sqrt(1 / 6), { rtol: 1e-14 }, 'sqrt MSE');
    expectClose(s.mdc95FromIcc, 1.96 * Math.SQRT2 * 0.4, { rtol: 1e-14 }, 'MDC95');
    // The one-way forms use MSW = 1 as their error term.
    const s1 = sem(r, { icc: 'ICC(1,1)' });
    expect(s1.ok && s1.msErrorTerm).toBe('MSW');
    expect(s1.ok && s1.semFromMsError).toBe(1);
  });

  it('reports an undefined chosen ICC instead of a number', () => {
    // Subject means all equal: MSR = 0, ICC(3,k) = (0 − MSE)/0 is undefined.
    const r = okIcc([
      [1, 3],
      [3, 1],
      [2, 2],
    ]);
    const s = sem(r, { icc: 'ICC(3,k)' });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.reason).toMatch(/SEM needs ICC\(3,k\), which is undefined/);
  });
});
