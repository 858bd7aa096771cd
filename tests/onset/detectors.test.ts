import { describe, expect, it } from 'vitest';
import { bonatoDesign } from '../../src/dsp/onset-bonato.js';
import { BONATO, HODGES_BUI, ONSET_MARGIN_MS, RISE_FIT, TKEO } from '../../src/dsp/onset-defaults.js';
import { detectOnsets, type OnsetMethod, type OnsetMethodParams } from '../../src/dsp/onset-detect.js';
import { thresholdRuns } from '../../src/dsp/onset-threshold-runs.js';
import { msToSamples } from '../../src/dsp/ms-to-samples.js';
import { onsetBaselineStats } from '../../src/dsp/onset-baseline-stats.js';
import { excessPowerTest, fitLines, linesResidual, mainsLines, reverseLines, subtractLines } from '../../src/dsp/onset-power-test.js';
import { conditionChannelOneWay, type ConditionParams } from '../../src/pipeline/condition-channel.js';
import { expectAllClose, expectClose } from '../helpers/expect-all-close.js';
import { loadDetectorsFixture } from './load-onset-fixture.js';

const fixture = loadDetectorsFixture();

function params(method: OnsetMethod, fsHz: number): OnsetMethodParams {
  const marginMs = ONSET_MARGIN_MS;
  if (method === 'hodges-bui') return { method, fsHz, marginMs, ...HODGES_BUI };
  if (method === 'tkeo') return { method, fsHz, marginMs, ...TKEO };
  if (method === 'bonato') return { method, fsHz, marginMs, ...BONATO };
  return { method, fsHz, marginMs, ...RISE_FIT };
}

describe('detectors against the NumPy/SciPy reference (scripts/fixtures/onset.py)', () => {
  it('uses the same margin as the fixture', () => {
    expect(fixture.marginMs).toBe(ONSET_MARGIN_MS);
  });
  for (const c of fixture.cases) {
    for (const method of ['hodges-bui', 'tkeo', 'bonato', 'risefit'] as const) {
      it(`${method}: ${c.name}`, () => {
        const x = Float64Array.from(c.x);
        const copy = x.slice();
        const d = detectOnsets(x, c.windows, params(method, c.fsHz), { forward: Float64Array.from(c.forward), backward: Float64Array.from(c.backward) });
        const e = c.expected[method];
        // Sample indices are exact; the statistics come from the same filters (SciPy-matched to ~1e-12).
        expect(d.onsets).toEqual(e.onsets);
        expect(d.offsets).toEqual(e.offsets);
        expectClose(d.baselineMean, e.baselineMean, { rtol: 1e-9 }, 'baseline mean');
        expectClose(d.baselineSd, e.baselineSd, { rtol: 1e-9 }, 'baseline SD');
        expectClose(d.threshold, e.threshold, { rtol: 1e-9 }, 'threshold');
        expect(x).toEqual(copy);
      });
    }
  }
  it('runs the conditioning chain once each way as SciPy sosfilt from sosfilt_zi (risefit fit inputs)', () => {
    const chain: ConditionParams = { dc: true, filters: [{ type: 'bandpass', cutoffHz: [20, 450], order: 4 }], notch: null, rectify: false, envelope: null };
    for (const c of fixture.cases) {
      const raw = Float64Array.from(c.raw);
      expectAllClose(conditionChannelOneWay(raw, c.fsHz, chain, 'forward'), c.forward, { rtol: 1e-9, atol: 1e-12 });
      expectAllClose(conditionChannelOneWay(raw, c.fsHz, chain, 'backward'), c.backward, { rtol: 1e-9, atol: 1e-12 });
      expect(raw).toEqual(Float64Array.from(c.raw));
    }
  });
  it("tests each risefit detection's power against the baseline as the reference does (lines fitted out, scipy.stats.f.sf)", () => {
    let stretches = 0;
    for (const c of fixture.cases) {
      const x = Float64Array.from(c.x);
      const e = c.expected.risefit;
      const mean = onsetBaselineStats(x, c.windows).mean;
      expect(mainsLines(x, c.windows.baselineStart, c.windows.baselineEnd, mean, c.fsHz)).toEqual(e.mainsLines);
      const test = excessPowerTest(x, c.windows, mean, e.mainsLines!, c.fsHz, msToSamples(RISE_FIT.acfMaxLagMs, c.fsHz));
      for (const t of e.confirm!) {
        const p = test(t.start, t.end);
        expect(p).not.toBeNull();
        expectClose(p!, t.p!, { rtol: 1e-6 }, `p of ${c.name}, ${t.start}–${t.end}`);
        stretches++;
      }
    }
    expect(stretches).toBeGreaterThanOrEqual(6);
  });
  it('the coloured-noise case: the envelope rule fires and the test turns the detection away', () => {
    const c = fixture.cases.find((k) => k.name.startsWith('coloured noise'))!;
    const e = c.expected.risefit;
    expect(e.confirm!.length).toBeGreaterThan(0);
    expect(e.confirm!.every((t) => t.p! >= RISE_FIT.confirmAlpha)).toBe(true);
    expect(e.onsets).toEqual([]);
  });
  it('the hum case: a weak burst under a 60 Hz hum is kept only because the hum is fitted out first', () => {
    const c = fixture.cases.find((k) => k.name.includes('60 Hz hum'))!;
    const e = c.expected.risefit;
    expect(e.mainsLines).toEqual([60, 120, 180]);
    expect(e.confirm!.map((t) => [t.p! < RISE_FIT.confirmAlpha, t.pWithoutLineRemoval >= RISE_FIT.confirmAlpha])).toEqual([[true, true]]);
    expect(e.onsets).toHaveLength(1);
    expect(Math.abs(e.onsets[0] - c.trueOnsets[0])).toBeLessThanOrEqual(30);
  });
  it('finds every simulated burst within 25 ms with every detector (sanity of the fixture itself)', () => {
    // The coloured-noise and hum cases are there for risefit's confirmation (tested above).
    for (const c of fixture.cases.filter((k) => !k.name.startsWith('coloured noise') && !k.name.includes('60 Hz hum'))) {
      for (const e of Object.values(c.expected)) {
        expect(e.onsets.length).toBe(c.trueOnsets.length);
        e.onsets.forEach((o, k) => expect(Math.abs(o - c.trueOnsets[k]) * (1000 / c.fsHz)).toBeLessThanOrEqual(25));
      }
    }
  });
});

