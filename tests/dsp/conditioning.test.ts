import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { removeMean } from '../../src/dsp/remove-mean.js';
import { detrendLinear } from '../../src/dsp/detrend-linear.js';
import { rectify, rectifyInPlace } from '../../src/dsp/rectify.js';
import { movingRms } from '../../src/dsp/moving-rms.js';
import { teagerKaiser } from '../../src/dsp/teager-kaiser.js';
import { mvcReference } from '../../src/dsp/mvc-reference.js';
import { peakReference } from '../../src/dsp/peak-reference.js';
import { normalize } from '../../src/dsp/normalize.js';
import { lowpassEnvelope } from '../../src/dsp/lowpass-envelope.js';
import { expectAllClose, expectClose } from '../helpers/expect-all-close.js';
import { loadFixture, peakAbs } from './load-fixture.js';

interface ConditioningFixture {
  detrend: { x: number[]; constant: { call: string; y: number[] }; linear: { call: string; y: number[] } };
  detrendShort: { x: number[]; linear: number[]; constant: number[] };
  movingRms: { x: number[]; cases: { call: string; windowMs: number; fsHz: number; windowSamples: number; y: number[] }[] };
  teagerKaiser: { call: string; x: number[]; y: number[] };
  mvcReference: {
    call: string;
    fsHz: number;
    windowMs: number;
    envelopes: { source: string; samples: number[] }[];
    value: number;
    source: string;
    startIndex: number;
  };
}

const f = loadFixture<ConditioningFixture>('conditioning.json');

describe('DC removal and linear detrend against scipy.signal.detrend', () => {
  const x = Float64Array.from(f.detrend.x);
  // The signal sits on an offset of 50; residuals are ~1, so 1e-12 of the peak is ~1e-10 absolute.
  const atol = 1e-12 * peakAbs(f.detrend.x);
  it(f.detrend.constant.call, () => {
    expectAllClose(removeMean(x), f.detrend.constant.y, { atol });
  });
  it(f.detrend.linear.call, () => {
    expectAllClose(detrendLinear(x), f.detrend.linear.y, { atol });
    expect(Array.from(x)).toEqual(f.detrend.x);
  });
  it('on a 4-sample signal', () => {
    const s = Float64Array.from(f.detrendShort.x);
    expectAllClose(detrendLinear(s), f.detrendShort.linear, { atol: 1e-14 });
    expectAllClose(removeMean(s), f.detrendShort.constant, { atol: 1e-14 });
  });
  it('leaves nothing of a single sample and accepts an empty signal', () => {
    expect(Array.from(detrendLinear(Float64Array.from([7])))).toEqual([0]);
    expect(detrendLinear(new Float64Array(0)).length).toBe(0);
    expect(removeMean(new Float64Array(0)).length).toBe(0);
  });
});

describe('rectify', () => {
  it('is |x|; the copying form leaves x alone, the in-place form overwrites it', () => {
    const x = Float64Array.from([-2, 0, 3.5, -0.25]);
    expect(Array.from(rectify(x))).toEqual([2, 0, 3.5, 0.25]);
    expect(Array.from(x)).toEqual([-2, 0, 3.5, -0.25]);
    expect(rectifyInPlace(x)).toBe(x);
    expect(Array.from(x)).toEqual([2, 0, 3.5, 0.25]);
  });
});

describe('movingRms against a direct numpy computation', () => {
  const x = Float64Array.from(f.movingRms.x);
  for (const c of f.movingRms.cases) {
    it(`${c.windowMs} ms at ${c.fsHz} Hz: ${c.call}`, () => {
      expectAllClose(movingRms(x, { fsHz: c.fsHz, windowMs: c.windowMs }), c.y, { rtol: 1e-12 });
    });
  }
  it('does not drift after a large burst leaves the window', () => {
    const y = new Float64Array(10000).fill(1e-6);
    y.fill(1e6, 0, 100);
    const r = movingRms(y, { fsHz: 1000, windowMs: 10 });
    expectClose(r[9000], 1e-6, { rtol: 1e-12 });
  });
  it('rejects a window longer than the signal or under one sample', () => {
    expect(() => movingRms(x, { fsHz: 1000, windowMs: 900 })).toThrow(
      'moving RMS window 900 ms (900 samples) must not exceed the signal length 800 samples (800 ms)',
    );
    expect(() => movingRms(x, { fsHz: 1000, windowMs: 0.2 })).toThrow(ParameterError);
  });
});

