import { mvcReference } from '../dsp/mvc-reference.js';
import type { Recording } from '../model/recording.js';
import { coContractionFalconerWinter, type IntegrationRule } from '../stats/co-contraction-falconer-winter.js';
import { coContractionRudolph } from '../stats/co-contraction-rudolph.js';
import { medianFrequencySlope } from './activation-fatigue.js';
import { windowSpectrum, type SpectrumParams } from './activation-spectrum.js';
import type { TaskWindow } from './activation-windows.js';
import { conditionChannel, type ConditionParams, type EnvelopeStage } from './condition-channel.js';
import { normalizeChannel } from './normalize-channels.js';

/** Every resolved parameter of the activation measures. */
export interface ActivationParams {
  /** DC removal, band-pass and notch: the signal the RMS and the spectra are taken from. */
  filter: ConditionParams;
  /** Envelope of the full-wave rectified filtered signal. */
  envelope: EnvelopeStage;
  /** MVC normalisation window (ms), or `null` for no normalisation. */
  mvcWindowMs: number | null;
  spectrum: SpectrumParams;
  fatigueWindowMs: number;
  confLevel: number;
  /** Named channel pairs: envelope-mean ratio first / second. */
  ratios: [string, string][];
  /** Named channel pairs for the co-contraction indices. */
  coContraction: [string, string][];
  integration: IntegrationRule;
}

/** One tidy activation record, ready for `compare`. */
export interface ActivationRecord {
  subject: string;
  group: string;
  task: string;
  /** Trial label, or `mean` for a subject's value over its trials. */
  trial: string;
  /** A channel, `A/B` for a ratio, `A:B` for a co-contraction pair. */
  channel: string;
  measure: string;
  value: number;
  unit: string;
  ci_lower?: number;
  ci_upper?: number;
  /** Subject rows: how many trial values were averaged. */
  n_trials?: number;
  window_start_s?: number;
  window_end_s?: number;
  /** The recording the trial came from (trial rows). */
  recording?: string;
}

/** A subject's MVC recording, conditioned with the task's chain: per channel, filtered signal and envelope. */
export interface ConditionedMvc {
  source: string;
  fsHz: number;
  channels: Map<string, { filtered: Float64Array; envelope: Float64Array }>;
}

/** The MVC references of one channel, amplitude in the channel's unit, with where they were found. */
export interface ChannelReference {
  channel: string;
  unit: string;
  envelopeMvc: number;
  rmsMvc: number;
  envelopeSource: string;
  envelopeStartS: number;
  rmsSource: string;
  rmsStartS: number;
}

/** What one recording gives: records per trial, notes for the warnings, the MVC references used. */
export interface RecordingActivation {
  records: ActivationRecord[];
  notes: string[];
  references: ChannelReference[];
  /** Why the first window without a median-frequency slope has none (too few epochs), or `null`. */
  slopeGap: string | null;
}

/** Filters and rectifies-and-envelopes one channel with the activation chain. */
export function conditionForActivation(x: Float64Array, fsHz: number, p: Pick<ActivationParams, 'filter' | 'envelope'>): { filtered: Float64Array; envelope: Float64Array } {
  const filtered = conditionChannel(x, fsHz, { ...p.filter, rectify: false, envelope: null });
  const envelope = conditionChannel(filtered, fsHz, { dc: false, filters: [], notch: null, rectify: true, envelope: p.envelope });
  return { filtered, envelope };
}

/** Conditions the named channels of an MVC recording with the activation chain. */
export function conditionMvc(rec: Recording, channels: readonly string[], p: Pick<ActivationParams, 'filter' | 'envelope'>): ConditionedMvc {
  const out = new Map<string, { filtered: Float64Array; envelope: Float64Array }>();
  for (const name of channels) {
    const ch = rec.channels.find((c) => c.name === name);
    if (ch !== undefined) out.set(name, conditionForActivation(ch.samples, rec.fsHz, p));
  }
  return { source: rec.source.path, fsHz: rec.fsHz, channels: out };
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

function rms(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s / x.length);
}

