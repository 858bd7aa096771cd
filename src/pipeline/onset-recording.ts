import { ParameterError } from '../errors.js';
import { msToSamples } from '../dsp/ms-to-samples.js';
import { onsetBaselineQuality } from '../dsp/onset-baseline-quality.js';
import { onsetConsensus } from '../dsp/onset-consensus.js';
import { detectOnsets, type OnsetMethod, type OnsetMethodParams } from '../dsp/onset-detect.js';
import type { OneWaySignals } from '../dsp/onset-rise-fit.js';
import { kinematicOnsets, type KinematicParams } from '../dsp/onset-kinematic.js';
import { quietWindows } from '../dsp/onset-quiet-windows.js';
import { triggerCrossings, type TriggerParams } from '../dsp/onset-trigger-crossings.js';
import type { OnsetDetection, OnsetWindows } from '../dsp/onset-types.js';
import type { Channel, Recording } from '../model/recording.js';
import { conditionChannel, conditionChannelOneWay, type ConditionParams } from './condition-channel.js';

/** Where a recording's trials come from. Event times are in seconds on the recording's clock. */
export type OnsetTrialSource =
  | { kind: 'events'; events: { onsetS: number; label: string }[] }
  | { kind: 'trigger'; channel: string; params: TriggerParams }
  | { kind: 'reference' }
  | { kind: 'continuous' };

/** The channel whose onset each latency is measured from. */
export interface OnsetReference {
  channel: string;
  /** `emg`: detected with the same method and parameters as the muscles; `kinematic`: movement onset. */
  kind: 'emg' | 'kinematic';
  kinematic: KinematicParams;
}

/** Everything {@link onsetRecording} needs; commands resolve the defaults (`onset-defaults.ts`). */
export interface OnsetRecordingOptions {
  /** Channels to detect onsets in (the reference may be among them). */
  channels: string[];
  /** One detector, or several for a consensus (`--method all`). */
  methods: OnsetMethodParams[];
  /** Conditioning before detection: DC removal and band-pass (no rectification or envelope). */
  conditioning: ConditionParams;
  trials: OnsetTrialSource;
  reference: OnsetReference | null;
  /** Windows relative to each trial's time zero, ms. */
  baselineMs: readonly [number, number];
  searchMs: readonly [number, number];
  feedforwardMs: readonly [number, number];
  disagreeMs: number;
  edgeMs: number;
  noisyBaselineRatio: number;
  subject: string | null;
  /** Baseline of a scan without trials: window length and step (ms) and power quantile (QUIET_BASELINE). */
  quietBaseline: { lengthMs: number; stepMs: number; quantile: number };
}

/** One trial × channel × method (the tidy output record). */
export interface OnsetRecord {
  subject: string | null;
  file: string;
  /** Trial number from 1; null when a whole recording was scanned without trials. */
  trial: number | null;
  /** Burst number within the trial's search window (always 1 with trials). */
  burst: number;
  /** The trial's time zero (event, trigger crossing or reference onset), s; null without trials. */
  event_s: number | null;
  channel: string;
  /** Detector, or `consensus` (median of the detectors with `--method all`). */
  method: string;
  onset_s: number | null;
  offset_s: number | null;
  /** Onset − reference onset (or − the trial's time zero when there is no reference channel), ms. */
  latency_ms: number | null;
  /** What the latency is measured from: a channel name, `event`, `trigger`, or null. */
  reference: string | null;
  /** Latency inside the feed-forward window; null for the reference itself or without a latency. */
  feedforward: boolean | null;
  baseline_mean: number | null;
  baseline_sd: number | null;
  /** Unit of the baseline statistics (the detector's detection signal). */
  baseline_unit: string;
  /** With `--method all`, on consensus records: latest − earliest onset of the detectors, ms. */
  spread_ms: number | null;
  /** `;`-separated: no_onset, onset_at_window_edge, noisy_baseline, window_outside_recording, no_reference_onset, methods_disagree. */
  flags: string;
}

/** A trial: its number and time zero (sample index). */
export interface OnsetTrial {
  trial: number;
  zero: number;
  label: string;
}

export interface OnsetRecordingResult {
  records: OnsetRecord[];
  trials: OnsetTrial[];
  warnings: string[];
}

interface TrialDetection {
  onset: number | null;
  offset: number | null;
  detection: OnsetDetection | null;
  edge: boolean;
}

const METHOD_UNIT_SQUARED: ReadonlySet<OnsetMethod> = new Set<OnsetMethod>(['tkeo']);

function channelByName(rec: Recording, name: string): Channel {
  const ch = rec.channels.find((c) => c.name === name);
  if (!ch) throw new ParameterError(`channel "${name}" is not in the recording (channels: ${rec.channels.map((c) => c.name).join(', ')})`);
  return ch;
}

