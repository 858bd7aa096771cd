/**
 * The methods section of a study report, written from the parameters the analysis steps resolved
 * (their `params` blocks, defaults included), following the items of the ISEK standards for
 * reporting EMG data (Merletti R (1999) J Electromyogr Kinesiol 9(1):III–IV): what was recorded,
 * how it was filtered (type, order, corners, zero-phase), rectified, smoothed and normalised, how
 * onsets were detected, and how groups were compared. Items the study's files do not hold
 * (electrodes, amplifier) are named as missing rather than left out.
 */

import { muscleName, sideName } from './measure-names.js';

type Params = Record<string, unknown>;

export interface MethodsInput {
  studyName: string;
  groups: { group: string; n: number }[];
  /** Subjects with EMG recordings, per group (empty without EMG). */
  emgGroups: { group: string; n: number }[];
  recordings: number;
  /** Distinct sample rates of the recordings read, Hz. */
  fsHz: number[];
  channels: { channel: string; muscle: string; side: string }[];
  onset?: Params;
  activation?: Params;
  thickness?: Params;
  compare?: Params;
  /** Reference group of the comparisons. */
  reference?: string;
}

/** One reporting item and what the study says about it. */
export interface ChecklistItem {
  item: string;
  reported: string;
  complete: boolean;
}