function squared(x: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i] * x[i];
  return y;
}

/** Negative envelope samples (low-pass undershoot) set to 0, and how many there were. */
function clampNonNegative(x: Float64Array): { values: Float64Array; clamped: number } {
  let clamped = 0;
  const values = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (x[i] < 0) clamped++;
    values[i] = x[i] < 0 ? 0 : x[i];
  }
  return { values, clamped };
}

/**
 * Activation measures of one recording in each task window, for each of `channels`:
 * - `rms`: RMS of the filtered (band-passed, not rectified) signal; with MVC recordings,
 *   `rms_pct_mvc` = RMS / the largest `mvcWindowMs` RMS of the filtered MVC signal × 100;
 * - `envelope_mean`: mean of the envelope; with MVC, `envelope_mean_pct_mvc` (`normalizeChannel`:
 *   % of the largest `mvcWindowMs` envelope mean of the MVC recordings);
 * - `mean_frequency_hz`, `median_frequency_hz`: Welch PSD of the filtered signal in the window;
 * - `mdf_slope_hz_per_s` and `mdf_slope_pct_per_s` with CI: the median-frequency slope over
 *   consecutive `fatigueWindowMs` epochs of the window (`medianFrequencySlope`), when ≥ 3 fit;
 * - for each ratio pair A/B, `envelope_mean_ratio` = envelope mean of A / of B;
 * - for each co-contraction pair, `cci_falconer_winter_pct` and `cci_rudolph` of the two
 *   (normalised) envelopes in the window, negative envelope samples set to 0.
 */
