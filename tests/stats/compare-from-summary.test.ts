import { describe, expect, it } from 'vitest';
import { compareFromSummary } from '../../src/stats/compare-from-summary.js';
import type { Alternative } from '../../src/stats/result.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';
import { type EffectRef, isError, type RError, type TTestRef } from './two-group-fixture.js';

interface Moments {
  mean: number;
  sd: number;
  n: number;
}
interface SummaryCase {
  id: string;
  focal: Moments;
  reference: Moments;
  alternative: 'less' | 'greater';
  mean_difference: number;
  welch: TTestRef | RError;
  welch_alt: TTestRef | RError;
  hedges_g: EffectRef | RError;
  hedges_g_alt: EffectRef | RError;
}
const cases = loadFixture<{ cases: SummaryCase[] }>('from-summary.json').cases;
const P_TOL = { rtol: 1e-10, atol: 1e-300 };
const STAT_TOL = { rtol: 1e-9, atol: 1e-12 };

describe('compareFromSummary (t.test and hedges_g arithmetic on published mean, SD, n)', () => {
  it(`agrees with R on ${cases.length} summary rows`, () => {
    let compared = 0;
    for (const c of cases) {
      for (const suffix of ['', '_alt'] as const) {
        const alternative: Alternative = suffix ? c.alternative : 'two.sided';
        const got = compareFromSummary({ label: 'focal', ...c.focal }, { label: 'reference', ...c.reference }, { alternative });
        const label = `${c.id}${suffix}`;
        expect(got.meanDifference, label).toBe(c.mean_difference);
        const w = c[`welch${suffix}`];
        if (isError(w)) expect(got.welch.ok, `${label} welch`).toBe(false);
        else if (!got.welch.ok) throw new Error(`${label}: ${got.welch.reason}`);
        else {
          expectAllClose([got.welch.p], [w.p], P_TOL, `${label} p`);
          expectAllClose(
            [got.welch.t, got.welch.df, got.welch.se, got.welch.ci.lower, got.welch.ci.upper],
            [w.t, w.df, w.se, w.lower, w.upper],
            STAT_TOL,
            `${label} welch`,
          );
          compared++;
        }
        const g = c[`hedges_g${suffix}`];
        if (isError(g)) expect(got.hedgesG.ok, `${label} g`).toBe(false);
        else if (!got.hedgesG.ok) throw new Error(`${label}: ${got.hedgesG.reason}`);
        else {
          const r = g as Required<EffectRef>;
          expectAllClose([got.hedgesG.value, got.hedgesG.ci.lower, got.hedgesG.ci.upper], [r.value, r.lower, r.upper], STAT_TOL, `${label} g`);
        }
      }
    }
    expect(compared).toBeGreaterThan(90);
  });

  it('rejects impossible summary statistics', () => {
    const ok = { label: 'control', mean: 1, sd: 1, n: 10 };
    expect(() => compareFromSummary({ label: 'LBP', mean: 1, sd: -2, n: 10 }, ok)).toThrow(/group "LBP": SD -2 must be a finite number >= 0/);
    expect(() => compareFromSummary({ label: 'LBP', mean: 1, sd: 2, n: 10.5 }, ok)).toThrow(/group "LBP": n 10.5 must be a whole number >= 1/);
  });

  it('gives reasons instead of numbers for n = 1 and zero SDs', () => {
    const r = compareFromSummary({ label: 'LBP', mean: 3, sd: 0, n: 1 }, { label: 'control', mean: 2, sd: 1, n: 10 });
    expect(r.welch).toEqual({ ok: false, reason: 'group "LBP" has fewer than 2 values' });
    expect(r.meanDifference).toBe(1);
  });
});
