import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { BANDPASS_ORDER, defaultBandpassHz, NOTCH_Q } from '../dsp/defaults.js';
import { msToSamples } from '../dsp/ms-to-samples.js';
import {
  BASELINE_MS, BONATO, DISAGREE_MS, EDGE_MS, FEEDFORWARD_MS, HODGES_BUI, KINEMATIC, NOISY_BASELINE_RATIO, ONSET_MARGIN_MS, QUIET_BASELINE,
  MAX_RISE_LIMIT_MS, REFERENCE_BASELINE_MS, REFERENCE_SEARCH_MS, RISE_FIT, SEARCH_MS, TKEO,
} from '../dsp/onset-defaults.js';
import { ONSET_METHODS, type OnsetMethod, type OnsetMethodParams } from '../dsp/onset-detect.js';
import type { Io } from '../io/io.js';
import { sha256File, type CommandResult, type InputRef } from '../io/output.js';
import { readEvents } from '../io/read-events.js';
import { readRecording } from '../io/read-recording.js';
import { findColumn, readTable } from '../io/read-table.js';
import type { Recording } from '../model/recording.js';
import type { ConditionParams } from '../pipeline/condition-channel.js';
import { describeChain } from '../pipeline/condition-channel.js';
import { onsetRecording, type OnsetRecord, type OnsetRecordingOptions, type OnsetTrialSource } from '../pipeline/onset-recording.js';
import { onsetSummary, type OnsetSummaryRow } from '../pipeline/onset-summary.js';
import { autoTriggerLevel } from '../pipeline/onset-trigger-level.js';
import { renderTable } from '../render/table.js';
import type { CommandModule } from './command-module.js';
import { addOutputOptions, addRecordingOptions, parseNameList, parseNumber, parseNumberList, recordingOptions } from './options.js';
import { defaultBandWarning, DEFAULT_BANDPASS_HELP } from './condition-options.js';
import { recordingInputs } from '../io/recording-files.js';

interface OnsetOptions {
  method: string;
  channels?: string;
  events?: string;
  event?: string;
  trigger?: string;
  triggerLevel?: string;
  triggerHysteresis?: string;
  triggerEdge: 'rising' | 'falling';
  reference?: string;
  referenceKind: 'emg' | 'kinematic';
  baselineMs?: string;
  searchMs?: string;
  feedforwardMs: string;
  disagreeMs: string;
  maxRiseMs: string;
  stepPrior: string;
  thresholdSd?: string;
  minAboveMs?: string;
  minBelowMs?: string;
  envelopeHz?: string;
  bandpass?: string;
  order: string;
  notch?: string;
  subject?: string;
  fs?: string;
  unit?: string;
  names?: string;
  timeTolerance?: string;
}

/** Per-file facts that are not options: where the trials came from and what was found. */
interface FileInfo {
  path: string;
  subject: string | null;
  fs_hz: number;
  trials_from: 'events' | 'trigger' | 'reference' | 'continuous';
  events: string | null;
  trigger_level: number | null;
  trigger_hysteresis: number | null;
  n_trials: number;
  channels: string[];
  baseline_ms: number[];
  search_ms: number[];
  /** Band-pass corners used for this recording (the default's high corner follows its rate). */
  bandpass_hz: number[];
}

const toSnake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
function snakeParams(p: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'fsHz' && k !== 'method').map(([k, v]) => [toSnake(k), v]));
}

/**
 * The threshold rule shared by the envelope detectors (hodges-bui, tkeo and risefit's detection):
 * envelope low-pass corner, threshold in baseline SDs, minimum times above and below it.
 */
export interface EnvelopeRuleOverrides {
  envelopeCutoffHz?: number;
  thresholdSd?: number;
  minAboveMs?: number;
  minBelowMs?: number;
}

/** Options that change a detector's defaults. */
export interface MethodOverrides extends EnvelopeRuleOverrides {
  /** risefit: the longest rise considered, ms (0: abrupt onsets only). */
  maxRiseMs?: number;
  /** risefit: prior probability of an abrupt onset (the rest spread over the gradual rises). */
  stepPrior?: number;
}

/** The envelope-rule options, flag by flag, for parsing and messages. */
const ENVELOPE_RULE_FLAGS = [
  { flag: '--threshold-sd', key: 'thresholdSd', unit: undefined, max: 50 },
  { flag: '--min-above-ms', key: 'minAboveMs', unit: 'ms', max: 1000 },
  { flag: '--min-below-ms', key: 'minBelowMs', unit: 'ms', max: 1000 },
  { flag: '--envelope-hz', key: 'envelopeHz', unit: 'Hz', max: undefined },
] as const;