export interface MethodsText {
  paragraphs: string[];
  checklist: ChecklistItem[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): number[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ms(w: number[] | undefined): string {
  return w ? `${w[0]} to ${w[1]} ms` : '';
}

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function filterSentence(p: Params, what: string): string | undefined {
  const bp = arr(p.bandpass_hz);
  const order = num(p.bandpass_order) ?? num(p.order);
  if (!bp) return undefined;
  const parts = [
    `${what}, the signals were ${p.remove_dc === false ? '' : 'offset-corrected (mean removed) and '}band-pass filtered with a Butterworth filter of order ${order ?? '?'} (SciPy's N; ${order !== undefined ? 2 * order : '?'} poles) with corners at ${bp[0]} and ${bp[1]} Hz, applied forward and backward (zero-phase, sosfiltfilt with odd padding; the effective order doubles)`,
  ];
  const notch = arr(p.notch_hz) ?? (num(p.notch_hz) !== undefined ? [num(p.notch_hz) as number] : undefined);
  if (notch && notch.length) parts.push(`, with IIR notch filters (Q ${num(p.notch_q) ?? '?'}) at ${notch.join(', ')} Hz, also zero-phase`);
  else parts.push('; no notch filter was applied');
  return `${parts.join('')}.`;
}

function onsetSentences(p: Params, reference: string | undefined): string[] {
  const out: string[] = [];
  const f = filterSentence(p, 'Before onset detection');
  if (f) out.push(f);
  const methods = (p.methods ?? {}) as Record<string, Params>;
  for (const [name, m] of Object.entries(methods)) {
    const env = num(m.envelope_cutoff_hz);
    const k = num(m.threshold_sd);
    const above = num(m.min_above_ms);
    if (name === 'hodges-bui' || name === 'tkeo') {
      out.push(
        `Onsets were detected ${name === 'tkeo' ? 'on the Teager–Kaiser energy operator output, ' : ''}after full-wave rectification and a ${env} Hz Butterworth low-pass (order ${num(m.envelope_order)}, zero-phase) as the first time the envelope exceeded the baseline mean + ${k} SD for at least ${above} ms (Hodges & Bui 1996).`,
      );
    } else if (name === 'risefit') {
      out.push(
        `Onsets were detected on a ${env} Hz linear envelope (rectified, Butterworth order ${num(m.envelope_order)}, zero-phase) exceeding the baseline mean + ${k} SD for at least ${above} ms${num(m.confirm_alpha) !== undefined && num(m.confirm_alpha)! < 1 ? ` and carrying more power than the baseline once mains lines were fitted out (one-sided F test with effective degrees of freedom, p < ${num(m.confirm_alpha)})` : ''}, and then placed by fitting a burst model to the signal band-passed forward only (causal, so that no burst energy precedes its onset), less the mains lines fitted on the baseline, within ${num(m.lookback_ms)} ms before to ${num(m.max_shift_ms)} ms after the detection (rise up to ${num(m.max_rise_ms)} ms${num(m.step_prior) !== undefined && num(m.max_rise_ms) !== 0 ? `, prior probability of an abrupt onset ${num(m.step_prior)}` : ''}; docs/onset.md).`,
      );
    } else if (name === 'bonato') {
      out.push(`Onsets were detected with the Bonato et al. (1998) double-threshold method (false-alarm probability ${num(m.false_alarm_probability)}, ${num(m.window_ms)} ms windows, active states of at least ${num(m.min_active_ms)} ms).`);
    } else {
      out.push(`Onsets were detected with the ${name} method.`);
    }
  }
  const base = arr(p.baseline_ms);
  const search = arr(p.search_ms);
  if (base && search) out.push(`The baseline was ${ms(base)} and onsets were searched for ${ms(search)} relative to each ${str(p.event) ? `"${p.event}" ` : ''}event.`);
  const ref = str(p.reference) ?? reference;
  const ff = arr(p.feedforward_ms);
  if (str(p.reference)) {
    out.push(
      `Latencies were measured from the onset of ${ref} in the same trial (negative: before it)${ff ? `; an onset from ${ff[0]} to ${ff[1]} ms relative to it was classed as feed-forward (Hodges & Richardson 1996; Aruin & Latash 1995)` : ''}.`,
    );
  }
  return out;
}

function activationSentences(p: Params): string[] {
  const out: string[] = [];
  const f = filterSentence(p, 'For amplitude and spectral measures');
  if (f) out.push(f);
  const env = str(p.envelope);
  const envOrder = num(p.envelope_order);
  if (env?.startsWith('lowpass:')) out.push(`They were then full-wave rectified and smoothed into a linear envelope with a ${env.slice(8)} Hz Butterworth low-pass (order ${envOrder}, zero-phase).`);
  else if (env?.startsWith('rms:')) out.push(`Amplitude was taken as a centred moving RMS over ${env.slice(4)} ms.`);
  const w = arr(p.window_ms);
  if (w) out.push(`Amplitude was measured from ${w[0]} to ${w[1]} ms after each event.`);
  if (p.normalisation === 'mvc') {
    out.push(
      `Amplitudes were normalised to maximal voluntary contraction (MVC): the reference was the largest mean envelope (and RMS) over ${num(p.mvc_window_ms)} ms in each subject's MVC recording, processed with the same chain, and values are given in %MVC.`,
    );
  } else if (p.normalisation === 'peak') out.push('Amplitudes were normalised to the peak of each recording.');
  else out.push('Amplitudes were not normalised (given in the recording unit).');
  const seg = num(p.welch_segment_ms);
  if (seg !== undefined) {
    out.push(
      `Mean and median frequencies came from Welch power spectra (${str(p.welch_window) ?? 'Hann'} window, ${seg} ms segments, ${num(p.welch_overlap_pct)} % overlap, ${str(p.welch_detrend) ?? 'constant'} detrend).`,
    );
  }
  return out;
}

function thicknessSentences(p: Params): string[] {
  const out = [
    `Muscle thickness (rehabilitative ultrasound imaging) was summarised per subject, muscle and side as the percent change from rest to contraction, (contracted − rest) / rest × 100, ${p.change_from === 'means' ? 'from the mean thicknesses over trials' : 'averaged over the paired trials'}.`,
  ];
  if (str(p.sem_icc)) {
    out.push(
      `Trial-to-trial reliability was given as ${p.sem_icc} with its ${Math.round((num(p.conf_level) ?? 0.95) * 100)} % CI, the SEM as ${p.sem_from === 'ms-error' ? '√MS_error' : `SD·√(1 − ${p.sem_icc})`}, and the minimal detectable change as MDC95 = 1.96·√2·SEM.`,
    );
  }
  out.push('Side-to-side asymmetry was (L − R) / mean(L, R) × 100.');
  return out;
}

function compareSentences(p: Params, reference: string | undefined): string[] {
  const test = str(p.test) ?? 'welch';
  const testName: Record<string, string> = {
    welch: "Welch's t-test (unequal variances)",
    student: "Student's t-test (pooled variance)",
    'mann-whitney': 'the Mann–Whitney U test (Wilcoxon rank-sum)',
    'paired-t': 'the paired t-test',
    wilcoxon: 'the Wilcoxon signed-rank test',
  };
  const focal = Array.isArray(p.focal) ? (p.focal as string[]).join(', ') : 'each group';
  const ref = str(p.reference) ?? reference ?? 'the reference group';
  const adjust = (p.p_adjust ?? {}) as Params;
  const level = num(p.conf_level) ?? 0.95;
  return [
    `Per-subject values (means over trials) of ${focal} were compared with ${ref} by ${testName[test] ?? test}, ${str(p.alternative) === 'two.sided' || !str(p.alternative) ? 'two-sided' : `alternative ${p.alternative}`}, as R's t.test / wilcox.test compute them; differences are ${focal} − ${ref} with ${Math.round(level * 100)} % confidence intervals.`,
    `Effect sizes are Hedges' g (Cohen's d with the exact small-sample correction) with ${Math.round(level * 100)} % CIs from the noncentral t distribution.${num(adjust.m) !== undefined ? ` p-values were adjusted over the ${num(adjust.m)} tests of the run by Holm's method and by Benjamini–Hochberg (false discovery rate).` : ''}`,
  ];
}

/** The methods paragraphs and the ISEK checklist for a study. */
export function methodsText(m: MethodsInput): MethodsText {
  const paragraphs: string[] = [];
  const groups = list(m.groups.map((g) => `${g.n} subject${g.n === 1 ? '' : 's'} in group ${g.group}`));
  const muscles = list(m.channels.map((c) => `${c.channel} (${[sideName(c.side), muscleName(c.muscle)].filter(Boolean).join(' ')})`));
  const fs = m.fsHz.length ? `${list(m.fsHz.map((f) => `${f}`))} Hz` : '';
  const recorded = [
    `The study "${m.studyName}" included ${groups || 'no subjects'}.`,
    m.recordings > 0
      ? `${m.recordings} surface-EMG recordings${m.emgGroups.length ? ` of ${list(m.emgGroups.map((g) => `${g.n} ${g.group}`))} subjects` : ''} were analysed${fs ? `, sampled at ${fs}` : ''}${muscles ? `, from the channels ${muscles}` : ''}.`
      : '',
    'Electrode type, size, inter-electrode distance and placement, and amplifier gain, input impedance, common-mode rejection and hardware filters are not recorded in the study configuration and must be added from the laboratory protocol.',
  ].filter(Boolean);
  paragraphs.push(recorded.join(' '));
  if (m.onset) paragraphs.push(onsetSentences(m.onset, m.reference).join(' '));
  if (m.activation) paragraphs.push(activationSentences(m.activation).join(' '));
  if (m.thickness) paragraphs.push(thicknessSentences(m.thickness).join(' '));
  if (m.compare) paragraphs.push(compareSentences(m.compare, m.reference).join(' '));
  paragraphs.push('All processing was done with myoscope; filter design and zero-phase filtering match SciPy, and the statistics match R.');

  const emg = m.recordings > 0;
  const chainOf = (p: Params | undefined) => {
    if (!p) return undefined;
    const bp = arr(p.bandpass_hz);
    return bp ? `Butterworth band-pass order ${num(p.bandpass_order) ?? num(p.order)}, ${bp[0]}–${bp[1]} Hz, zero-phase` : undefined;
  };
  const filt = [m.onset ? `onset: ${chainOf(m.onset)}` : '', m.activation ? `amplitude: ${chainOf(m.activation)}` : ''].filter(Boolean).join('; ');
  const checklist: ChecklistItem[] = [
    { item: 'Electrodes (type, size, inter-electrode distance, location)', reported: 'not in the study files', complete: false },
    { item: 'Amplifier (gain, input impedance, CMRR, hardware filters)', reported: 'not in the study files', complete: false },
    { item: 'Sampling frequency', reported: emg ? fs || 'not read' : 'no EMG', complete: !emg || fs !== '' },
    { item: 'Digital filters (type, order, corners, phase)', reported: emg ? filt || 'none' : 'no EMG', complete: !emg || filt !== '' },
    {
      item: 'Rectification and smoothing',
      reported: m.activation ? `full-wave; ${str(m.activation.envelope) ?? '?'} (order ${num(m.activation.envelope_order) ?? '?'})` : emg ? 'no amplitude step' : 'no EMG',
      complete: true,
    },
    {
      item: 'Amplitude normalisation and its reference',
      reported: m.activation ? (m.activation.normalisation === 'mvc' ? `MVC, highest ${num(m.activation.mvc_window_ms)} ms mean` : String(m.activation.normalisation ?? 'none')) : emg ? 'no amplitude step' : 'no EMG',
      complete: true,
    },
    {
      item: 'Onset method and thresholds',
      reported: m.onset ? Object.entries((m.onset.methods ?? {}) as Record<string, Params>).map(([k, v]) => `${k}: mean + ${num(v.threshold_sd) ?? '?'} SD, ${num(v.min_above_ms) ?? '?'} ms`).join('; ') : 'no onset step in this study',
      complete: true,
    },
    { item: 'Thickness change and reliability (RUSI)', reported: m.thickness ? `(contracted − rest)/rest × 100; ${str(m.thickness.sem_icc) ?? ''} SEM, MDC95` : 'no thickness step', complete: true },
    { item: 'Statistics (test, effect size, CIs, multiplicity)', reported: m.compare ? `${str(m.compare.test) ?? ''}; Hedges' g with CI; Holm and BH` : 'no comparison', complete: true },
  ];
  return { paragraphs: paragraphs.map(sentenceCase), checklist };
}
