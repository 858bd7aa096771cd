import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emgSource, emgSourceSections } from '../../scripts/sim/emg-source.js';
import { butterworthSections, firstOrderHighpass, firstOrderLowpass, noisePowerGain, type IirSection } from '../../scripts/sim/iir-sections.js';
import { Prng } from '../../scripts/sim/prng.js';
import { expectAllClose } from '../helpers/expect-all-close.js';

interface Reference {
  fs_hz: number;
  freqs_hz: number[];
  butter: { kind: 'lowpass' | 'highpass'; order: number; corner_hz: number; call: string; magnitude: number[] }[];
  emg_source: { high_corner_hz: number; magnitude: number[]; noise_power_gain: number }[];
}
const ref = JSON.parse(readFileSync(new URL('../fixtures/samples/filter-reference.json', import.meta.url), 'utf8')) as Reference;

/** |H(e^{jω})| of a cascade at `fHz`. */
function magnitude(sections: readonly IirSection[], fHz: number, fsHz: number): number {
  const w = (2 * Math.PI * fHz) / fsHz;
  let mag = 1;
  for (const s of sections) {
    // z^-1 = e^{-jω}
    const c1 = Math.cos(w), s1 = -Math.sin(w), c2 = Math.cos(2 * w), s2 = -Math.sin(2 * w);
    const nr = s.b0 + s.b1 * c1 + s.b2 * c2, ni = s.b1 * s1 + s.b2 * s2;
    const dr = 1 + s.a1 * c1 + s.a2 * c2, di = s.a1 * s1 + s.a2 * s2;
    mag *= Math.hypot(nr, ni) / Math.hypot(dr, di);
  }
  return mag;
}

describe('simulator IIR sections against SciPy', () => {
  // Both are bilinear designs pre-warped at the corner; they differ only in rounding (~1e-13).
  it.each(ref.butter)('$call', (c) => {
    const sections =
      c.order === 1
        ? [c.kind === 'lowpass' ? firstOrderLowpass(c.corner_hz, ref.fs_hz) : firstOrderHighpass(c.corner_hz, ref.fs_hz)]
        : butterworthSections(c.kind, c.order, c.corner_hz, ref.fs_hz);
    const mags = ref.freqs_hz.map((f) => magnitude(sections, f, ref.fs_hz));
    expectAllClose(mags, c.magnitude, { rtol: 1e-9, atol: 1e-13 }, c.call);
  });

  it.each(ref.emg_source)('EMG source spectrum and power gain for fh = $high_corner_hz Hz', (c) => {
    const sections = emgSourceSections(ref.fs_hz, c.high_corner_hz);
    const mags = ref.freqs_hz.map((f) => magnitude(sections, f, ref.fs_hz));
    expectAllClose(mags, c.magnitude, { rtol: 1e-9, atol: 1e-13 }, 'magnitude');
    expectAllClose([noisePowerGain(sections, 16384)], [c.noise_power_gain], { rtol: 1e-10 }, 'power gain');
  });

  it('rejects a corner at or above Nyquist and an odd order', () => {
    expect(() => butterworthSections('lowpass', 4, 1000, 2000)).toThrow(/corner 1000 Hz .* Nyquist 1000 Hz/);
    expect(() => butterworthSections('lowpass', 3, 100, 2000)).toThrow(/order 3/);
  });

  it('scales the EMG source to unit RMS', () => {
    // 200 000 samples of a process with ~100 Hz bandwidth: the sample RMS is within ~1 % of 1.
    const x = emgSource(new Prng(11), 200_000, 2000, 120);
    const rms = Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length);
    expect(Math.abs(rms - 1)).toBeLessThan(0.03);
  });
});
