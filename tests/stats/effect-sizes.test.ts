import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliffsDelta } from '../../src/stats/cliffs-delta.js';
import { cohensD } from '../../src/stats/cohens-d.js';
import { glassDelta } from '../../src/stats/glass-delta.js';
import { hedgesG } from '../../src/stats/hedges-g.js';
import { rankBiserial } from '../../src/stats/rank-biserial.js';
import type { Sample } from '../../src/stats/sample.js';
import { hedgesCorrection } from '../../src/stats/standardized-difference.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { type EffectRef, isError, type TwoGroupCase, twoGroupCases, values } from './two-group-fixture.js';

// Statistics and CIs to 1e-9 relative. The interval bounds come from inverting AS 243, whose R
// implementation is itself accurate to ~1e-12 absolute in probability, so bounds agree to ~1e-11.
const TOL = { rtol: 1e-9, atol: 1e-12 };

function samples(c: TwoGroupCase): [Sample, Sample] {
  return [
    { label: 'focal', values: values(c.x) },
    { label: 'reference', values: values(c.y) },
  ];
}

function compare(
  key: 'cohens_d' | 'hedges_g' | 'glass_delta' | 'hedges_g_alt',
  run: (c: TwoGroupCase) => ReturnType<typeof cohensD>,
): number {
  let compared = 0;
  for (const c of twoGroupCases) {
    const ref = c[key];
    const got = run(c);
    const label = `${c.id} ${key}`;
    if (isError(ref)) {
      expect(got.ok, label).toBe(false);
      continue;
    }
    if (!got.ok) throw new Error(`${label}: ${got.reason}`);
    const r = ref as Required<EffectRef>;
    expectAllClose([got.value, got.ci.lower, got.ci.upper, got.df], [r.value, r.lower, r.upper, r.df], TOL, label);
    compared++;
  }
  return compared;
}

describe('standardised mean differences (effectsize method, R reference)', () => {
  it("Cohen's d with ncp interval agrees with R", () => {
    expect(compare('cohens_d', (c) => cohensD(...samples(c)))).toBeGreaterThan(240);
  });
  it("Hedges' g (exact J) with ncp interval agrees with R", () => {
    expect(compare('hedges_g', (c) => hedgesG(...samples(c)))).toBeGreaterThan(240);
  });
  it("Hedges' g one-sided interval agrees with R", () => {
    expect(compare('hedges_g_alt', (c) => hedgesG(...samples(c), { alternative: c.alternative }))).toBeGreaterThan(240);
  });
  it("Glass's delta with ncp interval agrees with R", () => {
    expect(compare('glass_delta', (c) => glassDelta(...samples(c)))).toBeGreaterThan(240);
  });

  it('J is the exact gamma ratio, as R computes it for df = 10', () => {
    // R 4.2.2: sprintf("%.17g", exp(lgamma(10/2) - log(sqrt(10/2)) - lgamma(9/2)))
    expectAllClose([hedgesCorrection(10)], [0.92274560805308703], { rtol: 1e-14 });
  });

  it('states reasons for too few values and zero variance', () => {
    const one = { label: 'LBP', values: [1] };
    const two = { label: 'control', values: [1, 2] };
    expect(hedgesG(one, two)).toEqual({ ok: false, reason: 'group "LBP" has fewer than 2 values' });
    expect(cohensD({ label: 'LBP', values: [2, 2] }, { label: 'control', values: [3, 3] })).toEqual({
      ok: false,
      reason: 'groups "LBP" and "control" both have no variance, so the pooled SD is 0',
    });
    expect(glassDelta(two, { label: 'ref', values: [3, 3] })).toEqual({
      ok: false,
      reason: `group "ref" has no variance, so Glass's delta is undefined`,
    });
  });

  it('d(x, y) = -d(y, x) with a mirrored interval (property)', () => {
    const group = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 25 });
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = hedgesG({ label: 'a', values: a }, { label: 'b', values: b });
        const ba = hedgesG({ label: 'b', values: b }, { label: 'a', values: a });
        expect(ab.ok).toBe(ba.ok);
        if (ab.ok && ba.ok) {
          expect(ba.value).toBe(-ab.value);
          expectAllClose([ba.ci.lower, ba.ci.upper], [-ab.ci.upper, -ab.ci.lower], { rtol: 1e-9, atol: 1e-11 });
          expect(ab.ci.lower).toBeLessThanOrEqual(ab.value);
          expect(ab.ci.upper).toBeGreaterThanOrEqual(ab.value);
        }
      }),
      { seed: 3, numRuns: 60 },
    );
  });
});

describe("Cliff's delta and rank-biserial r", () => {
  it('agree with R on every case', () => {
    for (const c of twoGroupCases) {
      for (const [key, fn] of [
        ['cliffs_delta', cliffsDelta],
        ['rank_biserial', rankBiserial],
      ] as const) {
        const ref = c[key];
        const got = fn(...samples(c));
        if (isError(ref)) {
          expect(got.ok, `${c.id} ${key}`).toBe(false);
          continue;
        }
        if (!got.ok) throw new Error(`${c.id} ${key}: ${got.reason}`);
        expectAllClose([got.value], [ref.value], { rtol: 1e-14, atol: 1e-15 }, `${c.id} ${key}`);
      }
    }
  });
});