/** The given envelope-rule options (none given: an empty object, every detector keeps its own). */
function envelopeRule(o: OnsetOptions, methods: OnsetMethod[]): EnvelopeRuleOverrides {
  const rule: EnvelopeRuleOverrides = {};
  for (const { flag, key, unit, max } of ENVELOPE_RULE_FLAGS) {
    const raw = o[key];
    if (raw === undefined) continue;
    if (!methods.some((m) => m !== 'bonato')) {
      throw new UsageError(`${flag} sets the threshold rule of the envelope detectors (risefit, hodges-bui, tkeo); bonato sets its threshold from a false-alarm probability`);
    }
    const v = parseNumber(flag, raw, { min: 0, exclusiveMin: true, max, unit });
    rule[key === 'envelopeHz' ? 'envelopeCutoffHz' : key] = v;
  }
  return rule;
}

/** Complete detector parameters for one method at `fsHz` (defaults from onset-defaults.ts). */
export function methodParams(method: OnsetMethod, fsHz: number, overrides: MethodOverrides = {}): OnsetMethodParams {
  const marginMs = ONSET_MARGIN_MS;
  // Only the envelope-rule fields that were given, so that each detector keeps its other defaults.
  const rule: EnvelopeRuleOverrides = Object.fromEntries(
    (['envelopeCutoffHz', 'thresholdSd', 'minAboveMs', 'minBelowMs'] as const).filter((k) => overrides[k] !== undefined).map((k) => [k, overrides[k]]),
  );
  switch (method) {
    case 'risefit':
      return { method, fsHz, marginMs, ...RISE_FIT, ...rule, maxRiseMs: overrides.maxRiseMs ?? RISE_FIT.maxRiseMs, stepPrior: overrides.stepPrior ?? RISE_FIT.stepPrior };
    case 'hodges-bui':
      return { method, fsHz, marginMs, ...HODGES_BUI, ...rule };
    case 'bonato':
      return { method, fsHz, marginMs, ...BONATO };
    case 'tkeo':
      return { method, fsHz, marginMs, ...TKEO, ...rule };
  }
}

function parseWindow(flag: string, raw: string): [number, number] {
  const [a, b] = parseNumberList(flag, raw, 2, { unit: 'ms' });
  if (!(a < b)) throw new UsageError(`${flag} ${raw}: the window is empty (start ${a} ms must be before end ${b} ms)`);
  return [a, b];
}

/** `sub-XXX` from a BIDS file name, or else from a folder of its path. */
export function bidsSubject(path: string): string | null {
  const base = /^(sub-[A-Za-z0-9]+)_/.exec(basename(path));
  if (base) return base[1];
  const dir = path.split(/[/\\]/).reverse().find((part) => /^sub-[A-Za-z0-9]+$/.test(part));
  return dir ?? null;
}

/** The BIDS events file beside a `_emg` recording, if there is one. */
export function bidsEventsPath(path: string): string | null {
  if (!/_emg\.[A-Za-z]+(\.gz)?$/.test(path)) return null;
  const candidate = path.replace(/_emg\.[A-Za-z]+(\.gz)?$/, '_events.tsv');
  return existsSync(candidate) ? candidate : null;
}

async function loadEvents(path: string, rec: Recording, recPath: string, label: string | undefined): Promise<{ onsetS: number; label: string }[]> {
  const events = await readEvents(path);
  const table = await readTable(path);
  const onsetColumn = findColumn(table.header, ['onset', 'onset_s', 'time', 'time_s']) + 1;
  const selected = events.map((e, i) => ({ ...e, line: table.rows[i].line })).filter((e) => label === undefined || e.label === label);
  if (label !== undefined && selected.length === 0) {
    const labels = [...new Set(events.map((e) => e.label))];
    throw new UsageError(`--event "${label}" matches no event in ${path} (trial types: ${labels.join(', ') || 'none'})`);
  }
  const n = rec.channels[0]?.samples.length ?? 0;
  const end = rec.startS + n / rec.fsHz;
  for (const e of selected) {
    if (e.onsetS < rec.startS || e.onsetS >= end) {
      throw new InputError(
        { file: path, line: e.line, column: onsetColumn },
        `event at ${e.onsetS} s lies outside the recording ${recPath} (${rec.startS} s to ${end} s)`,
      );
    }
  }
  return selected.map(({ onsetS, label: l }) => ({ onsetS, label: l }));
}

