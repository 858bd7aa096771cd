import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParameterError } from '../../src/errors.js';
import { coContraction } from '../../src/stats/co-contraction.js';
import { coContractionFalconerWinter, type FalconerWinterOutcome } from '../../src/stats/co-contraction-falconer-winter.js';
import { coContractionRudolph } from '../../src/stats/co-contraction-rudolph.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface RefCase {
  name: string;
  fsHz: number;
  a: number[];
  b: number[];
  falconerWinterTrapezoidPct: number;
  falconerWinterRectanglePct: number;
  rudolphMean: number;
  rudolphSum: number;
}
const fixture = loadFixture<{ cases: RefCase[] }>('co-contraction.json');
const EXACT = { rtol: 1e-15 };

function fwPct(r: FalconerWinterOutcome): number {
  if (!r.ok) throw new Error(r.reason);
  return r.cciPct;
}

describe('co-contraction by hand', () => {
  // a = [0, 2, 4, 2], b = [1, 1, 3, 3] at 1 Hz; min(a, b) = [0, 1, 3, 2].
  const a = [0, 2, 4, 2];
  const b = [1, 1, 3, 3];

  it('Falconer & Winter, rectangle rule: 2·6 / (8 + 8) × 100 = 75 %', () => {
    const r = coContractionFalconerWinter(a, b, { fsHz: 1, integration: 'rectangle' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.cciPct).toBe(75);
    expect([r.commonArea, r.areaA, r.areaB]).toEqual([6, 8, 8]);
    expect(r.method).toBe('falconer-winter-1985');
    expect(r.formula).toBe('CCI = 2 * integral(min(a, b)) / integral(a + b) * 100');
  });

  it('Falconer & Winter, trapezoid rule: 2·5 / (7 + 6) × 100 = 1000/13 %', () => {
    // Trapezoid weights ½, 1, 1, ½: common 0 + 1 + 3 + 1 = 5; a 0 + 2 + 4 + 1 = 7; b 0.5 + 1 + 3 + 1.5 = 6.
    // At 2 Hz every area halves and the index stays.
    const r = coContractionFalconerWinter(a, b, { fsHz: 2 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.params).toEqual({ fsHz: 2, integration: 'trapezoid', nSamples: 4, durationS: 1.5 });
    expectClose(r.cciPct, 1000 / 13, EXACT, 'cciPct');
    expect([r.commonArea, r.areaA, r.areaB]).toEqual([2.5, 3.5, 3]);
  });

  it('Rudolph: per sample 0, 1.5, 5.25, 10/3 → sum 121/12, mean 121/48', () => {
    // i0: 0/1·(0+1) = 0; i1: 1/2·(1+2) = 1.5; i2: 3/4·(3+4) = 5.25; i3: 2/3·(2+3) = 10/3.
    const r = coContractionRudolph(a, b, { fsHz: 1000 });
    expectClose(r.cciSum, 121 / 12, EXACT, 'sum');
    expectClose(r.cci, 121 / 48, EXACT, 'mean');
    expect(r.method).toBe('rudolph-2000');
    expect(r.formula).toBe('CCI = mean over samples of (lower / higher) * (lower + higher)');
    expect(r.params).toEqual({ fsHz: 1000, nSamples: 4, durationS: 0.004 });
  });

  it('Rudolph counts a sample where both envelopes are 0 as 0', () => {
    // a = [0, 0, 2], b = [0, 1, 2]: 0 (both 0), 0/1·1 = 0, 2/2·4 = 4 → sum 4, mean 4/3.
    const r = coContractionRudolph([0, 0, 2], [0, 1, 2], { fsHz: 100 });
    expect(r.cciSum).toBe(4);
    expectClose(r.cci, 4 / 3, EXACT, 'mean');
    // Falconer & Winter (rectangle) on the same: 2·2/(2 + 3) × 100 = 80 %.
    expect(fwPct(coContractionFalconerWinter([0, 0, 2], [0, 1, 2], { fsHz: 100, integration: 'rectangle' }))).toBe(80);
  });

  it('identical envelopes give 100 % (Falconer & Winter) and 2·mean (Rudolph)', () => {
    const env = [0.1, 0.4, 0.3, 0.2];
    expect(fwPct(coContractionFalconerWinter(env, env, { fsHz: 10 }))).toBe(100);
    expectClose(coContractionRudolph(env, env, { fsHz: 10 }).cci, 0.5, EXACT, 'Rudolph');
  });

  it('reports two all-zero envelopes as undefined for Falconer & Winter, 0 for Rudolph', () => {
    const r = coContractionFalconerWinter([0, 0, 0], [0, 0, 0], { fsHz: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/zero throughout/);
    expect(coContractionRudolph([0, 0, 0], [0, 0, 0], { fsHz: 10 }).cci).toBe(0);
  });

  it('dispatches by method', () => {
    const fw = coContraction(a, b, { method: 'falconer-winter-1985', fsHz: 1, integration: 'rectangle' });
    expect(fw.method).toBe('falconer-winter-1985');
    expect(fw.ok && 'cciPct' in fw && fw.cciPct).toBe(75);
    const ru = coContraction(a, b, { method: 'rudolph-2000', fsHz: 1 });
    if (ru.method !== 'rudolph-2000') throw new Error(`dispatched to ${ru.method}`);
    expectClose(ru.cciSum, 121 / 12, EXACT, 'Rudolph sum');
  });
});

describe('co-contraction against R', () => {
  for (const ref of fixture.cases) {
    it(ref.name, () => {
      const tol = { rtol: 1e-12 };
      expectClose(fwPct(coContractionFalconerWinter(ref.a, ref.b, { fsHz: ref.fsHz })), ref.falconerWinterTrapezoidPct, tol, 'FW trapezoid');
      expectClose(
        fwPct(coContractionFalconerWinter(ref.a, ref.b, { fsHz: ref.fsHz, integration: 'rectangle' })),
        ref.falconerWinterRectanglePct,
        tol,
        'FW rectangle',
      );
      const r = coContractionRudolph(ref.a, ref.b, { fsHz: ref.fsHz });
      expectClose(r.cci, ref.rudolphMean, tol, 'Rudolph mean');
      expectClose(r.cciSum, ref.rudolphSum, tol, 'Rudolph sum');
    });
  }
});

describe('co-contraction properties and errors', () => {
  const envelope = fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 2, maxLength: 40 });

  it('is symmetric in a and b, FW lies in [0, 100], FW is scale-free and Rudolph scales (property)', () => {
    fc.assert(
      fc.property(envelope, envelope, fc.double({ min: 0.01, max: 100, noNaN: true }), (x, y, s) => {
        const n = Math.min(x.length, y.length);
        const a = x.slice(0, n);
        const b = y.slice(0, n);
        const ab = coContractionFalconerWinter(a, b, { fsHz: 1000 });
        const ba = coContractionFalconerWinter(b, a, { fsHz: 1000 });
        const ra = coContractionRudolph(a, b, { fsHz: 1000 });
        const rb = coContractionRudolph(b, a, { fsHz: 1000 });
        const scaled = coContractionRudolph(
          a.map((v) => v * s),
          b.map((v) => v * s),
          { fsHz: 1000 },
        );
        if (ra.cci !== rb.cci || Math.abs(scaled.cci - s * ra.cci) > 1e-9 * (1 + s * ra.cci)) return false;
        if (!ab.ok || !ba.ok) return !ab.ok && !ba.ok;
        const fwScaled = fwPct(coContractionFalconerWinter(a.map((v) => v * s), b.map((v) => v * s), { fsHz: 1000 }));
        return ab.cciPct === ba.cciPct && ab.cciPct >= 0 && ab.cciPct <= 100 + 1e-12 && Math.abs(fwScaled - ab.cciPct) < 1e-9;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('does not mutate its inputs', () => {
    const a = new Float64Array([0.2, 0.5, 0.1]);
    const b = new Float64Array([0.3, 0.1, 0.4]);
    coContractionFalconerWinter(a, b, { fsHz: 100 });
    coContractionRudolph(a, b, { fsHz: 100 });
    expect(Array.from(a)).toEqual([0.2, 0.5, 0.1]);
    expect(Array.from(b)).toEqual([0.3, 0.1, 0.4]);
  });

  it('throws ParameterError naming the problem', () => {
    expect(() => coContractionRudolph([1, 2], [1], { fsHz: 100 })).toThrow('Rudolph co-contraction: envelopes differ in length (a has 2 samples, b has 1)');
    expect(() => coContractionRudolph([1, -0.5], [1, 1], { fsHz: 100 })).toThrow(
      'Rudolph co-contraction: envelope a sample 1 is -0.5; an envelope must be finite and >= 0',
    );
    expect(() => coContractionFalconerWinter([1], [1], { fsHz: 100 })).toThrow('envelopes have 1 samples; at least 2 needed');
    expect(() => coContractionRudolph([], [], { fsHz: 100 })).toThrow(ParameterError);
    expect(() => coContractionFalconerWinter([1, 2], [1, 2], { fsHz: 0 })).toThrow('sample rate 0 Hz must be a positive number');
    expect(() => coContraction([1, 2], [1, 2], { method: 'bogus' } as never)).toThrow(/must be falconer-winter-1985 or rudolph-2000/);
  });
});
