import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK, sosRun } from '../../src/dsp/sos-run.js';
import { cascadeArb, noiseSignal } from './arbitraries.js';
import { firstDifference, referenceSosRun } from './reference-sos.js';

// sosRun visits samples and sections in blocks and in groups of sections; each section's arithmetic
// per sample is unchanged, so it must agree with the plain one-section-at-a-time loop bit for bit.
const SEED = 20240617;

/** Lengths around the block size and its multiples, and anything in between. */
const lengthArb = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK - 1, 2 * BLOCK, 2 * BLOCK + 1, 3 * BLOCK + 2),
  fc.integer({ min: 0, max: 3 * BLOCK + 7 }),
);
const valueArb = fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1e6);

function runCase(sos: Float64Array, x: Float64Array, zi: Float64Array, backward: boolean, cuts: number[]) {
  const expected = x.slice();
  const expectedState = zi.slice();
  referenceSosRun(sos, expected, expectedState, backward);
  // The same filter run over consecutive pieces (state carried across), in the direction of travel.
  const actual = x.slice();
  const state = zi.slice();
  const bounds = [0, ...cuts.map((c) => Math.floor(c * x.length)).sort((a, b) => a - b), x.length];
  const pieces = bounds.slice(1).map((end, k) => [bounds[k], end]);
  if (backward) pieces.reverse();
  for (const [start, end] of pieces) sosRun(sos, actual.subarray(start, end), state, backward);
  return { expected, expectedState, actual, state };
}

describe('sosRun agrees bit for bit with the one-section-at-a-time loop', () => {
  for (let sections = 1; sections <= 12; sections++) {
    it(`${sections} section${sections > 1 ? 's' : ''}, forward and backward, over arbitrary pieces`, () => {
      fc.assert(
        fc.property(
          cascadeArb(sections, sections, 0.999),
          lengthArb,
          fc.integer(),
          fc.boolean(),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
          fc.array(valueArb, { minLength: 2 * sections, maxLength: 2 * sections }),
          (sos, n, seed, backward, cuts, zi) => {
            const x = noiseSignal(n, seed).map((v, i) => (i % 97 === 0 ? 1e3 * v : v));
            const r = runCase(sos, x, Float64Array.from(zi), backward, cuts);
            expect(firstDifference(r.actual, r.expected), 'first differing sample').toBe(-1);
            expect(firstDifference(r.state, r.expectedState), 'first differing state value').toBe(-1);
          },
        ),
        { seed: SEED + sections, numRuns: 60 },
      );
    });
  }

  it('a NaN or an infinity spreads the same way as in the plain loop', () => {
    const sos = Float64Array.of(0.2, 0.4, 0.2, 1, -0.5, 0.3, 1, -2, 1, 1, -1.9, 0.91, 1, 2, 1, 1, -1.2, 0.5);
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (const backward of [false, true]) {
        const x = Float64Array.from({ length: 3 * BLOCK + 5 }, (_, i) => Math.sin(i / 7));
        x[BLOCK + 3] = bad;
        const r = runCase(sos, x, new Float64Array(6), backward, [0.31]);
        expect(firstDifference(r.actual, r.expected)).toBe(-1);
        expect(firstDifference(r.state, r.expectedState)).toBe(-1);
      }
    }
  });
});