describe('bonatoDesign', () => {
  it('solves P(Binomial(m, p) ≥ r0) = Pfa as scipy.stats.binom.sf does', () => {
    for (const c of fixture.cases) {
      const e = c.expected.bonato;
      const d = bonatoDesign({ fsHz: c.fsHz, ...BONATO });
      expect(d.windowSamples).toBe(e.windowSamples);
      expect(d.minAbove).toBe(e.minAbove);
      expectAllClose([d.sampleProbability, d.zeta], [e.sampleProbability!, e.zeta!], { rtol: 1e-12 });
    }
  });
  it('gives ζ = −2 ln(1 − (1 − Pfa)^(1/m)) for r0 = 1 (closed form)', () => {
    // r0 = 1: P(at least one of m) = 1 − (1 − p)^m = Pfa.
    const d = bonatoDesign({ fsHz: 500, falseAlarmProbability: 0.05, windowMs: 10, minAboveMs: 2 });
    expect(d.windowSamples).toBe(5);
    expect(d.minAbove).toBe(1);
    expectClose(d.sampleProbability, 1 - 0.95 ** (1 / 5), { rtol: 1e-13 });
  });
  it('rejects a false-alarm probability outside (0, 1) and r0 longer than the window', () => {
    expect(() => bonatoDesign({ fsHz: 1000, falseAlarmProbability: 1, windowMs: 10, minAboveMs: 2 })).toThrow(/false-alarm probability 1 must lie between 0 and 1/);
    expect(() => bonatoDesign({ fsHz: 1000, falseAlarmProbability: 0.05, windowMs: 10, minAboveMs: 20 })).toThrow(/r0 20 ms must not exceed the window 10 ms/);
  });
});

describe('thresholdRuns', () => {
  const y = Float64Array.from([0, 0, 2, 2, 0, 2, 2, 2, 0, 0, 0, 2, 2, 2, 2, 0, 0]);
  it('takes the first sample of a long enough run above threshold, and the first of a long enough run below', () => {
    // The run at 2–3 is too short (2 < 3); the run at 5–7 is the burst; below from 8 for ≥ 2 samples.
    expect(thresholdRuns(y, 1, 0, 17, 17, 3, 2)).toEqual({ onsets: [5, 11], offsets: [8, 15] });
  });
  it('counts a run under way at the start of the search window as an onset there', () => {
    expect(thresholdRuns(y, 1, 6, 17, 17, 2, 2)).toEqual({ onsets: [6, 11], offsets: [8, 15] });
  });
  it('starts no burst at or after the end of the search window, but finds offsets beyond it', () => {
    expect(thresholdRuns(y, 1, 0, 11, 17, 3, 2)).toEqual({ onsets: [5], offsets: [8] });
    expect(thresholdRuns(y, 1, 0, 12, 17, 3, 2)).toEqual({ onsets: [5, 11], offsets: [8, 15] });
  });
  it('leaves the last burst without an offset when the signal has not fallen back by offsetEnd', () => {
    expect(thresholdRuns(y, 1, 0, 17, 16, 3, 2)).toEqual({ onsets: [5, 11], offsets: [8] });
  });
  it('does not count a run cut short by offsetEnd', () => {
    expect(thresholdRuns(y, 1, 0, 17, 13, 3, 2)).toEqual({ onsets: [5], offsets: [8] });
  });
  it('treats a value equal to the threshold as below it', () => {
    expect(thresholdRuns(Float64Array.from([1, 1, 1, 1]), 1, 0, 4, 4, 1, 1)).toEqual({ onsets: [], offsets: [] });
  });
});

