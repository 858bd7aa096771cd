import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { sosFilt, sosFiltInPlace } from '../../src/dsp/sos-filt.js';
import { sosFiltZi } from '../../src/dsp/sos-filt-zi.js';
import { sosFiltFilt, sosFiltFiltPadLen } from '../../src/dsp/sos-filtfilt.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture, peakAbs, type FiltersFixture } from './load-fixture.js';

const fixture = loadFixture<FiltersFixture>('filters.json');

// Outputs must agree with SciPy to 1e-9 of the signal's peak magnitude. The coefficients are
// SciPy's own (from the fixture), so this checks the filtering alone.
const TOL = 1e-9;

describe('sosFilt, sosFiltZi and sosFiltFilt against SciPy', () => {
  it('covers signals just longer than the pad length and long ones', () => {
    expect(fixture.sosFilter.some((c) => c.x.length === c.padLen + 1)).toBe(true);
    expect(fixture.sosFilter.some((c) => c.x.length >= 1500)).toBe(true);
  });
  for (const c of fixture.sosFilter) {
    describe(`${c.design} on ${c.x.length} samples`, () => {
      const sos = Float64Array.from(c.sos);
      const x = Float64Array.from(c.x);
      const atol = TOL * peakAbs(c.x);
      it('pad length is scipy\'s', () => {
        expect(sosFiltFiltPadLen(sos)).toBe(c.padLen);
      });
      it('sosFiltZi matches scipy.signal.sosfilt_zi', () => {
        expectAllClose(sosFiltZi(sos), c.sosfilt_zi, { rtol: 1e-10, atol: 1e-12 * peakAbs(c.sosfilt_zi) });
      });
      if (c.sosfilt !== null) {
        const ref = c.sosfilt;
        it('sosFilt matches scipy.signal.sosfilt', () => {
          expectAllClose(sosFilt(sos, x), ref, { atol });
        });
      }
      it(c.sosfilt_with_zi.call, () => {
        const zi = sosFiltZi(sos).map((v) => v * x[0]);
        const y = sosFiltInPlace(sos, Float64Array.from(x), zi);
        expectAllClose(y, c.sosfilt_with_zi.y, { atol }, 'y');
        expectAllClose(zi, c.sosfilt_with_zi.zf, { atol }, 'zf');
      });
      it(c.sosfiltfilt.call, () => {
        expectAllClose(sosFiltFilt(sos, x), c.sosfiltfilt.y, { atol });
        expect(Array.from(x)).toEqual(c.x);
      });
      it('rejects a signal not longer than the pad length', () => {
        const short = x.subarray(0, c.padLen);
        expect(() => sosFiltFilt(sos, short)).toThrow(ParameterError);
        expect(() => sosFiltFilt(sos, short)).toThrow(
          `signal of ${c.padLen} samples must be longer than the default zero-phase filter pad length ${c.padLen} samples`,
        );
      });
    });
  }
});

describe('sosFiltFilt pad types and lengths against SciPy', () => {
  const sos = Float64Array.from(fixture.sosPad.sos);
  const x = Float64Array.from(fixture.sosPad.x);
  for (const c of fixture.sosPad.cases) {
    it(c.call, () => {
      const y = sosFiltFilt(sos, x, {
        padType: c.padType ?? 'none',
        ...(c.padLen === null ? {} : { padLen: c.padLen }),
      });
      expectAllClose(y, c.y, { atol: TOL * peakAbs(fixture.sosPad.x) });
    });
  }
  it('rejects an explicit pad length not below the signal length', () => {
    expect(() => sosFiltFilt(sos, x, { padLen: 400 })).toThrow(/signal of 400 samples must be longer than the zero-phase filter pad length 400 samples/);
  });
});

describe('sosFilt inputs and outputs', () => {
  const sos = Float64Array.from(fixture.sosFilter[0].sos);
  const x = Float64Array.from(fixture.sosFilter[0].x);
  it('sosFilt does not modify x or zi; sosFiltInPlace overwrites both', () => {
    const x0 = Float64Array.from(x);
    const zi = sosFiltZi(sos);
    const zi0 = Float64Array.from(zi);
    const y = sosFilt(sos, x, zi);
    expect(x).toEqual(x0);
    expect(zi).toEqual(zi0);
    const buf = Float64Array.from(x);
    const ret = sosFiltInPlace(sos, buf, zi);
    expect(ret).toBe(buf);
    expect(buf).toEqual(y);
    expect(zi).not.toEqual(zi0);
  });
  it('rejects malformed sections and state', () => {
    expect(() => sosFilt(new Float64Array(5), x)).toThrow(/5 coefficients: must be a positive multiple of 6/);
    expect(() => sosFilt(Float64Array.from([1, 0, 0, 2, 0, 0]), x)).toThrow(/a0 = 2: a0 must be 1/);
    expect(() => sosFilt(sos, x, new Float64Array(1))).toThrow(/initial state has 1 values/);
  });
});
