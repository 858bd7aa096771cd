import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alternative } from '../../src/stats/result.js';
import { tTest } from '../../src/stats/t-test.js';
import type { TTestVariant } from '../../src/stats/t-test-from-moments.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { isError, type TTestRef, type TwoGroupCase, twoGroupCases, values } from './two-group-fixture.js';

// Agreement targets: p to 1e-10 relative (1e-300 absolute), statistics and CIs to 1e-9.
const P_TOL = { rtol: 1e-10, atol: 1e-300 };
const STAT_TOL = { rtol: 1e-9, atol: 1e-12 };

function check(c: TwoGroupCase, key: 'welch' | 'welch_alt' | 'student' | 'student_alt'): boolean {
  const variant: TTestVariant = key.startsWith('welch') ? 'welch' : 'student';
  const alternative: Alternative = key.endsWith('_alt') ? c.alternative : 'two.sided';
  const got = tTest({ label: 'focal', values: values(c.x) }, { label: 'reference', values: values(c.y) }, { variant, alternative });
  const ref = c[key];
  const label = `${c.id} ${key}`;
  const nx = c.x.filter((v) => v !== null).length;
  const ny = c.y.filter((v) => v !== null).length;
  if (isError(ref) || nx < 2 || ny < 2) {
    // R stops (too few values, constant data) — or, for Student with a single value, R computes
    // while myoscope states that a group has fewer than 2 values.
    expect(got.ok, label).toBe(false);
    return false;
  }
  if (!got.ok) throw new Error(`${label}: ${got.reason}`);
  const r = ref as TTestRef;
  expectAllClose([got.p], [r.p], P_TOL, `${label} p`);
  expectAllClose(
    [got.t, got.df, got.meanDifference, got.se, got.ci.lower, got.ci.upper],
    [r.t, r.df, r.estimate, r.se, r.lower, r.upper],
    STAT_TOL,
    `${label} t, df, diff, se, ci`,
  );
  return true;
}

describe('tTest (R t.test)', () => {
  for (const key of ['welch', 'welch_alt', 'student', 'student_alt'] as const) {
    it(`${key}: agrees with R on ${twoGroupCases.length} cases`, () => {
      const compared = twoGroupCases.filter((c) => check(c, key)).length;
      expect(compared).toBeGreaterThan(240);
    });
  }

  it('names the group with too few values and the constant groups', () => {
    const lbp = { label: 'LBP', values: [3.2] };
    const control = { label: 'control', values: [1, 2, 3] };
    expect(tTest(lbp, control)).toEqual({ ok: false, reason: 'group "LBP" has fewer than 2 values' });
    const flat = tTest({ label: 'LBP', values: [2, 2] }, { label: 'control', values: [5, 5, 5] });
    expect(flat).toEqual({ ok: false, reason: 'groups "LBP" and "control" both have no variance, so t is undefined' });
  });

  it('rejects a confidence level outside (0, 1)', () => {
    const g = { label: 'g', values: [1, 2, 3] };
    expect(() => tTest(g, g, { confLevel: 95 })).toThrow(/confidence level 95 must be between 0 and 1/);
  });

  it('swapping the groups negates t and the interval (property)', () => {
    const group = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = tTest({ label: 'a', values: a }, { label: 'b', values: b });
        const ba = tTest({ label: 'b', values: b }, { label: 'a', values: a });
        expect(ab.ok).toBe(ba.ok);
        if (ab.ok && ba.ok) {
          expect(ba.t).toBe(-ab.t);
          expect(ba.p).toBe(ab.p);
          expectAllClose([ba.ci.lower, ba.ci.upper], [-ab.ci.upper, -ab.ci.lower], { rtol: 1e-12, atol: 1e-12 });
        }
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