describe('parameter errors', () => {
  const x = new Float64Array(1000);
  const w = { baselineStart: 0, baselineEnd: 100, searchStart: 100, searchEnd: 900, offsetEnd: 1000 };
  it('rejects windows outside the signal, an empty search window and a baseline shorter than two samples', () => {
    const p = params('hodges-bui', 1000);
    expect(() => detectOnsets(x, { ...w, offsetEnd: 1001 }, p)).toThrow('onset window offsetEnd 1001 lies outside the signal (0 … 1000 samples)');
    expect(() => detectOnsets(x, { ...w, searchEnd: 100 }, p)).toThrow('search window of 0 samples is empty');
    expect(() => detectOnsets(x, { ...w, baselineEnd: 1 }, p)).toThrow('baseline window of 1 samples is too short (needs at least 2 samples)');
    expect(() => detectOnsets(x, { ...w, baselineStart: 0.5 }, p)).toThrow('onset window baselineStart 0.5 is not a whole sample index');
  });
  it('rejects a negative SD multiple and an envelope corner above Nyquist', () => {
    expect(() => detectOnsets(x, w, { ...params('tkeo', 1000), thresholdSd: -1 } as OnsetMethodParams)).toThrow('threshold -1 SD must be zero or more');
    expect(() => detectOnsets(x, w, { ...params('risefit', 1000), confirmAlpha: 0 } as OnsetMethodParams)).toThrow('confirmation level 0 must be above 0 and at most 1');
    expect(() => detectOnsets(x, w, { ...params('hodges-bui', 1000), envelopeCutoffHz: 600 } as OnsetMethodParams)).toThrow(/Nyquist/);
  });
});

describe('linesResidual and mainsLines', () => {
  it('fit a hum of any phase out exactly and leave a signal off the lines, less its projection', () => {
    const fs = 1000;
    const n = 300;
    const hum = Float64Array.from({ length: n }, (_, i) => 3 * Math.sin((2 * Math.PI * 60 * i) / fs + 1.1) + 0.5 * Math.cos((2 * Math.PI * 120 * i) / fs - 0.3));
    expect(mainsLines(hum, 0, n, 0, fs)).toEqual([60, 120, 180]);
    const r = linesResidual(hum, 0, n, 0, [60, 120, 180], fs);
    expect(r.dof).toBe(n - 6);
    expect(Math.max(...r.residual.map(Math.abs))).toBeLessThan(1e-9);
    // 50 Hz at 500 Hz sampling: harmonics at and above 0.45 fs (225 Hz) are left out.
    const hum50 = (rate: number) => Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 50 * i) / rate));
    expect(mainsLines(hum50(500), 0, n, 0, 500)).toEqual([50, 100, 150]);
    expect(mainsLines(hum50(250), 0, n, 0, 250)).toEqual([50, 100]);
    // A 37 Hz tone is nearly orthogonal to the lines over 300 ms: almost all of it is left.
    const tone = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 37 * i) / fs));
    const left = linesResidual(tone, 0, n, 0, [60, 120, 180], fs).residual.reduce((a, v) => a + v * v, 0) / tone.reduce((a, v) => a + v * v, 0);
    expect(left).toBeGreaterThan(0.95);
    expect(tone).toEqual(Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 37 * i) / fs)));
  });
  it('fitLines on one stretch and subtractLines elsewhere remove a steady hum from a stretch it was not fitted on', () => {
    const fs = 2000;
    const hum = Float64Array.from({ length: 3000 }, (_, i) => 2 + 3 * Math.sin((2 * Math.PI * 50 * i) / fs + 0.4) + 0.9 * Math.cos((2 * Math.PI * 150 * i) / fs + 2.2));
    const fit = fitLines(hum, 1000, 2000, 2, [50, 100, 150], fs);
    expect(fit).not.toBeNull();
    expect(fit!.origin).toBe(1000);
    // A copy of samples 2400 … 2999 less the mean: z[i] is sample i + 2400.
    const z = Float64Array.from(hum.subarray(2400), (v) => v - 2);
    subtractLines(z, fit!, fs, 2400, 0, z.length);
    expect(Math.max(...z.map(Math.abs))).toBeLessThan(1e-9);
    // Only [from, to) changes.
    const part = Float64Array.from(hum.subarray(0, 100), (v) => v - 2);
    const before = Float64Array.from(part);
    subtractLines(part, fit!, fs, 0, 50, 100);
    expect(part.subarray(0, 50)).toEqual(before.subarray(0, 50));
    expect(Math.max(...part.subarray(50).map(Math.abs))).toBeLessThan(1e-9);
    expect(fitLines(hum, 0, 6, 2, [50, 100, 150], fs)).toBeNull();
    expect(fitLines(hum, 0, 100, 2, [], fs)).toBeNull();
    // The same fit seen in reversed time (reverseLines) removes the hum from the time-reversed signal.
    const end = 2800;
    const rev = Float64Array.from({ length: end }, (_, j) => hum[end - 1 - j] - 2);
    subtractLines(rev, reverseLines(fit!, end), fs, 0, 0, rev.length);
    expect(Math.max(...rev.map(Math.abs))).toBeLessThan(1e-9);
    // linesResidual reports the fit it removed, the same as fitLines'.
    expect(linesResidual(hum, 1000, 2000, 2, [50, 100, 150], fs).fit!.beta).toEqual(fit!.beta);
  });
});
