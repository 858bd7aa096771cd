import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sosRun } from '../../src/dsp/sos-run.js';
import { sosRunSegmented } from '../../src/dsp/sos-run-segmented.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { cascadeArb, noiseSignal } from './arbitraries.js';
import { firstDifference, referenceSosRun } from './reference-sos.js';

// sosRunSegmented filters three segments of a long signal side by side and corrects the later ones
// by linearity, so it may differ from the plain loop by rounding only. Rounding differences are
// about 1e-16 of the values carried, amplified by the section's noise gain (up to ~1/(1 − r)² for
// pole radius r ≤ 0.99); the worst seen over these cases is below 1e-13 of the largest value, so
// 1e-12 leaves a margin, and any real mistake (a wrong state, a segment off by one sample, a
// correction cut short) exceeds it by orders of magnitude.
const SEED = 20240618;
const REL = 1e-12;

function peak(...arrays: ArrayLike<number>[]): number {
  let m = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Runs both filters from the same state and checks the outputs and final states agree to rounding. */
function check(sos: Float64Array, x: Float64Array, zi: Float64Array, backward: boolean): void {
  const expected = x.slice();
  const expectedState = zi.slice();
  referenceSosRun(sos, expected, expectedState, backward);
  const actual = x.slice();
  const state = zi.slice();
  sosRunSegmented(sos, actual, state, backward);
  const atol = REL * peak(x, expected, zi);
  expectAllClose(actual, expected, { atol }, 'output');
  expectAllClose(state, expectedState, { atol }, 'final state');
}

describe('sosRunSegmented agrees with the one-section-at-a-time loop to rounding', () => {
  it('random stable cascades on long signals, forward and backward, any length modulo 3', () => {
    fc.assert(
      fc.property(
        cascadeArb(1, 3, 0.99),
        fc.integer({ min: 110_000, max: 110_002 }),
        fc.integer(),
        fc.boolean(),
        fc.array(fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 1e5), { minLength: 6, maxLength: 6 }),
        (sos, n, seed, backward, zi) => check(sos, noiseSignal(n, seed), Float64Array.from(zi.slice(0, (2 * sos.length) / 6)), backward),
      ),
      { seed: SEED, numRuns: 24 },
    );
  });

  it('sections whose poles are too close to the unit circle to split are run unchanged, alone or among others', () => {
    // r = 0.9999: decays over ~4.4e5 samples, far longer than a third of the signal.
    const slow = [0.5, 0.2, 0.1, 1, -2 * 0.9999 * Math.cos(0.01), 0.9999 ** 2];
    const fast = [0.3, -0.2, 0.4, 1, -0.5, 0.25];
    const x = noiseSignal(150_001, 7);
    for (const backward of [false, true]) {
      const alone = Float64Array.from(slow);
      const a = x.slice();
      const b = x.slice();
      const sa = Float64Array.of(0.1, -0.2);
      const sb = sa.slice();
      sosRunSegmented(alone, a, sa, backward);
      sosRun(alone, b, sb, backward);
      expect(firstDifference(a, b)).toBe(-1);
      expect(firstDifference(sa, sb)).toBe(-1);
      check(Float64Array.from([...fast, ...slow, ...slow, ...fast]), x, Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), backward);
    }
  });

  it('short signals are run unchanged (bit for bit)', () => {
    const sos = Float64Array.of(0.3, -0.2, 0.4, 1, -0.5, 0.25, 1, 2, 1, 1, -1.2, 0.5);
    const x = noiseSignal(40_000, 11);
    const a = x.slice();
    const b = x.slice();
    const sa = new Float64Array(4);
    const sb = new Float64Array(4);
    sosRunSegmented(sos, a, sa, false);
    referenceSosRun(sos, b, sb, false);
    expect(firstDifference(a, b)).toBe(-1);
    expect(firstDifference(sa, sb)).toBe(-1);
  });

  it('a large state at the start decays through the first segment only, and the later segments start right', () => {
    const sos = Float64Array.of(0.02, 0.04, 0.02, 1, -1.56, 0.64);
    for (const backward of [false, true]) check(sos, new Float64Array(120_000).fill(1e-3), Float64Array.of(1e6, -4e5), backward);
  });

  it('a NaN or an infinity leaves everything after it non-finite, as in the plain loop', () => {
    const sos = Float64Array.of(0.3, -0.2, 0.4, 1, -0.5, 0.25);
    for (const bad of [NaN, Infinity]) {
      for (const backward of [false, true]) {
        const x = noiseSignal(120_000, 3);
        const at = 20_000;
        x[backward ? x.length - 1 - at : at] = bad;
        const expected = x.slice();
        referenceSosRun(sos, expected, new Float64Array(2), backward);
        const actual = x.slice();
        sosRunSegmented(sos, actual, new Float64Array(2), backward);
        const finiteDiffers = actual.findIndex((v, i) => Number.isFinite(v) !== Number.isFinite(expected[i]));
        expect(finiteDiffers, 'first sample finite in one and not the other').toBe(-1);
        expect(expected.filter((v) => !Number.isFinite(v)).length).toBe(x.length - at);
        const before = backward ? [x.length - at, x.length] : [0, at];
        expect(firstDifference(actual.subarray(before[0], before[1]), expected.subarray(before[0], before[1]))).toBe(-1);
      }
    }
  });
});
