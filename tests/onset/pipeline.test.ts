import { describe, expect, it } from 'vitest';
import { methodParams } from '../../src/commands/onset.js';
import { BANDPASS_HZ, BANDPASS_ORDER } from '../../src/dsp/defaults.js';
import { DISAGREE_MS, EDGE_MS, FEEDFORWARD_MS, KINEMATIC, NOISY_BASELINE_RATIO, ONSET_MARGIN_MS, QUIET_BASELINE } from '../../src/dsp/onset-defaults.js';
import { ONSET_METHODS } from '../../src/dsp/onset-detect.js';
import { onsetRecording, type OnsetRecordingOptions } from '../../src/pipeline/onset-recording.js';
import { onsetSummary } from '../../src/pipeline/onset-summary.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { syntheticRecording } from './synthetic-recording.js';

const FS = 1000;
const EVENTS_S = [1.5, 3.5, 5.5, 7.5, 9.5];
// REF starts 200 ms after each event; EARLY 30 ms before REF (feed-forward), LATE 100 ms after it.
// In trial 3 EARLY starts 50 ms after the event (150 ms before REF); in trial 4 its baseline is noisy.
// Bursts are 20 dB (LATE 15.6 dB) with a 25 ms rise; tolerances below allow the default detector's
// error on such rises (median 4 ms late, 95th percentile 13 ms at 20 dB; docs/onset.md) on both the
// muscle and the reference.
const rec = syntheticRecording(FS, 11000, {
  REF: EVENTS_S.map((e) => ({ startMs: e * 1000 + 200, lengthMs: 400, rms: 10 })),
  EARLY: {
    bursts: EVENTS_S.map((e, i) => (i === 2 ? { startMs: e * 1000 + 50, lengthMs: 400, rms: 10 } : { startMs: e * 1000 + 170, lengthMs: 400, rms: 10 })),
    noise: (t) => (t > 6900 && t < 7200 ? 4 : 1),
  },
  LATE: EVENTS_S.map((e) => ({ startMs: e * 1000 + 300, lengthMs: 300, rms: 6 })),
  QUIET: [],
});

function options(over: Partial<OnsetRecordingOptions> = {}): OnsetRecordingOptions {
  return {
    channels: ['EARLY', 'LATE', 'QUIET', 'REF'],
    methods: [methodParams('risefit', FS)],
    conditioning: { dc: true, filters: [{ type: 'bandpass', cutoffHz: [...BANDPASS_HZ] as [number, number], order: BANDPASS_ORDER }], notch: null, rectify: false, envelope: null },
    trials: { kind: 'events', events: EVENTS_S.map((onsetS) => ({ onsetS, label: 'cue' })) },
    reference: { channel: 'REF', kind: 'emg', kinematic: { fsHz: FS, marginMs: ONSET_MARGIN_MS, ...KINEMATIC } },
    baselineMs: [-500, 0],
    searchMs: [0, 1000],
    feedforwardMs: FEEDFORWARD_MS,
    disagreeMs: DISAGREE_MS,
    edgeMs: EDGE_MS,
    noisyBaselineRatio: NOISY_BASELINE_RATIO,
    subject: 'sub-T01',
    quietBaseline: QUIET_BASELINE,
    ...over,
  };
}

