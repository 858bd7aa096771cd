import { describe, expect, it } from 'vitest';
import { mannWhitney } from '../../src/stats/mann-whitney.js';
import type { Alternative } from '../../src/stats/result.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { isError, type TwoGroupCase, twoGroupCases, values, type WilcoxRef } from './two-group-fixture.js';

const P_TOL = { rtol: 1e-10, atol: 1e-300 };
const STAT_TOL = { rtol: 1e-9, atol: 1e-12 };

function check(c: TwoGroupCase, key: 'wilcox' | 'wilcox_alt'): { compared: boolean; exact: boolean } {
  const alternative: Alternative = key === 'wilcox_alt' ? c.alternative : 'two.sided';
  const got = mannWhitney({ label: 'focal', values: values(c.x) }, { label: 'reference', values: values(c.y) }, { alternative });
  const ref = c[key];
  const label = `${c.id} ${key}`;
  const allTied = new Set([...c.x, ...c.y].filter((v) => v !== null)).size === 1;
  if (isError(ref) || allTied) {
    // R stops, or (all values tied) returns NaN or a meaningless 0/1 from z = ±0.5/0.
    expect(got.ok, label).toBe(false);
    return { compared: false, exact: false };
  }
  if (!got.ok) throw new Error(`${label}: ${got.reason}`);
  const r = ref as WilcoxRef;
  expect(got.method, label).toBe(r.exact ? 'exact' : 'normal');
  expect(got.W, `${label} W`).toBe(r.statistic);
  expectAllClose([got.p], [r.p ?? Number.NaN], P_TOL, `${label} p`);
  const hl = r.hl;
  if (hl === undefined) throw new Error(`${label}: fixture lacks hl`);
  if (isError(hl)) {
    expect(got.hodgesLehmann.ok, `${label} hl`).toBe(false);
  } else {
    if (!got.hodgesLehmann.ok) throw new Error(`${label} hl: ${got.hodgesLehmann.reason}`);
    const h = got.hodgesLehmann;
    expectAllClose([h.estimate, h.ci.lower, h.ci.upper, h.ci.level], [hl.estimate, hl.lower, hl.upper, hl.level], STAT_TOL, `${label} hl`);
  }
  return { compared: true, exact: r.exact };
}

describe('mannWhitney (R wilcox.test with conf.int = TRUE)', () => {
  for (const key of ['wilcox', 'wilcox_alt'] as const) {
    it(`${key}: W, p, Hodges–Lehmann shift and CI agree with R on ${twoGroupCases.length} cases`, () => {
      const results = twoGroupCases.map((c) => check(c, key));
      expect(results.filter((r) => r.compared && r.exact).length).toBeGreaterThan(50);
      expect(results.filter((r) => r.compared && !r.exact).length).toBeGreaterThan(150);
    });
  }

  it('states why the test is undefined when every value is tied', () => {
    const r = mannWhitney({ label: 'LBP', values: [4, 4, 4] }, { label: 'control', values: [4, 4] });
    expect(r).toEqual({ ok: false, reason: 'all values of groups "LBP" and "control" are tied, so the rank test is undefined' });
  });

  it('names an empty group', () => {
    const r = mannWhitney({ label: 'LBP', values: [Number.NaN] }, { label: 'control', values: [1, 2] });
    expect(r).toEqual({ ok: false, reason: 'group "LBP" has no values' });
  });

  it('W counts focal-over-reference pairs, ties as one half', () => {
    // focal 1,3,5 vs reference 2,3: pairs above = (3>2) + (5>2) + (5>3) = 3, one tie (3,3) -> W = 3.5
    const r = mannWhitney({ label: 'a', values: [1, 3, 5] }, { label: 'b', values: [2, 3] });
    expect(r.ok && r.W).toBe(3.5);
  });
});
