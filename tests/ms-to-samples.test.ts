import { describe, expect, it } from 'vitest';
import { msToSamples, samplesToMs } from '../src/dsp/ms-to-samples.js';

describe('msToSamples', () => {
  it('rounds half away from zero', () => {
    expect(msToSamples(0.5, 1000)).toBe(1);
    expect(msToSamples(-0.5, 1000)).toBe(-1);
    expect(msToSamples(0.4, 1000)).toBe(0);
    expect(msToSamples(50, 2000)).toBe(100);
    expect(samplesToMs(100, 2000)).toBe(50);
  });
  it('rejects a non-positive sample rate', () => {
    expect(() => msToSamples(10, 0)).toThrow(/sample rate 0 Hz/);
  });
});
