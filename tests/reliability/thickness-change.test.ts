import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { thicknessChange } from '../../src/stats/thickness-change.js';
import { thicknessChangeTrials } from '../../src/stats/thickness-change-trials.js';
import { expectAllClose, expectClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface Ref {
  thicknessChange: { restMm: number[]; contractedMm: number[]; changePct: number[]; ratio: number[] };
}
const ref = loadFixture<Ref>('thickness.json').thicknessChange;

describe('thicknessChange', () => {
  it('matches R (contracted - rest) / rest * 100 and contracted / rest', () => {
    const out = ref.restMm.map((r, i) => thicknessChange(r, ref.contractedMm[i]));
    expectAllClose(
      out.map((o) => o.changePct),
      ref.changePct,
      { rtol: 1e-13, atol: 1e-13 },
      'changePct',
    );
    expectAllClose(
      out.map((o) => o.ratio),
      ref.ratio,
      { rtol: 1e-15 },
      'ratio',
    );
  });

  it('works by hand', () => {
    // 4.0 mm at rest, 5.0 mm contracted: +1/4 = 25 %, ratio 1.25; 5 → 4: −20 %, 0.8.
    expect(thicknessChange(4, 5)).toEqual({ changePct: 25, ratio: 1.25 });
    expect(thicknessChange(5, 4)).toEqual({ changePct: -20, ratio: 0.8 });
  });

  it('rejects a thickness that is not positive and finite', () => {
    expect(() => thicknessChange(0, 5)).toThrow(ParameterError);
    expect(() => thicknessChange(0, 5)).toThrow('rest thickness 0 mm must be a positive finite thickness');
    expect(() => thicknessChange(4, -1)).toThrow('contracted thickness -1 mm must be a positive finite thickness');
    expect(() => thicknessChange(Number.NaN, 5)).toThrow(ParameterError);
  });
});

describe('thicknessChangeTrials', () => {
  it('pairs by trial label, averages per-trial values, and returns unpaired trials', () => {
    // Trial 1: 4 → 5 mm, +25 %, ratio 1.25. Trial 2: 5 → 6 mm, +20 %, 1.2. Trial 3 rest only; trial 4 contracted only.
    // Means over trials 1, 2: change (25 + 20)/2 = 22.5 %, ratio 1.225, rest 4.5 mm, contracted 5.5 mm.
    const rest = [
      { trial: '1', thicknessMm: 4 },
      { trial: '3', thicknessMm: 4.4 },
      { trial: '2', thicknessMm: 5 },
    ];
    const contracted = [
      { trial: '2', thicknessMm: 6 },
      { trial: '4', thicknessMm: 5.2 },
      { trial: '1', thicknessMm: 5 },
    ];
    const restCopy = structuredClone(rest);
    const r = thicknessChangeTrials(rest, contracted);
    expect(rest).toEqual(restCopy);
    expect(r.trials.map((t) => t.trial)).toEqual(['1', '2']);
    expectClose(r.trials[1].changePct, 20, { rtol: 1e-15 }, 'trial 2 change');
    expect(r.unpaired).toEqual([
      { trial: '3', condition: 'rest', thicknessMm: 4.4 },
      { trial: '4', condition: 'contracted', thicknessMm: 5.2 },
    ]);
    if (!r.mean.ok) throw new Error(r.mean.reason);
    expect(r.mean.n).toBe(2);
    expectClose(r.mean.changePct, 22.5, { rtol: 1e-15 }, 'mean change');
    expectClose(r.mean.ratio, 1.225, { rtol: 1e-15 }, 'mean ratio');
    expect(r.mean.restMm).toBe(4.5);
    expect(r.mean.contractedMm).toBe(5.5);
  });

  it('reports no paired trial as an undefined mean, keeping the unpaired ones', () => {
    const r = thicknessChangeTrials([{ trial: 'a', thicknessMm: 3 }], [{ trial: 'b', thicknessMm: 4 }]);
    expect(r.trials).toEqual([]);
    expect(r.unpaired).toHaveLength(2);
    expect(r.mean.ok).toBe(false);
    if (!r.mean.ok) expect(r.mean.reason).toBe('no trial has both a rest and a contracted thickness (2 unpaired)');
  });

  it('rejects duplicate trial labels and impossible thicknesses', () => {
    expect(() =>
      thicknessChangeTrials(
        [
          { trial: '1', thicknessMm: 3 },
          { trial: '1', thicknessMm: 3.1 },
        ],
        [],
      ),
    ).toThrow('trial "1" appears more than once at rest');
    expect(() => thicknessChangeTrials([{ trial: '1', thicknessMm: -2 }], [])).toThrow(
      'rest thickness of trial "1" -2 mm must be a positive finite thickness',
    );
  });
});