function human(records: OnsetRecord[], summary: OnsetSummaryRow[], files: FileInfo[], colour: boolean): string {
  const parts: string[] = [];
  const ms = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
  for (const f of files) {
    const recs = records.filter((r) => r.file === f.path);
    const continuous = f.trials_from === 'continuous';
    parts.push(
      renderTable(
        {
          title: `${f.path}${f.subject ? `  ${f.subject}` : ''}  ${continuous ? 'bursts in the whole recording' : `${f.n_trials} trials from ${f.trials_from}${f.events ? ` (${f.events})` : ''}`}`,
          head: continuous
            ? ['channel', 'method', 'burst', 'onset s', 'offset s', 'flags']
            : ['trial', 'channel', 'method', 'onset ms', 'offset ms', 'latency ms', 'from', 'feed-fwd', 'flags'],
          rows: recs.map((r) =>
            continuous
              ? [r.channel, r.method, r.burst, r.onset_s, r.offset_s, r.flags]
              : [
                  r.trial, r.channel, r.method,
                  r.onset_s === null || r.event_s === null ? null : ms((r.onset_s - r.event_s) * 1000),
                  r.offset_s === null || r.event_s === null ? null : ms((r.offset_s - r.event_s) * 1000),
                  ms(r.latency_ms), r.reference, r.feedforward === null ? null : r.feedforward ? 'yes' : 'no', r.flags,
                ],
          ),
          alignRight: continuous ? [2, 3, 4] : [0, 3, 4, 5],
        },
        colour,
      ),
    );
    if (!continuous) parts.push('onset and offset ms: from each trial\'s time zero (event, trigger or reference onset)\n');
  }
  parts.push(
    renderTable(
      {
        title: 'summary per channel',
        head: ['file', 'channel', 'method', 'trials', 'detected', 'flagged', 'mean ms', 'median ms', 'SD ms', 'feed-fwd %'],
        rows: summary.map((s) => [
          s.subject ?? basename(s.file), s.channel, s.method, s.n_trials, s.n_detected, s.n_flagged,
          ms(s.latency_mean_ms), ms(s.latency_median_ms), ms(s.latency_sd_ms), s.feedforward_pct === null ? null : Math.round(s.feedforward_pct * 10) / 10,
        ]),
        alignRight: [3, 4, 5, 6, 7, 8, 9],
      },
      colour,
    ),
  );
  return parts.join('\n');
}

