import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { taskWindows } from '../../src/pipeline/activation-windows.js';
import { medianFrequencySlope } from '../../src/pipeline/activation-fatigue.js';
import { welchSamples, windowSpectrum } from '../../src/pipeline/activation-spectrum.js';

const events = [
  { onsetS: 2, durationS: 0.5, label: 'lift' },
  { onsetS: 0.5, durationS: 0, label: 'cue' },
  { onsetS: 1, durationS: 0.25, label: 'lift' },
  { onsetS: 9.8, durationS: 0.5, label: 'lift' },
];

describe('task windows', () => {
  it('event windows: onset + offsets, trials ranked by onset among the selected labels', () => {
    const { windows, skipped } = taskWindows({ kind: 'events', events, labels: ['lift'], offsetMs: [-100, 400] }, 1000, 10_000);
    expect(windows.map((w) => [w.trial, w.startSample, w.endSample, w.startS, w.endS])).toEqual([
      ['1', 900, 1400, 0.9, 1.4],
      ['2', 1900, 2400, 1.9, 2.4],
    ]);
    // The third lift runs past the end (10 s): skipped, not clipped.
    expect(skipped).toEqual([{ trial: '3', reason: 'event "lift" at 9.8 s: window 9.7–10.2 s lies outside the recording (0–10 s)' }]);
  });
  it('without offsets an event spans its own duration; an event without duration needs offsets', () => {
    const { windows } = taskWindows({ kind: 'events', events: events.slice(0, 1), labels: [], offsetMs: null }, 1000, 10_000);
    expect(windows.map((w) => [w.startSample, w.endSample])).toEqual([[2000, 2500]]);
    expect(() => taskWindows({ kind: 'events', events, labels: [], offsetMs: null }, 1000, 10_000)).toThrow(/event "cue" at 0.5 s has no duration; give --window-ms START,END/);
  });
  it('an absolute window converts with msToSamples and must lie inside the recording', () => {
    const { windows } = taskWindows({ kind: 'absolute', startS: 0.0004, endS: 0.0026 }, 1000, 100);
    expect(windows.map((w) => [w.startSample, w.endSample])).toEqual([[0, 3]]);
    expect(() => taskWindows({ kind: 'absolute', startS: 0, endS: 0.2 }, 1000, 100)).toThrow(ParameterError);
    expect(() => taskWindows({ kind: 'absolute', startS: 0.05, endS: 0.01 }, 1000, 100)).toThrow(/--window end 0.01 s must be after its start 0.05 s/);
  });
  it('the whole recording is one trial', () => {
    expect(taskWindows({ kind: 'whole' }, 500, 1000).windows).toEqual([{ trial: '1', startS: 0, endS: 2, startSample: 0, endSample: 1000 }]);
  });
});

describe('spectral settings', () => {
  it('segment and overlap in samples: msToSamples, then the floor of the overlap fraction', () => {
    expect(welchSamples(2000, { segmentMs: 250, overlapPct: 50 })).toEqual({ segmentLength: 500, overlap: 250 });
    expect(welchSamples(1000, { segmentMs: 125, overlapPct: 50 })).toEqual({ segmentLength: 125, overlap: 62 });
    expect(() => welchSamples(1000, { segmentMs: 100, overlapPct: 100 })).toThrow(/overlap 100 %/);
  });
  it('a pure 100 Hz tone has mean and median frequency near 100 Hz; a segment longer than the window is refused in ms', () => {
    const fs = 2000;
    const x = Float64Array.from({ length: 2000 }, (_, i) => Math.sin((2 * Math.PI * 100 * i) / fs));
    const s = windowSpectrum(x, fs, { segmentMs: 250, overlapPct: 50 });
    expect(s.nfft).toBe(512);
    expect(s.segmentCount).toBe(7);
    expect(Math.abs(s.meanFrequencyHz - 100)).toBeLessThan(2);
    expect(Math.abs(s.medianFrequencyHz - 100)).toBeLessThan(2);
    expect(() => windowSpectrum(x.subarray(0, 300), fs, { segmentMs: 250, overlapPct: 50 })).toThrow(
      'Welch segment 250 ms (500 samples) is longer than the 150 ms window (300 samples at 2000 Hz)',
    );
  });
  it('fatigue epochs: whole epochs only, centre times (first + last sample) / 2', () => {
    const fs = 1000;
    const x = Float64Array.from({ length: 1750 }, (_, i) => Math.sin(i * 0.7) + Math.sin(i * 1.3));
    const r = medianFrequencySlope(x, fs, { segmentMs: 100, overlapPct: 50, fatigueWindowMs: 500, confLevel: 0.95 });
    expect(r.epochSamples).toBe(500);
    expect(r.epochs.map((e) => [e.startS, e.centreS])).toEqual([
      [0, 0.2495],
      [0.5, 0.7495],
      [1, 1.2495],
    ]);
    expect(r.fit.ok).toBe(true);
  });
});
