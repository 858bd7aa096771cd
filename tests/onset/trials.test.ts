import { describe, expect, it } from 'vitest';
import { onsetBaselineQuality } from '../../src/dsp/onset-baseline-quality.js';
import { KINEMATIC, ONSET_MARGIN_MS } from '../../src/dsp/onset-defaults.js';
import { kinematicOnsets } from '../../src/dsp/onset-kinematic.js';
import { quietWindows } from '../../src/dsp/onset-quiet-windows.js';
import { triggerCrossings } from '../../src/dsp/onset-trigger-crossings.js';
import { autoTriggerLevel } from '../../src/pipeline/onset-trigger-level.js';
import { expectClose } from '../helpers/expect-all-close.js';

describe('triggerCrossings (Schmitt trigger)', () => {
  const x = Float64Array.from([0, 0.4, 1.2, 0.9, 1.3, 0.2, 0.6, 1.1, 0.95, 0.1, 2, 2, 0]);
  it('finds rising crossings of the level, re-armed only below level − hysteresis', () => {
    // With hysteresis 0.5: 1.2 at 2 counts; 1.3 at 4 does not (the signal stayed above 0.5 since);
    // 0.2 at 5 re-arms, so 1.1 at 7 counts; 0.1 at 9 re-arms, so 2 at 10 counts.
    expect(triggerCrossings(x, { level: 1, hysteresis: 0.5, edge: 'rising' })).toEqual([2, 7, 10]);
    expect(triggerCrossings(x, { level: 1, hysteresis: 0, edge: 'rising' })).toEqual([2, 4, 7, 10]);
  });
  it('mirrors for falling edges and does not count a signal that starts beyond the level', () => {
    expect(triggerCrossings(x, { level: 0.5, hysteresis: 0.3, edge: 'falling' })).toEqual([5, 9, 12]);
    expect(triggerCrossings(Float64Array.from([5, 5, 0, 5]), { level: 1, hysteresis: 0.5, edge: 'rising' })).toEqual([3]);
  });
  it('rejects a negative hysteresis', () => {
    expect(() => triggerCrossings(x, { level: 1, hysteresis: -1, edge: 'rising' })).toThrow('trigger hysteresis -1 must be zero or more');
  });
});

describe('autoTriggerLevel', () => {
  it('takes the level midway between the 1st and 99th percentiles (R quantile type 7) and 10 % hysteresis', () => {
    // 0 … 100: quantile(0:100, c(0.01, 0.99)) in R is 1 and 99.
    const a = autoTriggerLevel(Float64Array.from({ length: 101 }, (_, i) => 100 - i));
    expect(a.lowPercentile).toBe(1);
    expect(a.highPercentile).toBe(99);
    expect(a.level).toBe(50);
    expectClose(a.hysteresis, 9.8, { rtol: 1e-14 });
  });
});

describe('kinematicOnsets (movement onset from a position signal)', () => {
  it('finds where a ramp leaves the resting level by 5 % of its excursion', () => {
    // 1 kHz: rest at 70 deg, then a linear ramp down to 20 deg from sample 1500 to 2000, then held.
    const x = new Float64Array(3000);
    for (let i = 0; i < x.length; i++) x[i] = i < 1500 ? 70 : i < 2000 ? 70 - (50 * (i - 1500)) / 500 : 20;
    const d = kinematicOnsets(x, { baselineStart: 500, baselineEnd: 1200, searchStart: 1200, searchEnd: 2500, offsetEnd: 3000 }, { fsHz: 1000, marginMs: ONSET_MARGIN_MS, ...KINEMATIC });
    // 5 % of 50 deg = 2.5 deg, reached 25 samples into the ramp; the 10 Hz low-pass blurs that by a few samples.
    expect(d.onsets).toHaveLength(1);
    expect(Math.abs(d.onsets[0] - 1525)).toBeLessThanOrEqual(5);
    expect(d.offsets).toEqual([]);
    expect(Math.abs(d.threshold - 2.5)).toBeLessThan(0.05);
  });
});

describe('quietWindows', () => {
  // Six 100-sample blocks with RMS 3, 1, 2, 4, 1.5, 5: windows of 100 samples stepping by 100.
  const x = Float64Array.from({ length: 600 }, (_, i) => [3, 1, 2, 4, 1.5, 5][Math.floor(i / 100)] * (i % 2 ? 1 : -1));
  it('pools the quietest non-overlapping windows up to the asked quantile of power', () => {
    // Powers rank 1, 1.5, 2, 3, 4, 5: the 0.4 quantile (type 1 on 6 windows: the 3rd) is 2's power.
    expect(quietWindows(x, 100, 100, 0.4)).toEqual([[100, 200], [400, 500], [200, 300]]);
    expect(quietWindows(x, 100, 100, 0)).toEqual([[100, 200]]);
  });
  it('never takes overlapping windows', () => {
    const w = quietWindows(x, 100, 10, 1);
    for (let i = 0; i < w.length; i++) for (let j = i + 1; j < w.length; j++) expect(w[i][1] <= w[j][0] || w[j][1] <= w[i][0]).toBe(true);
    expect(w[0]).toEqual([100, 200]);
  });
  it('rejects a window longer than the signal', () => {
    expect(() => quietWindows(x, 700, 10, 0)).toThrow('baseline window of 700 samples must be at least 2 samples and fit in the recording (600 samples)');
  });
});

describe('onsetBaselineQuality', () => {
  it('gives the RMS and the ratio of the loudest to the quietest quarter', () => {
    const x = Float64Array.from({ length: 400 }, (_, i) => (i < 300 ? 1 : 3) * (i % 2 ? 1 : -1));
    const q = onsetBaselineQuality(x, 0, 400);
    expect(q.quarterRatio).toBe(3);
    // Mean square (300·1 + 100·9) / 400 = 3 about a mean of 0.
    expectClose(q.rms, Math.sqrt(3), { rtol: 1e-14 });
    expect(onsetBaselineQuality(new Float64Array(8), 0, 8)).toEqual({ rms: 0, quarterRatio: 1 });
  });
});