/** First onset in the window and the offset that closes it. */
function firstBurst(d: OnsetDetection, w: OnsetWindows, edgeSamples: number): TrialDetection {
  if (d.onsets.length === 0) return { onset: null, offset: null, detection: d, edge: false };
  const onset = d.onsets[0];
  const edge = onset - w.searchStart < edgeSamples || w.searchEnd - 1 - onset < edgeSamples;
  return { onset, offset: d.offsets.length > 0 ? d.offsets[0] : null, detection: d, edge };
}

/**
 * Muscle onsets, offsets and latencies for one recording (the `onset` command's core): conditions
 * each channel, cuts trials, runs each detector on each trial and channel, and measures latencies
 * from the reference. Records are never dropped: a trial without an onset, with an onset at the
 * window edge, with a noisy baseline or with windows outside the recording is kept and flagged.
 */
export function onsetRecording(rec: Recording, file: string, opts: OnsetRecordingOptions): OnsetRecordingResult {
  const fs = rec.fsHz;
  const n = rec.channels.length > 0 ? rec.channels[0].samples.length : 0;
  const warnings: string[] = [];
  const ms = (v: number): number => msToSamples(v, fs);
  const timeOf = (i: number): number => rec.startS + i / fs;
  const edgeSamples = Math.max(1, ms(opts.edgeMs));
  const [b0, b1] = opts.baselineMs;
  const [s0, s1] = opts.searchMs;
  const conditioned = new Map<string, Float64Array>();
  const condition = (name: string): Float64Array => {
    let y = conditioned.get(name);
    if (!y) {
      y = conditionChannel(channelByName(rec, name).samples, fs, opts.conditioning);
      conditioned.set(name, y);
    }
    return y;
  };
  // The chain run once each way, for risefit's onset and offset fits (conditionChannelOneWay).
  const oneWay = new Map<string, OneWaySignals>();
  const oneWayOf = (name: string, m: OnsetMethodParams): OneWaySignals | undefined => {
    if (m.method !== 'risefit') return undefined;
    let y = oneWay.get(name);
    if (!y) {
      const raw = channelByName(rec, name).samples;
      y = { forward: conditionChannelOneWay(raw, fs, opts.conditioning, 'forward'), backward: conditionChannelOneWay(raw, fs, opts.conditioning, 'backward') };
      oneWay.set(name, y);
    }
    return y;
  };
  const primary = opts.methods[0];
  // Windows of a scan without trials: pooled quiet windows as the baseline, the whole recording searched.
  const quietBaselineWindows = (quiet: Float64Array, length: number): OnsetWindows => {
    const { lengthMs, stepMs, quantile } = opts.quietBaseline;
    const [[start, end], ...extra] = quietWindows(quiet, ms(lengthMs), ms(stepMs), quantile);
    return { baselineStart: start, baselineEnd: end, extraBaseline: extra, searchStart: 0, searchEnd: length, offsetEnd: length };
  };
  // A trial's first burst per channel and detector, found once: the reference channel is usually
  // also one of the analysed channels.
  const trialDetections = new Map<string, TrialDetection>();
  const detectTrial = (ch: string, trialIndex: number, w: OnsetWindows, m: OnsetMethodParams): TrialDetection => {
    const key = `${ch}\u0000${trialIndex}\u0000${m.method}`;
    let r = trialDetections.get(key);
    if (!r) {
      r = firstBurst(detectOnsets(condition(ch), w, m, oneWayOf(ch, m)), w, edgeSamples);
      trialDetections.set(key, r);
    }
    return r;
  };
  const unitOf = (ch: string, m: OnsetMethod): string => {
    const u = channelByName(rec, ch).unit;
    return METHOD_UNIT_SQUARED.has(m) ? (u ? `${u}^2` : '') : u;
  };

  // Continuous scan: every burst of every channel; the baseline is a quiet window (QUIET_BASELINE).
  if (opts.trials.kind === 'continuous') {
    const records: OnsetRecord[] = [];
    for (const ch of opts.channels) {
      const x = condition(ch);
      const w = quietBaselineWindows(x, n);
      for (const m of opts.methods) {
        const d = detectOnsets(x, w, m, oneWayOf(ch, m));
        d.onsets.forEach((on, k) => {
          records.push({
            subject: opts.subject, file, trial: null, burst: k + 1, event_s: null, channel: ch, method: m.method,
            onset_s: timeOf(on), offset_s: k < d.offsets.length ? timeOf(d.offsets[k]) : null, latency_ms: null, reference: null, feedforward: null,
            baseline_mean: d.baselineMean, baseline_sd: d.baselineSd, baseline_unit: unitOf(ch, m.method), spread_ms: null,
            flags: on < edgeSamples || on >= n - edgeSamples ? 'onset_at_window_edge' : '',
          });
        });
        if (d.onsets.length === 0) {
          records.push({
            subject: opts.subject, file, trial: null, burst: 0, event_s: null, channel: ch, method: m.method, onset_s: null, offset_s: null,
            latency_ms: null, reference: null, feedforward: null, baseline_mean: d.baselineMean, baseline_sd: d.baselineSd,
            baseline_unit: unitOf(ch, m.method), spread_ms: null, flags: 'no_onset',
          });
        }
      }
    }
    return { records, trials: [], warnings };
  }

  // Trial time zeros.
  let zeros: { zero: number; label: string }[];
  let zeroName: string;
  if (opts.trials.kind === 'events') {
    zeros = opts.trials.events.map((e) => ({ zero: Math.round((e.onsetS - rec.startS) * fs), label: e.label }));
    zeroName = 'event';
  } else if (opts.trials.kind === 'trigger') {
    zeros = triggerCrossings(channelByName(rec, opts.trials.channel).samples, opts.trials.params).map((z) => ({ zero: z, label: 'trigger' }));
    zeroName = 'trigger';
    if (zeros.length === 0) warnings.push(`${file}: trigger channel ${opts.trials.channel} never crosses ${opts.trials.params.level} (${opts.trials.params.edge}); no trials`);
  } else {
    if (!opts.reference) throw new ParameterError('trials from reference onsets need a reference channel');
    const ref = opts.reference;
    const x = ref.kind === 'kinematic' ? channelByName(rec, ref.channel).samples : condition(ref.channel);
    // A position signal is quietest where it moves least: the smallest sum of squared sample-to-sample changes.
    const w = quietBaselineWindows(ref.kind === 'kinematic' ? x.map((v, i) => (i > 0 ? v - x[i - 1] : 0)) : x, n);
    const d = ref.kind === 'kinematic' ? kinematicOnsets(x, w, ref.kinematic) : detectOnsets(x, w, primary, oneWayOf(ref.channel, primary));
    zeros = d.onsets.map((z) => ({ zero: z, label: `${ref.channel} onset` }));
    zeroName = ref.channel;
    if (zeros.length === 0) warnings.push(`${file}: no onset found in reference channel ${ref.channel}; no trials`);
  }
  zeros.sort((a, b) => a.zero - b.zero);
  const trials: OnsetTrial[] = zeros.map((z, i) => ({ trial: i + 1, zero: z.zero, label: z.label }));

  // Windows per trial; offsets may be looked for until the next trial's baseline starts.
  const windows: (OnsetWindows | null)[] = trials.map((t, i) => {
    const w0 = t.zero + ms(b0);
    const w1 = t.zero + ms(b1);
    const q0 = t.zero + ms(s0);
    const q1 = t.zero + ms(s1);
    if (Math.min(w0, q0) < 0 || Math.max(w1, q1) > n) return null;
    const next = i + 1 < trials.length ? trials[i + 1].zero + ms(b0) : n;
    return { baselineStart: w0, baselineEnd: w1, searchStart: q0, searchEnd: q1, offsetEnd: Math.min(n, Math.max(q1, next)) };
  });
  const outside = windows.filter((w) => w === null).length;
  if (outside > 0) warnings.push(`${file}: ${outside} of ${trials.length} trials have windows outside the recording; they are flagged window_outside_recording`);

  // Noisy baseline: per channel, each trial's baseline RMS against the channel's median.
  const noisy = new Map<string, boolean[]>();
  for (const ch of new Set([...opts.channels, ...(opts.reference && opts.reference.kind === 'emg' ? [opts.reference.channel] : [])])) {
    const x = condition(ch);
    const q = windows.map((w) => (w ? onsetBaselineQuality(x, w.baselineStart, w.baselineEnd) : null));
    const rms = q.filter((v): v is NonNullable<typeof v> => v !== null).map((v) => v.rms).sort((a, b) => a - b);
    const median = rms.length ? (rms.length % 2 ? rms[rms.length >> 1] : (rms[(rms.length >> 1) - 1] + rms[rms.length >> 1]) / 2) : 0;
    noisy.set(ch, q.map((v) => v !== null && (v.quarterRatio > opts.noisyBaselineRatio || (median > 0 && v.rms > opts.noisyBaselineRatio * median))));
  }

  // Reference onsets per trial and method.
  const refOnsets = new Map<string, (number | null)[]>();
  if (opts.reference) {
    const ref = opts.reference;
    if (opts.trials.kind === 'reference') {
      for (const m of opts.methods) refOnsets.set(m.method, trials.map((t) => t.zero));
    } else if (ref.kind === 'kinematic') {
      const raw = channelByName(rec, ref.channel).samples;
      const onsets = windows.map((w) => (w ? firstBurst(kinematicOnsets(raw, w, ref.kinematic), w, edgeSamples).onset : null));
      for (const m of opts.methods) refOnsets.set(m.method, onsets);
    } else {
      for (const m of opts.methods) refOnsets.set(m.method, windows.map((w, i) => (w ? detectTrial(ref.channel, i, w, m).onset : null)));
    }
    if (opts.methods.length > 1) {
      refOnsets.set('consensus', trials.map((_, i) => onsetConsensus(opts.methods.map((m) => refOnsets.get(m.method)![i]), Infinity).onset));
    }
  }

  const records: OnsetRecord[] = [];
  const [ff0, ff1] = opts.feedforwardMs;
  for (const ch of opts.channels) {
    const isReference = opts.reference !== null && opts.reference.channel === ch;
    trials.forEach((t, i) => {
      const w = windows[i];
      const base = { subject: opts.subject, file, trial: t.trial, burst: 1, event_s: timeOf(t.zero), channel: ch };
      const latencyOf = (method: string, onset: number | null): { latency: number | null; reference: string | null; flags: string[] } => {
        if (onset === null) return { latency: null, reference: null, flags: [] };
        if (opts.reference && !isReference) {
          const r = refOnsets.get(method)?.[i] ?? null;
          if (r === null) return { latency: null, reference: opts.reference.channel, flags: ['no_reference_onset'] };
          return { latency: ((onset - r) * 1000) / fs, reference: opts.reference.channel, flags: [] };
        }
        if (opts.trials.kind === 'reference') return { latency: null, reference: zeroName, flags: [] };
        return { latency: ((onset - t.zero) * 1000) / fs, reference: zeroName, flags: [] };
      };
      const feedforward = (latency: number | null): boolean | null =>
        latency === null || isReference || !opts.reference ? null : latency >= ff0 && latency <= ff1;
      if (!w) {
        for (const m of [...opts.methods.map((mm) => mm.method), ...(opts.methods.length > 1 ? ['consensus'] : [])]) {
          records.push({
            ...base, method: m, onset_s: null, offset_s: null, latency_ms: null, reference: null, feedforward: null, baseline_mean: null,
            baseline_sd: null, baseline_unit: '', spread_ms: null, flags: 'window_outside_recording',
          });
        }
        return;
      }
      const noisyHere = noisy.get(ch)?.[i] ?? false;
      const found: TrialDetection[] = [];
      for (const m of opts.methods) {
        const r = detectTrial(ch, i, w, m);
        found.push(r);
        const lat = latencyOf(m.method, r.onset);
        const flags = [r.onset === null ? 'no_onset' : '', r.edge ? 'onset_at_window_edge' : '', noisyHere ? 'noisy_baseline' : '', ...lat.flags].filter(Boolean);
        records.push({
          ...base, method: m.method, onset_s: r.onset === null ? null : timeOf(r.onset), offset_s: r.offset === null ? null : timeOf(r.offset),
          latency_ms: lat.latency, reference: lat.reference, feedforward: feedforward(lat.latency), baseline_mean: r.detection?.baselineMean ?? null,
          baseline_sd: r.detection?.baselineSd ?? null, baseline_unit: unitOf(ch, m.method), spread_ms: null, flags: flags.join(';'),
        });
      }
      if (opts.methods.length > 1) {
        const c = onsetConsensus(found.map((f) => f.onset), ms(opts.disagreeMs));
        const onset = c.onset;
        const off = onset === null ? null : onsetConsensus(found.map((f) => f.offset), Infinity, 1).onset;
        const lat = latencyOf('consensus', onset);
        const edge = onset !== null && (onset - w.searchStart < edgeSamples || w.searchEnd - 1 - onset < edgeSamples);
        const flags = [onset === null ? 'no_onset' : '', edge ? 'onset_at_window_edge' : '', noisyHere ? 'noisy_baseline' : '', ...lat.flags, c.disagree ? 'methods_disagree' : ''].filter(Boolean);
        records.push({
          ...base, method: 'consensus', onset_s: onset === null ? null : timeOf(onset), offset_s: off === null ? null : timeOf(off),
          latency_ms: lat.latency, reference: lat.reference, feedforward: feedforward(lat.latency), baseline_mean: null, baseline_sd: null,
          baseline_unit: '', spread_ms: c.spread === null ? null : (c.spread * 1000) / fs, flags: flags.join(';'),
        });
      }
    });
  }
  return { records, trials, warnings };
}
