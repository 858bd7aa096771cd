import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../src/stats/descriptives.js';
import { quantileType7 } from '../../src/stats/quantile-type7.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { isError, twoGroupCases, values } from './two-group-fixture.js';

const TOL = { rtol: 1e-12, atol: 1e-12 };

suite('describe (R mean, sd, median, quantile type 7)', () => {
  it(`agrees with R on every group of ${twoGroupCases.length} two-group cases`, () => {
    let checked = 0;
    for (const c of twoGroupCases) {
      for (const side of ['x', 'y'] as const) {
        const ref = c.describe[side];
        const got = describe({ label: side, values: values(c[side]) });
        if (isError(ref)) {
          expect(got.ok, `${c.id} ${side}`).toBe(false);
          continue;
        }
        if (!got.ok) throw new Error(`${c.id} ${side}: ${got.reason}`);
        const label = `${c.id} ${side}`;
        expect([got.n, got.missing], label).toEqual([ref.n, ref.missing]);
        expectAllClose(
          [got.mean, got.median, got.q1, got.q3, got.min, got.max],
          [ref.mean, ref.median, ref.q1, ref.q3, ref.min, ref.max],
          TOL,
          label,
        );
        if (ref.sd === undefined) {
          expect(got.sd.ok, label).toBe(false);
          expect(got.se.ok, label).toBe(false);
        } else {
          if (!got.sd.ok || !got.se.ok) throw new Error(`${label}: sd unavailable`);
          expectAllClose([got.sd.value, got.se.value], [ref.sd, ref.se ?? Number.NaN], TOL, `${label} sd/se`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('states a reason for an empty group and for the SD of a single value', () => {
    expect(describe({ label: 'LBP', values: [Number.NaN] })).toEqual({ ok: false, reason: 'group "LBP" has no values' });
    const one = describe({ label: 'LBP', values: [4.2] });
    expect(one.ok && one.sd).toEqual({ ok: false, reason: 'group "LBP" has fewer than 2 values' });
  });

  it('rejects an infinite value, naming the group and position', () => {
    expect(() => describe({ label: 'control', values: [1, Infinity] })).toThrow(/group "control": value Infinity at position 2/);
  });

  it('does not mutate its input and is invariant to order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (xs) => {
        const copy = xs.slice();
        const a = describe({ label: 'g', values: xs });
        expect(xs).toEqual(copy);
        const b = describe({ label: 'g', values: xs.slice().reverse() });
        expect(a.ok && b.ok && [a.median, a.q1, a.q3, a.min, a.max]).toEqual(b.ok && [b.median, b.q1, b.q3, b.min, b.max]);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

suite('quantileType7', () => {
  it('interpolates between order statistics as R type 7', () => {
    // R: quantile(c(1, 2, 4, 8), c(0, 0.1, 0.5, 0.9, 1), type = 7) -> 1.0 1.3 3.0 6.8 8.0
    expectAllClose([0, 0.1, 0.5, 0.9, 1].map((p) => quantileType7([1, 2, 4, 8], p)), [1, 1.3, 3, 6.8, 8], { rtol: 1e-15 });
  });
  it('rejects a probability outside [0, 1]', () => {
    expect(() => quantileType7([1, 2], 1.5)).toThrow(/quantile probability 1.5 must be within \[0, 1\]/);
  });
});
