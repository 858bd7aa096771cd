import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { butterSos } from '../../src/dsp/butter-sos.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture, peakAbs, type FiltersFixture } from './load-fixture.js';

const fixture = loadFixture<FiltersFixture>('filters.json');

describe('butterSos against scipy.signal.butter(..., output="sos")', () => {
  it('covers orders 1–8, all four band types and 500 Hz–10 kHz', () => {
    expect(new Set(fixture.butter.map((c) => c.order))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(new Set(fixture.butter.map((c) => c.type)).size).toBe(4);
    expect(new Set(fixture.butter.map((c) => c.fsHz))).toEqual(new Set([500, 1000, 2000, 4000, 10000]));
  });
  for (const c of fixture.butter) {
    it(`${c.call} (${c.pattern})`, () => {
      const cutoffHz = typeof c.cutoffHz === 'number' ? c.cutoffHz : ([c.cutoffHz[0], c.cutoffHz[1]] as const);
      const sos = butterSos({ order: c.order, type: c.type, cutoffHz, fsHz: c.fsHz });
      expect(sos.length).toBe(c.sos.length);
      // Same sections in the same order: numerator and denominator of every section agree to 1e-10
      // of that polynomial's largest coefficient (the numerator of the first section carries the
      // gain, which can be 1e-30 for corners near 0 Hz, so an absolute bound would say nothing).
      for (let s = 0; s < c.sos.length / 6; s++) {
        for (const part of [0, 3]) {
          const exp = c.sos.slice(6 * s + part, 6 * s + part + 3);
          const act = sos.subarray(6 * s + part, 6 * s + part + 3);
          expectAllClose(act, exp, { atol: 1e-10 * peakAbs(exp) }, `section ${s} ${part === 0 ? 'b' : 'a'}`);
        }
      }
    });
  }
});

describe('butterSos parameter checks', () => {
  const ok = { order: 4, type: 'bandpass', cutoffHz: [20, 450], fsHz: 2000 } as const;
  it('rejects a corner at or above Nyquist, naming value, limit and unit', () => {
    expect(() => butterSos({ ...ok, cutoffHz: [20, 600], fsHz: 1000 })).toThrow(ParameterError);
    expect(() => butterSos({ ...ok, cutoffHz: [20, 600], fsHz: 1000 })).toThrow(
      'Butterworth band-pass high corner 600 Hz must be below Nyquist 500 Hz (fs 1000 Hz)',
    );
    expect(() => butterSos({ order: 2, type: 'lowpass', cutoffHz: 500, fsHz: 1000 })).toThrow(/corner 500 Hz must be below Nyquist 500 Hz/);
  });
  it('rejects non-positive corners and descending band corners', () => {
    expect(() => butterSos({ order: 2, type: 'highpass', cutoffHz: 0, fsHz: 1000 })).toThrow(/corner 0 Hz must be above 0 Hz/);
    expect(() => butterSos({ ...ok, cutoffHz: [450, 20] })).toThrow(/low corner 450 Hz must be below the high corner 20 Hz/);
    expect(() => butterSos({ ...ok, cutoffHz: [-5, 20] })).toThrow(/low corner -5 Hz/);
  });
  it('rejects negative, zero, fractional and excessive orders', () => {
    expect(() => butterSos({ ...ok, order: -2 })).toThrow(/order -2 must be an integer from 1 to 20/);
    expect(() => butterSos({ ...ok, order: 0 })).toThrow(ParameterError);
    expect(() => butterSos({ ...ok, order: 2.5 })).toThrow(ParameterError);
    expect(() => butterSos({ ...ok, order: 21 })).toThrow(ParameterError);
  });
  it('rejects the wrong number of corners for the band type', () => {
    expect(() => butterSos({ ...ok, cutoffHz: 20 })).toThrow(/two corner frequencies/);
    expect(() => butterSos({ order: 2, type: 'lowpass', cutoffHz: [1, 2], fsHz: 100 })).toThrow(/one corner frequency/);
  });
});
