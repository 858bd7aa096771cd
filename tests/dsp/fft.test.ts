import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { realFft } from '../../src/dsp/fft.js';
import { nextPow2 } from '../../src/dsp/next-pow2.js';
import { expectAllClose } from '../helpers/expect-all-close.js';

interface RfftCase {
  call: string;
  nfft: number;
  x: number[];
  re: number[];
  im: number[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/dsp/welch.json', import.meta.url), 'utf8')) as {
  rfft: RfftCase[];
};

describe('realFft against numpy.fft.rfft', () => {
  for (const c of fixture.rfft) {
    it(`${c.call} on ${c.x.length} samples`, () => {
      const x = Float64Array.from(c.x);
      const { re, im } = realFft(x, c.nfft);
      let peak = 0;
      for (let k = 0; k < c.re.length; k++) peak = Math.max(peak, Math.hypot(c.re[k], c.im[k]));
      // Different FFT algorithms: rounding of order log2(nfft)·eps relative to the spectrum's peak.
      expectAllClose(re, c.re, { atol: 1e-13 * peak }, 're');
      expectAllClose(im, c.im, { atol: 1e-13 * peak }, 'im');
      expect(Array.from(x)).toEqual(c.x);
    });
  }
  it('rejects a length that is not a power of two, or shorter than the input', () => {
    expect(() => realFft(new Float64Array(4), 6)).toThrow(ParameterError);
    expect(() => realFft(new Float64Array(9), 8)).toThrow(/9 samples is longer than the FFT length 8 samples/);
  });
});

describe('nextPow2', () => {
  it('rounds up to a power of two', () => {
    expect([1, 2, 3, 200, 256, 257].map(nextPow2)).toEqual([1, 2, 4, 256, 256, 512]);
    expect(() => nextPow2(0)).toThrow(ParameterError);
  });
});