describe('teagerKaiser against numpy', () => {
  it(f.teagerKaiser.call, () => {
    expectAllClose(teagerKaiser(Float64Array.from(f.teagerKaiser.x)), f.teagerKaiser.y, { rtol: 1e-15, atol: 1e-15 });
  });
  it('needs three samples', () => {
    expect(() => teagerKaiser(new Float64Array(2))).toThrow(/at least 3 samples, got 2 samples/);
  });
});

describe('mvcReference against a numpy sliding mean', () => {
  const m = f.mvcReference;
  const envelopes = m.envelopes.map((e) => ({ source: e.source, samples: Float64Array.from(e.samples) }));
  it(m.call, () => {
    const r = mvcReference(envelopes, { fsHz: m.fsHz, windowMs: m.windowMs });
    expectClose(r.value, m.value, { rtol: 1e-12 });
    expect(r.source).toBe(m.source);
    expect(r.startS).toBe(m.startIndex / m.fsHz);
    expect(r.windowMs).toBe(500);
    expect(r.windowSamples).toBe(500);
  });
  it('rejects a window longer than a recording, naming it', () => {
    expect(() => mvcReference(envelopes, { fsHz: m.fsHz, windowMs: 1000 })).toThrow(
      'MVC window 1000 ms (1000 samples) must not exceed the length of MVC recording "mvc3.csv", 900 samples (900 ms at 1000 Hz)',
    );
    expect(() => mvcReference([], { fsHz: 1000, windowMs: 500 })).toThrow(/at least 1 MVC recording/);
  });
});

describe('peakReference and normalize', () => {
  const envelopes = [
    { source: 'a.csv', samples: Float64Array.from([1, 4, 2]) },
    { source: 'b.csv', samples: Float64Array.from([3, 5, 5, 1]) },
  ];
  it('finds the first largest sample and where it is', () => {
    expect(peakReference(envelopes, { fsHz: 100 })).toEqual({ value: 5, source: 'b.csv', startS: 0.01, windowMs: 0, windowSamples: 1 });
  });
  it('expresses values in percent, keeps and counts values above 100 %', () => {
    const x = Float64Array.from([1, 2, 2.5, 3]);
    const r = normalize(x, { value: 2, source: 'mvc1.csv' });
    expect(Array.from(r.values)).toEqual([50, 100, 125, 150]);
    expect(r.aboveCount).toBe(2);
    expect(Array.from(x)).toEqual([1, 2, 2.5, 3]);
  });
  it('rejects a reference that is not a positive amplitude', () => {
    expect(() => normalize(new Float64Array(2), { value: 0, source: 'mvc1.csv' })).toThrow(
      'normalisation reference 0 (from "mvc1.csv") must be a finite amplitude above 0',
    );
  });
});

describe('lowpassEnvelope', () => {
  it('rejects a cutoff above Nyquist and a signal shorter than the padding', () => {
    const x = new Float64Array(100).fill(1);
    expect(() => lowpassEnvelope(x, { fsHz: 100, cutoffHz: 60, order: 2 })).toThrow(/corner 60 Hz must be below Nyquist 50 Hz/);
    expect(() => lowpassEnvelope(x.subarray(0, 9), { fsHz: 100, cutoffHz: 6, order: 2 })).toThrow(
      /signal of 9 samples must be longer than the default zero-phase filter pad length 9 samples/,
    );
  });
});