export const onsetCommand: CommandModule = {
  name: 'onset',
  register(program: Command): Command {
    const cmd = program
      .command('onset')
      .description('muscle onsets and offsets per trial and channel, latency to a reference, feed-forward classification')
      .argument('<files...>', 'EMG recordings (CSV/TSV/text, .gz, WFDB .hea)')
      .addOption(new Option('--method <name>', 'onset detector').choices([...ONSET_METHODS, 'all']).default('risefit'))
      .option('--channels <list>', 'channels to analyse, comma-separated (default: all but a trigger or kinematic reference channel)')
      .option('--events <file>', 'BIDS events.tsv with the trial times (default: the _events.tsv beside a BIDS _emg file)')
      .option('--event <label>', 'use only events with this trial_type')
      .option('--trigger <channel>', 'trials at the threshold crossings of this channel (with hysteresis)')
      .option('--trigger-level <value>', 'trigger level in the channel\'s unit (default: midway between its 1st and 99th percentiles)')
      .option('--trigger-hysteresis <value>', 'hysteresis in the channel\'s unit (default: 10 % of that percentile range)')
      .addOption(new Option('--trigger-edge <edge>', 'crossing direction').choices(['rising', 'falling']).default('rising'))
      .option('--reference <channel>', 'latency reference: onset of this channel in each trial; without events or trigger, its onsets are the trials')
      .addOption(new Option('--reference-kind <kind>', 'emg: detected like the muscles; kinematic: movement onset of a goniometer or position channel').choices(['emg', 'kinematic']).default('emg'))
      .option('--baseline-ms <start,end>', `baseline window relative to each trial's time zero, ms (default ${BASELINE_MS.join(',')}; ${REFERENCE_BASELINE_MS.join(',')} when the trials are reference onsets)`)
      .option('--search-ms <start,end>', `window searched for onsets, ms (default ${SEARCH_MS.join(',')}; ${REFERENCE_SEARCH_MS.join(',')} when the trials are reference onsets)`)
      .option('--feedforward-ms <start,end>', 'latencies in this window are feed-forward, ms', FEEDFORWARD_MS.join(','))
      .option('--disagree-ms <ms>', 'with --method all, flag trials whose detectors span more than this', String(DISAGREE_MS))
      .option('--max-rise-ms <ms>', `risefit: the longest rise from onset to plateau considered; 0 for bursts known to start abruptly (0–${MAX_RISE_LIMIT_MS})`, String(RISE_FIT.maxRiseMs))
      .option('--step-prior <p>', 'risefit: prior probability that an onset is abrupt rather than a gradual rise (0–1); lower places gradual rises better and abrupt onsets earlier', String(RISE_FIT.stepPrior))
      .option('--threshold-sd <k>', `envelope detectors (risefit's detection, hodges-bui, tkeo): onset where the envelope exceeds the baseline mean + k·SD (default ${RISE_FIT.thresholdSd}, ${HODGES_BUI.thresholdSd}, ${TKEO.thresholdSd})`)
      .option('--min-above-ms <ms>', `envelope detectors: time the envelope must stay above the threshold for an onset (default ${RISE_FIT.minAboveMs}, ${HODGES_BUI.minAboveMs}, ${TKEO.minAboveMs} ms)`)
      .option('--min-below-ms <ms>', `envelope detectors: time it must stay at or below it for an offset (default ${RISE_FIT.minBelowMs}, ${HODGES_BUI.minBelowMs}, ${TKEO.minBelowMs} ms)`)
      .option('--envelope-hz <hz>', `envelope detectors: low-pass corner of the envelope (default ${RISE_FIT.envelopeCutoffHz}, ${HODGES_BUI.envelopeCutoffHz}, ${TKEO.envelopeCutoffHz} Hz)`)
      .option('--bandpass <low,high>', `before detection: ${DEFAULT_BANDPASS_HELP}`)
      .option('--order <n>', 'Butterworth order of the band-pass (SciPy\'s N)', String(BANDPASS_ORDER))
      .option('--notch <hz>', 'mains notch before detection (off by default: a zero-phase notch smears large bursts back in time)')
      .option('--subject <id>', 'subject label (default: sub-XXX from a BIDS file name)');
    addRecordingOptions(cmd);
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, io: Io): Promise<CommandResult> {
    const o = options as unknown as OnsetOptions;
    const ropts = recordingOptions(o);
    const methods: OnsetMethod[] = o.method === 'all' ? [...ONSET_METHODS] : [o.method as OnsetMethod];
    if (o.events !== undefined && o.trigger !== undefined) throw new UsageError('--events and --trigger both define the trials: give one of them');
    if (o.event !== undefined && o.trigger !== undefined) throw new UsageError('--event selects events and cannot be used with --trigger');
    if (o.referenceKind === 'kinematic' && o.reference === undefined) throw new UsageError('--reference-kind kinematic needs --reference CHANNEL');
    const bandpassOpt = o.bandpass !== undefined ? (parseNumberList('--bandpass', o.bandpass, 2, { min: 0, exclusiveMin: true, unit: 'Hz' }) as [number, number]) : null;
    if (bandpassOpt && !(bandpassOpt[0] < bandpassOpt[1])) throw new UsageError(`--bandpass ${o.bandpass}: the low corner must be below the high corner`);
    const order = parseNumber('--order', o.order, { min: 1, max: 20, integer: true });
    const notchHz = o.notch !== undefined ? parseNumber('--notch', o.notch, { min: 0, exclusiveMin: true, unit: 'Hz' }) : null;
    const feedforwardMs = parseWindow('--feedforward-ms', o.feedforwardMs);
    const disagreeMs = parseNumber('--disagree-ms', o.disagreeMs, { min: 0, unit: 'ms' });
    const overrides: MethodOverrides = {
      maxRiseMs: parseNumber('--max-rise-ms', o.maxRiseMs ?? String(RISE_FIT.maxRiseMs), { min: 0, max: MAX_RISE_LIMIT_MS, unit: 'ms' }),
      stepPrior: parseNumber('--step-prior', o.stepPrior ?? String(RISE_FIT.stepPrior), { min: 0, max: 1 }),
      ...envelopeRule(o, methods),
    };
    const channelsOpt = o.channels !== undefined ? parseNameList('--channels', o.channels) : null;
    const triggerLevel = o.triggerLevel !== undefined ? parseNumber('--trigger-level', o.triggerLevel) : null;
    const triggerHysteresis = o.triggerHysteresis !== undefined ? parseNumber('--trigger-hysteresis', o.triggerHysteresis, { min: 0 }) : null;
    if (o.events !== undefined && args.length > 1) throw new UsageError('--events names one events file: give one recording with it (BIDS _events.tsv files are found beside each _emg file)');
    if (o.subject !== undefined && args.length > 1) throw new UsageError('--subject labels one recording: give one file with it (BIDS sub-XXX names are read from each file name)');

    // The chain at a recording's rate: the default band-pass's high corner follows the rate (defaultBandpassHz).
    const conditioningAt = (fsHz: number): ConditionParams => ({
      dc: true,
      filters: [{ type: 'bandpass', cutoffHz: bandpassOpt ?? defaultBandpassHz(fsHz), order }],
      notch: notchHz === null ? null : { f0Hz: notchHz, q: NOTCH_Q, harmonics: 1 },
      rectify: false,
      envelope: null,
    });
    const warnings: string[] = [];
    if (notchHz !== null) warnings.push(`--notch ${notchHz}: a zero-phase notch rings for a few hundred ms and can move onsets of large bursts earlier`);

    const records: OnsetRecord[] = [];
    const inputs: InputRef[] = [];
    const files: FileInfo[] = [];
    let baselineMs: readonly [number, number] = BASELINE_MS;
    let searchMs: readonly [number, number] = SEARCH_MS;
    for (const path of args) {
      const { recording, warnings: w } = await readRecording(path, ropts);
      warnings.push(...w);
      const names = recording.channels.map((c) => c.name);
      const known = (flag: string, name: string): string => {
        if (!names.includes(name)) throw new UsageError(`${flag} "${name}" is not a channel of ${path} (channels: ${names.join(', ')})`);
        return name;
      };
      const trigger = o.trigger !== undefined ? known('--trigger', o.trigger) : null;
      const reference = o.reference !== undefined ? known('--reference', o.reference) : null;
      const excluded = new Set([trigger, o.referenceKind === 'kinematic' ? reference : null].filter((v): v is string => v !== null));
      const channels = channelsOpt ? channelsOpt.map((c) => known('--channels', c)) : names.filter((c) => !excluded.has(c));
      if (channels.length === 0) throw new UsageError(`${path}: no channel left to analyse (channels: ${names.join(', ')})`);

      const eventsPath = o.events ?? (trigger === null ? bidsEventsPath(path) : null);
      let trials: OnsetTrialSource;
      let triggerInfo: { level: number; hysteresis: number } | null = null;
      if (eventsPath !== null) {
        trials = { kind: 'events', events: await loadEvents(eventsPath, recording, path, o.event) };
        if (trials.events.length === 0) warnings.push(`${path}: ${eventsPath} holds no events; no trials`);
      } else if (trigger !== null) {
        const auto = autoTriggerLevel(recording.channels.find((c) => c.name === trigger)!.samples);
        triggerInfo = { level: triggerLevel ?? auto.level, hysteresis: triggerHysteresis ?? auto.hysteresis };
        trials = { kind: 'trigger', channel: trigger, params: { ...triggerInfo, edge: o.triggerEdge } };
      } else if (reference !== null) {
        trials = { kind: 'reference' };
      } else {
        if (o.event !== undefined) throw new UsageError(`--event "${o.event}" needs an events file: give --events FILE (no BIDS _events.tsv beside ${path})`);
        trials = { kind: 'continuous' };
      }
      const fromReference = trials.kind === 'reference';
      baselineMs = o.baselineMs !== undefined ? parseWindow('--baseline-ms', o.baselineMs) : fromReference ? REFERENCE_BASELINE_MS : BASELINE_MS;
      searchMs = o.searchMs !== undefined ? parseWindow('--search-ms', o.searchMs) : fromReference ? REFERENCE_SEARCH_MS : SEARCH_MS;
      const baselineSamples = msToSamples(baselineMs[1], recording.fsHz) - msToSamples(baselineMs[0], recording.fsHz);
      if (baselineSamples < 4) {
        throw new UsageError(`--baseline-ms ${baselineMs.join(',')}: the baseline window holds ${baselineSamples} samples at ${recording.fsHz} Hz; it needs at least 4`);
      }
      if (msToSamples(searchMs[1], recording.fsHz) - msToSamples(searchMs[0], recording.fsHz) < 1) {
        throw new UsageError(`--search-ms ${searchMs.join(',')}: the search window holds no sample at ${recording.fsHz} Hz`);
      }
      if (overrides.envelopeCutoffHz !== undefined && !(overrides.envelopeCutoffHz < recording.fsHz / 2)) {
        throw new UsageError(`--envelope-hz ${overrides.envelopeCutoffHz} Hz must be below Nyquist ${recording.fsHz / 2} Hz of ${path} (fs ${recording.fsHz} Hz)`);
      }
      const subject = o.subject ?? bidsSubject(path);
      const conditioning = conditioningAt(recording.fsHz);
      const band = conditioning.filters[0].cutoffHz as [number, number];
      const bandWarning = bandpassOpt === null ? defaultBandWarning(path, recording.fsHz) : null;
      if (bandWarning !== null) warnings.push(bandWarning);
      const opts: OnsetRecordingOptions = {
        channels,
        methods: methods.map((m) => methodParams(m, recording.fsHz, overrides)),
        conditioning,
        trials,
        reference: reference === null ? null : { channel: reference, kind: o.referenceKind, kinematic: { fsHz: recording.fsHz, marginMs: ONSET_MARGIN_MS, ...KINEMATIC } },
        baselineMs,
        searchMs,
        feedforwardMs,
        disagreeMs,
        edgeMs: EDGE_MS,
        noisyBaselineRatio: NOISY_BASELINE_RATIO,
        subject,
        quietBaseline: QUIET_BASELINE,
      };
      const result = onsetRecording(recording, path, opts);
      warnings.push(...result.warnings);
      records.push(...result.records);
      inputs.push(...(await recordingInputs(path)));
      if (eventsPath !== null) inputs.push({ path: eventsPath, sha256: await sha256File(eventsPath) });
      files.push({
        path, subject, fs_hz: recording.fsHz, trials_from: trials.kind, events: eventsPath, trigger_level: triggerInfo?.level ?? null,
        trigger_hysteresis: triggerInfo?.hysteresis ?? null, n_trials: result.trials.length, channels, baseline_ms: [...baselineMs], search_ms: [...searchMs],
        bandpass_hz: [...band],
      });
      if (args.length > 1) io.stderr(`myoscope: onset: ${path}: ${result.trials.length} trials\n`);
    }
    const summary = onsetSummary(records);
    const fs0 = files[0]?.fs_hz ?? 1000;
    return {
      command: 'onset',
      params: {
        files: args,
        method: o.method,
        methods: Object.fromEntries(methods.map((m) => [m, snakeParams(methodParams(m, fs0, overrides))])),
        channels: channelsOpt,
        events: o.events ?? null,
        event: o.event ?? null,
        trigger: o.trigger ?? null,
        trigger_level: triggerLevel,
        trigger_hysteresis: triggerHysteresis,
        trigger_edge: o.triggerEdge,
        reference: o.reference ?? null,
        reference_kind: o.referenceKind,
        kinematic: o.referenceKind === 'kinematic' ? snakeParams(KINEMATIC) : null,
        baseline_ms: [...baselineMs],
        search_ms: [...searchMs],
        feedforward_ms: feedforwardMs,
        disagree_ms: disagreeMs,
        edge_ms: EDGE_MS,
        noisy_baseline_ratio: NOISY_BASELINE_RATIO,
        margin_ms: ONSET_MARGIN_MS,
        quiet_baseline: snakeParams(QUIET_BASELINE),
        bandpass_hz: bandpassOpt ?? defaultBandpassHz(fs0),
        order,
        notch_hz: notchHz,
        notch_q: notchHz === null ? null : NOTCH_Q,
        conditioning: describeChain(conditioningAt(fs0), fs0),
        risefit_fit: methods.includes('risefit') ? 'onsets fitted on the conditioning chain run once forward (causal), offsets on it run once backward; each stage starts from its steady state' : null,
        subject: o.subject ?? null,
        fs_hz: ropts.fsHz ?? null,
        unit: ropts.unit ?? null,
        names: ropts.names ?? null,
        time_tolerance_periods: ropts.timeTolerance,
      },
      inputs,
      results: records as unknown as Record<string, unknown>[],
      warnings,
      extra: { summary, files },
      human: ({ colour }) => human(records, summary, files, colour),
    };
  },
};
