import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sosFiltFilt } from '../../src/dsp/sos-filtfilt.js';
import { sosFiltFiltInPlace } from '../../src/dsp/sos-filtfilt-in-place.js';
import { conditionChannel } from '../../src/pipeline/condition-channel.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { firstDifference } from './reference-sos.js';

// SciPy's results on signals long enough to be filtered in segments (scripts/fixtures/perf_safety.py,
// which records the calls; the input is regenerated here bit for bit, see minstdSignal).
interface Fixture {
  sosfiltfilt: { call: string; n: number; sos: number[]; index: number[]; y: number[] }[];
  chain: { calls: string[]; fs_hz: number; n: number; index: number[]; y: number[] };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/perf-safety/long-signals.json', import.meta.url), 'utf8')) as Fixture;

/** The fixture's input: MINSTD from seed 12345, every step exact or correctly rounded, as in Python. */
function minstdSignal(n: number): Float64Array {
  let s = 12345;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (48271 * s) % 2147483647;
    const u = s / 2147483647;
    x[i] = (u - 0.5) * (Math.floor(i / 3000) % 2 === 1 ? 1 : 0.0625) + 0.375;
  }
  return x;
}

function peakAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

// SciPy runs each filter from start to end in one recurrence; these paths split it into segments.
// Both are exact up to rounding, amplified by the filters' noise gain; 1e-12 of the peak is a
// thousand times tighter than the bound the process command is held to (1e-9) and five times
// looser than the largest difference seen (2e-13 for the chain, as large as unsegmented).
const REL = 1e-12;

describe('long signals (filtered in segments) agree with SciPy', () => {
  for (const c of fixture.sosfiltfilt) {
    it(`${c.call}, ${c.n} samples`, () => {
      const x = minstdSignal(c.n);
      const sos = Float64Array.from(c.sos);
      const y = sosFiltFilt(sos, x);
      const atol = REL * peakAbs(c.y);
      expectAllClose(
        c.index.map((i) => y[i]),
        c.y,
        { atol },
        'sosFiltFilt',
      );
      const inPlace = sosFiltFiltInPlace(sos, x.slice());
      expect(firstDifference(inPlace, y), 'sosFiltFiltInPlace vs sosFiltFilt: first differing sample').toBe(-1);
    });
  }

  it(`the process chain: ${fixture.chain.calls.join(' → ')}, ${fixture.chain.n} samples`, () => {
    const c = fixture.chain;
    const y = conditionChannel(minstdSignal(c.n), c.fs_hz, {
      dc: true,
      filters: [{ type: 'bandpass', cutoffHz: [20, 450], order: 4 }],
      notch: { f0Hz: 50, q: 30, harmonics: 1 },
      rectify: true,
      envelope: { method: 'lowpass', cutoffHz: 6, order: 2 },
    });
    expectAllClose(
      c.index.map((i) => y[i]),
      c.y,
      { atol: REL * peakAbs(c.y) },
      'conditionChannel',
    );
  });
});
