import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { welch } from '../../src/dsp/welch.js';
import { meanFrequency } from '../../src/dsp/mean-frequency.js';
import { medianFrequency } from '../../src/dsp/median-frequency.js';
import { expectAllClose, expectClose } from '../helpers/expect-all-close.js';

interface WelchCase {
  call: string;
  params: { fsHz: number; segmentLength: number; overlap: number; nfft: number | null; detrend: 'constant' | false };
  x: number[];
  freqsHz: number[];
  psd: number[];
  meanFrequencyHz: number;
  medianFrequencyHz: number;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/dsp/welch.json', import.meta.url), 'utf8')) as {
  cases: WelchCase[];
};

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

describe('welch against scipy.signal.welch', () => {
  for (const c of fixture.cases) {
    it(c.call, () => {
      const x = Float64Array.from(c.x);
      const r = welch(x, {
        fsHz: c.params.fsHz,
        segmentLength: c.params.segmentLength,
        overlap: c.params.overlap,
        window: 'hann',
        detrend: c.params.detrend,
        scaling: 'density',
        ...(c.params.nfft === null ? {} : { nfft: c.params.nfft }),
      });
      // Frequencies are k·fs/nfft computed the same way as numpy: exact up to one rounding.
      expectAllClose(r.freqsHz, c.freqsHz, { rtol: 1e-15, atol: 0 }, 'freqsHz');
      // FFT and summation order differ from pocketfft/numpy: agreement to 1e-12 of the peak PSD.
      expectAllClose(r.psd, c.psd, { rtol: 0, atol: 1e-12 * maxAbs(c.psd) }, 'psd');
      // The input is not modified.
      expect(Array.from(x)).toEqual(c.x);
    });
    it(`mean and median frequency of ${c.call}`, () => {
      const f = Float64Array.from(c.freqsHz);
      const p = Float64Array.from(c.psd);
      expectClose(meanFrequency(f, p), c.meanFrequencyHz, { rtol: 1e-13 });
      expectClose(medianFrequency(f, p), c.medianFrequencyHz, { rtol: 1e-13 });
    });
  }
});

describe('welch parameter checks', () => {
  const x = new Float64Array(100);
  const base = { fsHz: 1000, segmentLength: 64, overlap: 32, window: 'hann', detrend: 'constant', scaling: 'density' } as const;
  it('rejects a segment longer than the signal', () => {
    expect(() => welch(x, { ...base, segmentLength: 128 })).toThrow(ParameterError);
    expect(() => welch(x, { ...base, segmentLength: 128 })).toThrow(/segment length 128 samples .* signal length 100 samples/);
  });
  it('rejects an overlap not below the segment length', () => {
    expect(() => welch(x, { ...base, overlap: 64 })).toThrow(/overlap 64 samples/);
  });
  it('rejects an FFT length that is not a power of two or is too short', () => {
    expect(() => welch(x, { ...base, nfft: 96 })).toThrow(/FFT length 96 samples/);
    expect(() => welch(x, { ...base, nfft: 32 })).toThrow(/FFT length 32 samples/);
  });
  it('rejects a non-positive sample rate', () => {
    expect(() => welch(x, { ...base, fsHz: 0 })).toThrow(/sample rate 0 Hz/);
  });
});

describe('mean and median frequency definitions', () => {
  it('interpolates the median inside the bin where half the power is reached', () => {
    const f = Float64Array.from([0, 10, 20, 30]);
    // Total 8, half 4: cumulative 1, 3, 7 → bin 2, 1/4 of the way from 10 to 20 Hz.
    expect(medianFrequency(f, Float64Array.from([1, 2, 4, 1]))).toBe(12.5);
    expect(meanFrequency(f, Float64Array.from([1, 2, 4, 1]))).toBe((0 + 20 + 80 + 30) / 8);
  });
  it('rejects a spectrum with no power', () => {
    expect(() => medianFrequency(new Float64Array(3), new Float64Array(3))).toThrow(/zero total power/);
    expect(() => meanFrequency(new Float64Array(3), new Float64Array(3))).toThrow(/zero total power/);
  });
});