export function analyseRecording(
  input: { recording: Recording; subject: string; group: string; task: string; channels: readonly string[]; windows: readonly TaskWindow[]; mvc: readonly ConditionedMvc[] | null },
  p: ActivationParams,
): RecordingActivation {
  const { recording: rec, windows } = input;
  const fsHz = rec.fsHz;
  const source = rec.source.path;
  const notes: string[] = [];
  const references: ChannelReference[] = [];
  const records: ActivationRecord[] = [];
  const normalised = input.mvc !== null;
  const signals = new Map<string, { filtered: Float64Array; envelope: Float64Array; unit: string }>();
  const needed = [...new Set([...input.channels, ...p.ratios.flat(), ...p.coContraction.flat()])];
  for (const name of needed) {
    const ch = rec.channels.find((c) => c.name === name);
    if (ch === undefined) continue; // the command checks channel names before this point
    const { filtered, envelope } = conditionForActivation(ch.samples, fsHz, p);
    if (input.mvc === null || p.mvcWindowMs === null) {
      signals.set(name, { filtered, envelope, unit: ch.unit || 'a.u.' });
      continue;
    }
    const mvcs = input.mvc.map((m) => ({ source: m.source, parts: m.channels.get(name) }));
    const envelopes = mvcs.map((m) => ({ source: m.source, samples: m.parts?.envelope ?? new Float64Array(0) }));
    const norm = normalizeChannel(envelope, fsHz, { method: 'mvc', windowMs: p.mvcWindowMs }, { task: source, mvcEnvelopes: envelopes });
    const rmsRef = mvcReference(
      mvcs.map((m) => ({ source: m.source, samples: squared(m.parts?.filtered ?? new Float64Array(0)) })),
      { fsHz, windowMs: p.mvcWindowMs },
    );
    const rmsMvc = Math.sqrt(rmsRef.value);
    const filteredPct = new Float64Array(filtered.length);
    for (let i = 0; i < filtered.length; i++) filteredPct[i] = (filtered[i] / rmsMvc) * 100;
    signals.set(name, { filtered: filteredPct, envelope: norm.values, unit: '%MVC' });
    references.push({
      channel: name,
      unit: ch.unit || 'a.u.',
      envelopeMvc: norm.reference.value,
      rmsMvc,
      envelopeSource: norm.reference.source,
      envelopeStartS: norm.reference.startS,
      rmsSource: rmsRef.source,
      rmsStartS: rmsRef.startS,
    });
  }
  const suffix = normalised ? '_pct_mvc' : '';
  let fatigueNote: string | null = null;
  let clampedTotal = 0;
  for (const w of windows) {
    const base = { subject: input.subject, group: input.group, task: input.task, trial: w.trial, window_start_s: w.startS, window_end_s: w.endS, recording: source };
    const envelopeMeans = new Map<string, number>();
    for (const name of needed) {
      const s = signals.get(name);
      if (s !== undefined) envelopeMeans.set(name, mean(s.envelope.subarray(w.startSample, w.endSample)));
    }
    for (const name of input.channels) {
      const s = signals.get(name);
      if (s === undefined) continue;
      const seg = s.filtered.subarray(w.startSample, w.endSample);
      const add = (measure: string, value: number, unit: string, ci?: [number, number]) =>
        records.push({ ...base, channel: name, measure, value, unit, ...(ci ? { ci_lower: ci[0], ci_upper: ci[1] } : {}) });
      add(`rms${suffix}`, rms(seg), s.unit);
      add(`envelope_mean${suffix}`, envelopeMeans.get(name) ?? Number.NaN, s.unit);
      const spec = windowSpectrum(seg, fsHz, p.spectrum);
      add('mean_frequency_hz', spec.meanFrequencyHz, 'Hz');
      add('median_frequency_hz', spec.medianFrequencyHz, 'Hz');
      const fat = medianFrequencySlope(seg, fsHz, { ...p.spectrum, fatigueWindowMs: p.fatigueWindowMs, confLevel: p.confLevel });
      if (fat.fit.ok) {
        add('mdf_slope_hz_per_s', fat.fit.slope, 'Hz/s', [fat.fit.ciLower, fat.fit.ciUpper]);
        if (fat.pctPerS !== null) add('mdf_slope_pct_per_s', fat.pctPerS.slope, '%/s', [fat.pctPerS.ciLower, fat.pctPerS.ciUpper]);
      } else {
        fatigueNote ??= `the ${((w.endSample - w.startSample) * 1000) / fsHz} ms window of trial ${w.trial} gives ${fat.epochs.length} epochs of ${p.fatigueWindowMs} ms (${fat.fit.reason})`;
      }
    }
    for (const [a, b] of p.ratios) {
      const num = envelopeMeans.get(a);
      const den = envelopeMeans.get(b);
      if (num === undefined || den === undefined) continue;
      if (!(den > 0)) {
        notes.push(`${source}: trial ${w.trial}: no ratio ${a}/${b}: the envelope mean of ${b} is ${den}`);
        continue;
      }
      records.push({ ...base, channel: `${a}/${b}`, measure: 'envelope_mean_ratio', value: num / den, unit: 'ratio' });
    }
    for (const [a, b] of p.coContraction) {
      const sa = signals.get(a);
      const sb = signals.get(b);
      if (sa === undefined || sb === undefined) continue;
      const ea = clampNonNegative(sa.envelope.subarray(w.startSample, w.endSample));
      const eb = clampNonNegative(sb.envelope.subarray(w.startSample, w.endSample));
      clampedTotal += ea.clamped + eb.clamped;
      const pair = `${a}:${b}`;
      const fw = coContractionFalconerWinter(ea.values, eb.values, { fsHz, integration: p.integration });
      if (fw.ok) records.push({ ...base, channel: pair, measure: 'cci_falconer_winter_pct', value: fw.cciPct, unit: '%' });
      else notes.push(`${source}: trial ${w.trial}: ${pair}: ${fw.reason}`);
      const ru = coContractionRudolph(ea.values, eb.values, { fsHz });
      records.push({ ...base, channel: pair, measure: 'cci_rudolph', value: ru.cci, unit: sa.unit });
    }
  }
  if (clampedTotal > 0) notes.push(`${source}: ${clampedTotal} envelope samples below 0 (low-pass undershoot) were set to 0 for the co-contraction indices`);
  return { records, notes, references, slopeGap: fatigueNote };
}
