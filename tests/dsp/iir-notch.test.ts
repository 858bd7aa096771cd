import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { iirNotch } from '../../src/dsp/iir-notch.js';
import { filtFilt } from '../../src/dsp/filtfilt.js';
import { lfilter } from '../../src/dsp/lfilter.js';
import { lfilterZi } from '../../src/dsp/lfilter-zi.js';
import { notchHarmonics } from '../../src/dsp/notch-harmonics.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture, peakAbs, type FiltersFixture } from './load-fixture.js';

const fixture = loadFixture<FiltersFixture>('filters.json');

describe('iirNotch, lfilter, lfilterZi and filtFilt against SciPy', () => {
  it('covers Q from 5 to 50 and 500 Hz to 10 kHz', () => {
    const qs = fixture.notch.map((c) => c.q);
    expect(Math.min(...qs)).toBe(5);
    expect(Math.max(...qs)).toBe(50);
  });
  for (const c of fixture.notch) {
    describe(`${c.call} on ${c.x.length} samples`, () => {
      const x = Float64Array.from(c.x);
      const atol = 1e-9 * peakAbs(c.x);
      it('coefficients match scipy.signal.iirnotch', () => {
        const { b, a } = iirNotch(c.f0Hz, c.q, c.fsHz);
        expectAllClose(b, c.b, { atol: 1e-10 * peakAbs(c.b) }, 'b');
        expectAllClose(a, c.a, { atol: 1e-10 * peakAbs(c.a) }, 'a');
      });
      it('lfilterZi matches scipy.signal.lfilter_zi', () => {
        expectAllClose(lfilterZi(c.b, c.a), c.lfilter_zi, { rtol: 1e-10, atol: 1e-12 });
      });
      it('lfilter matches scipy.signal.lfilter', () => {
        expectAllClose(lfilter(c.b, c.a, x), c.lfilter, { atol });
      });
      it(c.filtfilt.call, () => {
        expectAllClose(filtFilt(c.b, c.a, x), c.filtfilt.y, { atol });
        expect(Array.from(x)).toEqual(c.x);
      });
      it('rejects a signal not longer than 3·max(len(a), len(b))', () => {
        expect(() => filtFilt(c.b, c.a, x.subarray(0, 9))).toThrow(
          'signal of 9 samples must be longer than the default zero-phase filter pad length 9 samples',
        );
      });
    });
  }
  for (const c of fixture.lfilterZi) {
    it(`${c.call} with b = [${c.b.join(', ')}], a = [${c.a.join(', ')}]`, () => {
      expectAllClose(lfilterZi(c.b, c.a), c.zi, { rtol: 1e-10, atol: 1e-12 });
    });
  }
});

describe('iirNotch and notchHarmonics parameter checks', () => {
  it('rejects a notch at or above Nyquist, naming value, limit and unit', () => {
    expect(() => iirNotch(500, 30, 1000)).toThrow(ParameterError);
    expect(() => iirNotch(500, 30, 1000)).toThrow('notch frequency 500 Hz must be below Nyquist 500 Hz (fs 1000 Hz)');
    expect(() => iirNotch(0, 30, 1000)).toThrow(/notch frequency 0 Hz must be above 0 Hz/);
    expect(() => iirNotch(50, 0, 1000)).toThrow(/quality factor Q 0 must be above 0/);
  });
  it('keeps harmonics strictly below Nyquist, each as iirNotch designs it', () => {
    const notches = notchHarmonics(50, 30, 1000, 20);
    expect(notches.map((n) => n.f0Hz)).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450]);
    const third = iirNotch(150, 30, 1000);
    expect(notches[2].b).toEqual(third.b);
    expect(notches[2].a).toEqual(third.a);
    expect(notchHarmonics(60, 30, 500, 3).map((n) => n.f0Hz)).toEqual([60, 120, 180]);
    expect(notchHarmonics(50, 30, 200, 5).map((n) => n.f0Hz)).toEqual([50]);
    expect(() => notchHarmonics(50, 30, 1000, 0)).toThrow(/harmonic count 0/);
    expect(() => notchHarmonics(600, 30, 1000, 2)).toThrow(/600 Hz must be below Nyquist 500 Hz/);
  });
});