describe('onsetRecording with events and a reference channel', () => {
  const { records, trials } = onsetRecording(rec, 'rec.csv', options());
  const get = (ch: string, trial: number) => records.find((r) => r.channel === ch && r.trial === trial)!;

  it('makes one record per trial and channel, none dropped', () => {
    expect(trials.map((t) => t.zero)).toEqual([1500, 3500, 5500, 7500, 9500]);
    expect(records).toHaveLength(5 * 4);
  });
  it('measures latencies from the reference onset and classifies feed-forward', () => {
    // The synthetic bursts rise over 25 ms; the default places such rises up to about 10 ms late
    // (docs/onset.md), so latencies are checked to 15 ms.
    for (const t of [1, 2, 4, 5]) {
      expect(Math.abs(get('EARLY', t).latency_ms! + 30)).toBeLessThanOrEqual(15);
      expect(get('EARLY', t).feedforward).toBe(true);
      expect(Math.abs(get('LATE', t).latency_ms! - 100)).toBeLessThanOrEqual(15);
      expect(get('LATE', t).feedforward).toBe(false);
      expect(get('LATE', t).reference).toBe('REF');
    }
    // 150 ms before the reference lies outside the feed-forward window (−100 to +50 ms).
    expect(Math.abs(get('EARLY', 3).latency_ms! + 150)).toBeLessThanOrEqual(15);
    expect(get('EARLY', 3).feedforward).toBe(false);
  });
  it('gives the reference channel its onset from the event, without a feed-forward verdict', () => {
    for (const t of [1, 2, 3, 4, 5]) {
      const r = get('REF', t);
      expect(Math.abs(r.latency_ms! - 200)).toBeLessThanOrEqual(10);
      expect(r.reference).toBe('event');
      expect(r.feedforward).toBeNull();
      expectClose(r.onset_s! - r.event_s!, r.latency_ms! / 1000, { atol: 1e-12 });
      expect(r.event_s).toBe(EVENTS_S[t - 1]);
    }
  });
  it('flags a channel without a burst, and keeps it', () => {
    for (const t of [1, 2, 3, 4, 5]) {
      expect(get('QUIET', t)).toMatchObject({ onset_s: null, offset_s: null, latency_ms: null, feedforward: null, flags: 'no_onset' });
    }
  });
  it('flags a noisy baseline', () => {
    expect(get('EARLY', 4).flags).toBe('noisy_baseline');
    expect(get('EARLY', 4).onset_s).not.toBeNull();
    expect(get('EARLY', 1).flags).toBe('');
  });
  it('flags an onset at the edge of the search window (activity already under way when it opens)', () => {
    const late = onsetRecording(rec, 'rec.csv', options({ searchMs: [100, 1000] })).records;
    const r = late.find((q) => q.channel === 'EARLY' && q.trial === 3)!;
    expect(r.flags).toBe('onset_at_window_edge');
    expect(r.onset_s).toBe(5.6);
    expect(late.find((q) => q.channel === 'EARLY' && q.trial === 1)!.flags).toBe('');
  });
  it('summarises per channel: trials, detections, flags, latency statistics and % feed-forward', () => {
    const s = onsetSummary(records);
    const early = s.find((r) => r.channel === 'EARLY')!;
    expect(early).toMatchObject({ n_trials: 5, n_detected: 5, n_flagged: 1, n_latency: 5, n_feedforward: 4, feedforward_pct: 80, reference: 'REF' });
    const quiet = s.find((r) => r.channel === 'QUIET')!;
    expect(quiet).toMatchObject({ n_trials: 5, n_detected: 0, n_flagged: 5, n_latency: 0, latency_mean_ms: null, latency_sd_ms: null, feedforward_pct: null });
    const late = s.find((r) => r.channel === 'LATE')!;
    expect(late.feedforward_pct).toBe(0);
    const lat = records.filter((r) => r.channel === 'LATE').map((r) => r.latency_ms!);
    const mean = lat.reduce((a, b) => a + b, 0) / lat.length;
    expectClose(late.latency_mean_ms!, mean, { rtol: 1e-12 });
    expectClose(late.latency_sd_ms!, Math.sqrt(lat.reduce((a, b) => a + (b - mean) ** 2, 0) / (lat.length - 1)), { rtol: 1e-12 });
  });
});

