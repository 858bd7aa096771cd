import { lowpassEnvelope } from '../dsp/lowpass-envelope.js';
import { movingRms } from '../dsp/moving-rms.js';
import { msToSamples } from '../dsp/ms-to-samples.js';
import { teagerKaiser } from '../dsp/teager-kaiser.js';
import type { Recording } from '../model/recording.js';
import { conditionChannel, type ConditionParams } from '../pipeline/condition-channel.js';
import { decimateMinMax } from './decimate-min-max.js';
import type { TrialChannel } from './figure-trial.js';

/** How the drawn envelope is made from the band-passed signal (the detector's own recipe). */
export type DisplayEnvelope =
  | { method: 'lowpass'; cutoffHz: number; order: number; teagerKaiser: boolean }
  | { method: 'rms'; windowMs: number };

/** What to mark on one channel of a trial. */
export interface TrialChannelMarks {
  channel: string;
  flags: string;
  /** Onset time on the recording's clock, s (null: none found). */
  onsetS?: number | null;
  threshold?: number;
  baselineMs?: [number, number];
  windowMs?: [number, number];
}

/** The trial to draw: its time zero on the recording's clock and the span shown around it. */
export interface TrialSpan {
  zeroS: number;
  fromMs: number;
  toMs: number;
}

/** Points per trace after min–max decimation (two per bucket). */
const BUCKETS = 300;

/** Label of the envelope in the legend. */
export function envelopeLabel(e: DisplayEnvelope): string {
  return e.method === 'rms' ? `moving RMS ${e.windowMs} ms` : `${e.teagerKaiser ? 'TKEO ' : ''}envelope ${e.cutoffHz} Hz`;
}

/**
 * The traces of one trial for a figure: for each channel the raw samples, the band-passed signal
 * (`chain` over the whole recording, so the trial sees no filter transient) and the envelope the
 * detector looks at, all cut to the span around the trial's time zero and decimated (min–max) for
 * drawing; times in ms from time zero. Marks are carried over with onset times made relative too.
 */
export function trialTraces(rec: Recording, chain: ConditionParams, envelope: DisplayEnvelope, span: TrialSpan, marks: readonly TrialChannelMarks[]): TrialChannel[] {
  const fs = rec.fsHz;
  const n = rec.channels[0]?.samples.length ?? 0;
  const zero = Math.round((span.zeroS - rec.startS) * fs);
  const from = Math.max(0, zero + msToSamples(span.fromMs, fs));
  const to = Math.min(n, zero + msToSamples(span.toMs, fs));
  const startMs = ((from - zero) * 1000) / fs;
  const out: TrialChannel[] = [];
  for (const m of marks) {
    const ch = rec.channels.find((c) => c.name === m.channel);
    if (!ch || to - from < 2) continue;
    const filtered = conditionChannel(ch.samples, fs, chain);
    let env: Float64Array;
    if (envelope.method === 'rms') env = movingRms(filtered, { fsHz: fs, windowMs: envelope.windowMs });
    else {
      const src = envelope.teagerKaiser ? teagerKaiser(filtered) : filtered;
      env = lowpassEnvelope(src.map(Math.abs), { fsHz: fs, cutoffHz: envelope.cutoffHz, order: envelope.order });
    }
    // Decimated times are in s from `startS`; here they are ms from the trial's time zero.
    const cut = (x: Float64Array) => decimateMinMax(x.subarray(from, to), fs / 1000, startMs, BUCKETS);
    out.push({
      channel: ch.name,
      unit: ch.unit,
      raw: cut(ch.samples),
      filtered: cut(filtered),
      envelope: cut(env),
      envelopeLabel: envelopeLabel(envelope),
      baselineMs: m.baselineMs,
      windowMs: m.windowMs,
      threshold: m.threshold,
      onsetMs: m.onsetS === undefined ? undefined : m.onsetS === null ? null : (m.onsetS - span.zeroS) * 1000,
      flags: m.flags,
    });
  }
  return out;
}
