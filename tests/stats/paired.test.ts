import { describe, expect, it } from 'vitest';
import { cohensDav } from '../../src/stats/cohens-dav.js';
import { cohensDz } from '../../src/stats/cohens-dz.js';
import { pairedTTest } from '../../src/stats/paired-t-test.js';
import type { Alternative } from '../../src/stats/result.js';
import type { Sample } from '../../src/stats/sample.js';
import { wilcoxonSignedRank } from '../../src/stats/wilcoxon-signed-rank.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';
import { type EffectRef, isError, type RError, type TTestRef, values } from './two-group-fixture.js';

interface PairedCase {
  id: string;
  x: (number | null)[];
  y: (number | null)[];
  alternative: 'less' | 'greater';
  t: TTestRef | RError;
  t_alt: TTestRef | RError;
  wilcox: { statistic: number; p: number | null; exact: boolean } | RError;
  wilcox_alt: { statistic: number; p: number | null; exact: boolean } | RError;
  d_z: EffectRef | RError;
  d_z_alt: EffectRef | RError;
  d_av: EffectRef | RError;
}
const cases = loadFixture<{ cases: PairedCase[] }>('paired.json').cases;
const P_TOL = { rtol: 1e-10, atol: 1e-300 };
const STAT_TOL = { rtol: 1e-9, atol: 1e-12 };

function pair(c: PairedCase): [Sample, Sample] {
  return [
    { label: 'post', values: values(c.x) },
    { label: 'pre', values: values(c.y) },
  ];
}

describe('paired comparisons against R', () => {
  it(`paired t-test agrees with t.test(paired = TRUE) on ${cases.length} cases`, () => {
    let compared = 0;
    for (const c of cases) {
      for (const key of ['t', 't_alt'] as const) {
        const alternative: Alternative = key === 't' ? 'two.sided' : c.alternative;
        const got = pairedTTest(...pair(c), { alternative });
        const ref = c[key];
        const label = `${c.id} ${key}`;
        if (isError(ref) || Number.isNaN(ref.p) || (ref.p as number | null) === null) {
          expect(got.ok, label).toBe(false); // R stops, or gives NaN for differences that are all 0
          continue;
        }
        if (!got.ok) throw new Error(`${label}: ${got.reason}`);
        expectAllClose([got.p], [ref.p], P_TOL, `${label} p`);
        expectAllClose(
          [got.t, got.df, got.meanDifference, got.se, got.ci.lower, got.ci.upper],
          [ref.t, ref.df, ref.estimate, ref.se, ref.lower, ref.upper],
          STAT_TOL,
          label,
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('Wilcoxon signed-rank V and p agree with wilcox.test(paired = TRUE), exact and normal', () => {
    const methods = { exact: 0, normal: 0 };
    for (const c of cases) {
      for (const key of ['wilcox', 'wilcox_alt'] as const) {
        const alternative: Alternative = key === 'wilcox' ? 'two.sided' : c.alternative;
        const got = wilcoxonSignedRank(...pair(c), { alternative });
        const ref = c[key];
        const label = `${c.id} ${key}`;
        const allZero = c.x.every((v, i) => v === null || c.y[i] === null || v === c.y[i]);
        if (isError(ref) || ref.p === null || allZero) {
          // R stops, gives NaN, or (one-sided, all differences 0) a meaningless 0 or 1 from ±0.5/0
          expect(got.ok, label).toBe(false);
          continue;
        }
        if (!got.ok) throw new Error(`${label}: ${got.reason}`);
        expect(got.method, label).toBe(ref.exact ? 'exact' : 'normal');
        expect(got.V, `${label} V`).toBe(ref.statistic);
        expectAllClose([got.p], [ref.p], P_TOL, `${label} p`);
        methods[got.method]++;
      }
    }
    expect(methods.exact).toBeGreaterThan(40);
    expect(methods.normal).toBeGreaterThan(60);
  });

  it('d_z with its non-central t interval and d_av agree with R', () => {
    let compared = 0;
    for (const c of cases) {
      for (const key of ['d_z', 'd_z_alt'] as const) {
        const alternative: Alternative = key === 'd_z' ? 'two.sided' : c.alternative;
        const got = cohensDz(...pair(c), { alternative });
        const ref = c[key];
        if (isError(ref)) {
          expect(got.ok, `${c.id} ${key}`).toBe(false);
          continue;
        }
        if (!got.ok) throw new Error(`${c.id} ${key}: ${got.reason}`);
        const r = ref as Required<EffectRef>;
        expectAllClose([got.value, got.ci.lower, got.ci.upper, got.df], [r.value, r.lower, r.upper, r.df], STAT_TOL, `${c.id} ${key}`);
        compared++;
      }
      const av = cohensDav(...pair(c));
      if (isError(c.d_av)) expect(av.ok, `${c.id} d_av`).toBe(false);
      else if (!av.ok) throw new Error(`${c.id} d_av: ${av.reason}`);
      else expectAllClose([av.value], [c.d_av.value], STAT_TOL, `${c.id} d_av`);
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('states reasons: too few pairs, constant differences, all-zero differences', () => {
    const one: [Sample, Sample] = [
      { label: 'left', values: [1, Number.NaN] },
      { label: 'right', values: [2, 3] },
    ];
    expect(pairedTTest(...one)).toEqual({ ok: false, reason: '"left" and "right" have fewer than 2 complete pairs' });
    const same: [Sample, Sample] = [
      { label: 'left', values: [2, 3] },
      { label: 'right', values: [2, 3] },
    ];
    expect(wilcoxonSignedRank(...same)).toEqual({
      ok: false,
      reason: 'every difference "left" - "right" is zero, so the signed-rank test is undefined',
    });
    expect(cohensDz({ label: 'left', values: [3, 4] }, { label: 'right', values: [2, 3] })).toEqual({
      ok: false,
      reason: 'the differences "left" - "right" are all equal, so d_z is undefined',
    });
  });

  it('rejects samples of different lengths', () => {
    expect(() => pairedTTest({ label: 'left', values: [1, 2, 3] }, { label: 'right', values: [1, 2] })).toThrow(
      /paired groups "left" \(3 values\) and "right" \(2 values\) must have the same length/,
    );
  });
});