describe('onsetRecording: other trial sources and --method all', () => {
  it('flags trials whose windows leave the recording instead of dropping them', () => {
    const { records, warnings } = onsetRecording(rec, 'rec.csv', options({ trials: { kind: 'events', events: [...EVENTS_S, 10.6].map((onsetS) => ({ onsetS, label: 'cue' })) } }));
    const last = records.filter((r) => r.trial === 6);
    expect(last).toHaveLength(4);
    for (const r of last) expect(r).toMatchObject({ onset_s: null, flags: 'window_outside_recording' });
    expect(warnings).toEqual(['rec.csv: 1 of 6 trials have windows outside the recording; they are flagged window_outside_recording']);
  });
  it('with every detector, adds a consensus record with the spread and flags disagreement', () => {
    const { records } = onsetRecording(rec, 'rec.csv', options({ methods: ONSET_METHODS.map((m) => methodParams(m, FS)), channels: ['LATE', 'QUIET'] }));
    expect(records).toHaveLength(5 * 2 * (ONSET_METHODS.length + 1));
    const c = records.filter((r) => r.channel === 'LATE' && r.method === 'consensus');
    for (const r of c) {
      const found = records.filter((q) => q.channel === 'LATE' && q.trial === r.trial && q.method !== 'consensus').map((q) => q.onset_s!).sort((a, b) => a - b);
      expectClose(r.onset_s!, (found[1] + found[2]) / 2, { atol: 1e-12 });
      expectClose(r.spread_ms!, (found[3] - found[0]) * 1000, { atol: 1e-9 });
      expect(r.flags.includes('methods_disagree')).toBe(r.spread_ms! > DISAGREE_MS);
    }
    for (const r of records.filter((q) => q.channel === 'QUIET' && q.method === 'consensus')) expect(r.flags).toBe('no_onset');
  });
  it('takes the trials from a trigger channel', () => {
    const trig = syntheticRecording(FS, 11000, { MUS: EVENTS_S.map((e) => ({ startMs: e * 1000 + 150, lengthMs: 300, rms: 8 })) });
    const pulses = new Float64Array(11000);
    for (const e of EVENTS_S) pulses.fill(5, e * 1000, e * 1000 + 50);
    trig.channels.push({ name: 'TRIG', unit: 'V', samples: pulses });
    const { records, trials } = onsetRecording(trig, 't.csv', options({ channels: ['MUS'], reference: null, trials: { kind: 'trigger', channel: 'TRIG', params: { level: 2.5, hysteresis: 0.5, edge: 'rising' } } }));
    expect(trials.map((t) => t.zero)).toEqual(EVENTS_S.map((e) => e * 1000));
    for (const r of records) {
      expect(r.reference).toBe('trigger');
      expect(Math.abs(r.latency_ms! - 150)).toBeLessThanOrEqual(15);
      expect(r.feedforward).toBeNull();
    }
  });
  it('takes the trials from the onsets of the reference channel', () => {
    const { records, trials } = onsetRecording(rec, 'rec.csv', options({ channels: ['LATE'], trials: { kind: 'reference' }, baselineMs: [-700, -200], searchMs: [-200, 800] }));
    expect(trials).toHaveLength(5);
    trials.forEach((t, i) => expect(Math.abs(t.zero - (EVENTS_S[i] * 1000 + 200))).toBeLessThanOrEqual(10));
    for (const r of records) expect(Math.abs(r.latency_ms! - 100)).toBeLessThanOrEqual(15);
  });
  it('scans a whole recording for bursts when there are no trials', () => {
    const { records } = onsetRecording(rec, 'rec.csv', options({ channels: ['REF', 'QUIET'], trials: { kind: 'continuous' }, reference: null }));
    const ref = records.filter((r) => r.channel === 'REF');
    expect(ref.map((r) => r.burst)).toEqual([1, 2, 3, 4, 5]);
    ref.forEach((r, i) => expect(Math.abs(r.onset_s! - (EVENTS_S[i] + 0.2))).toBeLessThanOrEqual(0.01));
    expect(records.filter((r) => r.channel === 'QUIET')).toMatchObject([{ burst: 0, trial: null, flags: 'no_onset' }]);
  });
});
