import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { butterSos } from '../../src/dsp/butter-sos.js';
import type { FilterBandType } from '../../src/dsp/butter-zpk.js';
import { sosFiltFilt } from '../../src/dsp/sos-filtfilt.js';
import { filtFilt } from '../../src/dsp/filtfilt.js';
import { iirNotch } from '../../src/dsp/iir-notch.js';
import { movingRms } from '../../src/dsp/moving-rms.js';
import { teagerKaiser } from '../../src/dsp/teager-kaiser.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { peakAbs } from './load-fixture.js';

const SEED = 20240501;
const RUNS = 40;

/** A Butterworth design whose impulse response dies out within ~1000 samples. */
const filterArb = fc
  .record({
    order: fc.integer({ min: 1, max: 6 }),
    type: fc.constantFrom<FilterBandType>('lowpass', 'highpass', 'bandpass', 'bandstop'),
    fsHz: fc.constantFrom(500, 1000, 2000, 10000),
    lo: fc.double({ min: 0.03, max: 0.2, noNaN: true }),
    width: fc.double({ min: 0.08, max: 0.25, noNaN: true }),
  })
  .map(({ order, type, fsHz, lo, width }) => {
    const cutoffHz: number | [number, number] =
      type === 'lowpass' || type === 'highpass' ? lo * fsHz : [lo * fsHz, (lo + width) * fsHz];
    return { order, type, fsHz, cutoffHz, sos: butterSos({ order, type, cutoffHz, fsHz }) };
  });

/** A number from −10 to 10 in steps of 1e-6 (no subnormals, whose rounding says nothing here). */
const valueArb = fc.integer({ min: -1e7, max: 1e7 }).map((i) => i / 1e6);
const signalArb = (n: number) => fc.array(valueArb, { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

describe('sosFiltFilt properties', () => {
  it('is zero-phase: the response to a centred impulse is symmetric', () => {
    fc.assert(
      fc.property(filterArb, ({ sos }) => {
        const n = 4001;
        const c = 2000;
        const x = new Float64Array(n);
        x[c] = 1;
        const h = sosFiltFilt(sos, x);
        const left = Array.from({ length: 1500 }, (_, k) => h[c - k]);
        const right = Array.from({ length: 1500 }, (_, k) => h[c + k]);
        expectAllClose(right, left, { atol: 1e-10 * peakAbs(h) });
        // and not trivially: the filter does shape the impulse.
        expect(h[c]).not.toBe(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a low-pass has unit DC gain: a constant passes unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.001, max: 0.45, noNaN: true }),
        valueArb.map((v) => v * 100),
        (order, w, level) => {
          const sos = butterSos({ order, type: 'lowpass', cutoffHz: w * 1000, fsHz: 1000 });
          const y = sosFiltFilt(sos, new Float64Array(200).fill(level));
          expectAllClose(y, new Float64Array(200).fill(level), { atol: 1e-9 * Math.abs(level) });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('is linear: filter(a·x + b·y) = a·filter(x) + b·filter(y), and leaves its inputs alone', () => {
    fc.assert(
      fc.property(
        filterArb,
        signalArb(300),
        signalArb(300),
        valueArb,
        valueArb,
        ({ sos }, x, y, a, b) => {
          const x0 = Float64Array.from(x);
          const y0 = Float64Array.from(y);
          const sos0 = Float64Array.from(sos);
          const mix = x.map((v, i) => a * v + b * y[i]);
          const fx = sosFiltFilt(sos, x);
          const fy = sosFiltFilt(sos, y);
          const expected = fx.map((v, i) => a * v + b * fy[i]);
          expectAllClose(sosFiltFilt(sos, mix), expected, { atol: 1e-9 * (peakAbs(mix) + peakAbs(expected)) });
          expect(x).toEqual(x0);
          expect(y).toEqual(y0);
          expect(sos).toEqual(sos0);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('filtFilt with a notch', () => {
  it('removes a mains tone in the middle of the signal and keeps the phase of a slower tone', () => {
    const fsHz = 1000;
    const { b, a } = iirNotch(50, 30, fsHz);
    const n = 8000;
    const x = new Float64Array(n);
    const slow = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      slow[i] = Math.sin((2 * Math.PI * 7 * i) / fsHz + 0.3);
      x[i] = slow[i] + Math.sin((2 * Math.PI * 50 * i) / fsHz);
    }
    const y = filtFilt(b, a, x);
    // Away from the ends (the notch rings for a few hundred samples there) the 50 Hz tone is gone and
    // the 7 Hz tone is untouched in amplitude and phase.
    expectAllClose(y.subarray(3000, 5000), slow.subarray(3000, 5000), { atol: 1e-4 });
  });
});

describe('movingRms and teagerKaiser identities', () => {
  it('the moving RMS of a constant is its magnitude, edges included', () => {
    fc.assert(
      fc.property(valueArb.map((v) => v * 1e5), fc.integer({ min: 1, max: 120 }), (c, windowMs) => {
        const y = movingRms(new Float64Array(150).fill(c), { fsHz: 1000, windowMs });
        expectAllClose(y, new Float64Array(150).fill(Math.abs(c)), { rtol: 1e-14 });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
  it('the Teager–Kaiser energy of A·cos(Ωn + φ) is A²·sin²Ω', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        (amp, omega, phi) => {
          const x = Float64Array.from({ length: 64 }, (_, i) => amp * Math.cos(omega * i + phi));
          const expected = amp * amp * Math.sin(omega) ** 2;
          expectAllClose(teagerKaiser(x), new Float64Array(64).fill(expected), { atol: 1e-12 * amp * amp });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
