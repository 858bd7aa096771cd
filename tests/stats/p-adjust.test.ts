import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pAdjust } from '../../src/stats/p-adjust.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

const { cases } = loadFixture<{ cases: { p: number[]; holm: number[]; BH: number[] }[] }>('p-adjust.json');

describe('pAdjust (R p.adjust)', () => {
  it(`Holm and BH agree with R on ${cases.length} vectors (ties, exact 0 and 1, p down to 1e-300)`, () => {
    for (const [i, c] of cases.entries()) {
      expectAllClose(pAdjust(c.p, 'holm'), c.holm, { rtol: 1e-14, atol: 1e-300 }, `case ${i} holm`);
      expectAllClose(pAdjust(c.p, 'BH'), c.BH, { rtol: 1e-14, atol: 1e-300 }, `case ${i} BH`);
    }
  });

  it('never lowers a p-value, keeps order, and Holm is never below BH (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (p) => {
        const holm = pAdjust(p, 'holm');
        const bh = pAdjust(p, 'BH');
        p.forEach((v, i) => {
          expect(holm[i]).toBeGreaterThanOrEqual(v);
          expect(bh[i]).toBeGreaterThanOrEqual(v);
          expect(holm[i]).toBeGreaterThanOrEqual(bh[i]);
          p.forEach((w, j) => {
            if (v < w) expect(holm[i]).toBeLessThanOrEqual(holm[j]);
          });
        });
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('rejects a value that is not a probability', () => {
    expect(() => pAdjust([0.2, Number.NaN], 'BH')).toThrow(/p-value NaN at position 2 must be within \[0, 1\]/);
  });
});
