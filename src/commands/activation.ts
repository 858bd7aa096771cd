import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { BANDPASS_HZ, BANDPASS_ORDER, defaultBandpassHz, ENVELOPE_CUTOFF_HZ, ENVELOPE_ORDER, MVC_WINDOW_MS, NOTCH_Q } from '../dsp/defaults.js';
import { nextPow2 } from '../dsp/next-pow2.js';
import { FATIGUE_WINDOW_MS, WELCH_OVERLAP_PCT, WELCH_SEGMENT_MS } from '../dsp/spectral-defaults.js';
import { InputError, UsageError } from '../errors.js';
import type { Io } from '../io/io.js';
import { sha256File, type CommandResult, type InputRef } from '../io/output.js';
import { readEvents } from '../io/read-events.js';
import { readRecording, type ReadRecordingOptions } from '../io/read-recording.js';
import { sampleCount, type Recording } from '../model/recording.js';
import {
  analyseRecording,
  conditionMvc,
  type ActivationParams,
  type ActivationRecord,
  type ChannelReference,
  type ConditionedMvc,
} from '../pipeline/activation-recording.js';
import { welchSamples } from '../pipeline/activation-spectrum.js';
import { subjectMeans } from '../pipeline/activation-subjects.js';
import { taskWindows, type SkippedWindow, type TaskWindow, type WindowSpec } from '../pipeline/activation-windows.js';
import { describeChain, type ConditionParams, type EnvelopeStage } from '../pipeline/condition-channel.js';
import { formatNumber, renderTable } from '../render/table.js';
import { FALCONER_WINTER_FORMULA, type IntegrationRule } from '../stats/co-contraction-falconer-winter.js';
import { RUDOLPH_FORMULA } from '../stats/co-contraction-rudolph.js';
import type { CommandModule } from './command-module.js';
import { conditionParams, defaultBandWarning, DEFAULT_BANDPASS_HELP } from './condition-options.js';
import { addOutputOptions, addRecordingOptions, parseNameList, parseNumber, parseNumberList, recordingOptions } from './options.js';
import { recordingInputs } from '../io/recording-files.js';
import { assertNoMissing } from '../pipeline/assert-no-missing.js';

interface ActivationOptions {
  events?: string;
  trialType?: string;
  windowMs?: string;
  window?: string;
  subject?: string;
  channels?: string;
  bandpass?: string;
  order: string;
  notch?: string;
  notchQ: string;
  notchHarmonics: string;
  envelope: string;
  envelopeOrder: string;
  mvc?: string;
  mvcWindowMs: string;
  ratio: string[];
  coContraction: string[];
  welchSegmentMs: string;
  welchOverlapPct: string;
  fatigueWindowMs: string;
  confLevel: string;
  integration: string;
  records: string;
}

function parsePairs(flag: string, raws: readonly string[], sep: string): [string, string][] {
  return raws.map((raw) => {
    const parts = raw.split(sep).map((s) => s.trim());
    if (parts.length !== 2 || parts.some((p) => p === '')) throw new UsageError(`${flag} "${raw}" must name two channels as A${sep}B`);
    if (parts[0] === parts[1]) throw new UsageError(`${flag} "${raw}" names the same channel twice`);
    return [parts[0], parts[1]];
  });
}

/** BIDS entities of a file name: `sub-01_task-reach_emg.csv.gz` → subject `sub-01`, task `reach`. */
function bidsEntities(path: string): { subject?: string; task?: string; stem?: string } {
  const name = basename(path);
  const sub = /(?:^|_)(sub-[A-Za-z0-9]+)(?=_|\.|$)/.exec(name);
  const task = /(?:^|_)task-([A-Za-z0-9]+)(?=_|\.|$)/.exec(name);
  const stem = /^(.*)_emg\.[^/]+$/.exec(name);
  return { subject: sub?.[1], task: task?.[1], stem: stem?.[1] };
}

function subjectOf(path: string, rec: Recording, override: string | undefined): string {
  return override ?? bidsEntities(path).subject ?? rec.source.metadata.subject ?? basename(path).replace(/(\.gz)?$/i, '').replace(/\.[^.]*$/, '');
}

/** The BIDS events file beside a recording: `<stem>_events.tsv`. */
function bidsEventsPath(path: string): string {
  const { stem } = bidsEntities(path);
  if (stem === undefined) throw new UsageError(`--events bids: ${path} is not named like a BIDS recording (<entities>_emg.<ext>)`);
  return join(dirname(path), `${stem}_events.tsv`);
}

/** The BIDS MVC recording(s) of a subject beside a recording: `<subject>_task-mvc…_emg.*`. */
async function bidsMvcPaths(path: string, subject: string): Promise<string[]> {
  const dir = dirname(path);
  const names = await readdir(dir);
  const found = names.filter((n) => n.startsWith(`${subject}_`) && /(?:^|_)task-mvc(?=_|\.)/i.test(n) && /_emg\.[^/]+$/.test(n) && !n.endsWith('.json')).sort();
  if (found.length === 0) throw new UsageError(`--mvc bids: no ${subject}_task-mvc…_emg recording beside ${path}`);
  return found.map((n) => join(dir, n));
}

interface Resolved {
  params: ActivationParams;
  spec: 'whole' | 'absolute' | 'events';
  absolute: [number, number] | null;
  offsetMs: [number, number] | null;
  labels: string[];
}

function resolve(o: ActivationOptions): Resolved {
  // The shared conditioning flags (as `process` parses them), with this command's defaults:
  // DC removal, band-pass, rectification and an envelope always run.
  const chain = conditionParams({
    dc: true,
    bandpass: o.bandpass ?? BANDPASS_HZ.join(','),
    order: o.order,
    notch: o.notch,
    notchQ: o.notchQ,
    notchHarmonics: o.notchHarmonics,
    rectify: true,
    envelope: o.envelope,
    envelopeOrder: o.envelopeOrder,
  });
  const filter: ConditionParams = { ...chain, rectify: false, envelope: null };
  if (chain.envelope === null) throw new UsageError(`--envelope "${o.envelope}" must be lowpass:HZ or rms:MS`);
  const envelope: EnvelopeStage = chain.envelope;
  const integration = o.integration as IntegrationRule;
  if (integration !== 'trapezoid' && integration !== 'rectangle') throw new UsageError(`--integration "${o.integration}" must be trapezoid or rectangle`);
  if (o.window !== undefined && o.events !== undefined) throw new UsageError('--window (absolute) and --events cannot be combined');
  if (o.windowMs !== undefined && o.events === undefined) throw new UsageError('--window-ms is relative to event onsets: give --events FILE or --events bids');
  if (o.trialType !== undefined && o.events === undefined) throw new UsageError('--trial-type selects events: give --events FILE or --events bids');
  const absolute = o.window === undefined ? null : (parseNumberList('--window', o.window, 2, { unit: 's' }) as [number, number]);
  const offsetMs = o.windowMs === undefined ? null : (parseNumberList('--window-ms', o.windowMs, 2, { unit: 'ms' }) as [number, number]);
  return {
    params: {
      filter,
      envelope,
      mvcWindowMs: o.mvc === undefined ? null : parseNumber('--mvc-window-ms', o.mvcWindowMs, { min: 0, exclusiveMin: true, unit: 'ms' }),
      spectrum: {
        segmentMs: parseNumber('--welch-segment-ms', o.welchSegmentMs, { min: 0, exclusiveMin: true, unit: 'ms' }),
        overlapPct: parseNumber('--welch-overlap-pct', o.welchOverlapPct, { min: 0, unit: '%' }),
      },
      fatigueWindowMs: parseNumber('--fatigue-window-ms', o.fatigueWindowMs, { min: 0, exclusiveMin: true, unit: 'ms' }),
      confLevel: (() => {
        const c = parseNumber('--conf-level', o.confLevel, { min: 0, exclusiveMin: true });
        if (c >= 1) throw new UsageError(`--conf-level ${o.confLevel} must be below 1`);
        return c;
      })(),
      ratios: parsePairs('--ratio', o.ratio, '/'),
      coContraction: parsePairs('--co-contraction', o.coContraction, ':'),
      integration,
    },
    spec: absolute !== null ? 'absolute' : o.events !== undefined ? 'events' : 'whole',
    absolute,
    offsetMs,
    labels: o.trialType === undefined ? [] : parseNameList('--trial-type', o.trialType),
  };
}

/** The file whose hash identifies a recording: the header of a WFDB record. */
interface RecordingSummary {
  path: string;
  subject: string;
  group: string;
  task: string;
  fs_hz: number;
  /** Band-pass corners used for this recording (the default's high corner follows its rate). */
  bandpass_hz: number[];
  n_samples: number;
  channels: string[];
  events: string | null;
  windows: { trial: string; start_s: number; end_s: number; event_onset_s?: number; event_label?: string }[];
  skipped: SkippedWindow[];
  mvc: string[];
  mvc_references: Record<string, unknown>[];
}

function referenceJson(r: ChannelReference): Record<string, unknown> {
  return {
    channel: r.channel,
    unit: r.unit,
    envelope_mvc: r.envelopeMvc,
    envelope_source: r.envelopeSource,
    envelope_start_s: r.envelopeStartS,
    rms_mvc: r.rmsMvc,
    rms_source: r.rmsSource,
    rms_start_s: r.rmsStartS,
  };
}

function human(records: ActivationRecord[], colour: boolean, normalised: boolean): string {
  const subj = records.filter((r) => r.trial === 'mean');
  const rows = new Map<string, { key: [string, string, string, string]; n: number; v: Record<string, number>; unit: string }>();
  const pairs: (string | number)[][] = [];
  for (const r of subj) {
    if (r.channel.includes('/') || r.channel.includes(':')) {
      pairs.push([r.subject, r.group, r.task, r.channel, r.measure, formatNumber(r.value), r.unit, r.n_trials ?? 0]);
      continue;
    }
    const id = [r.subject, r.task, r.channel].join('\u0000');
    const e = rows.get(id) ?? { key: [r.subject, r.group, r.task, r.channel], n: r.n_trials ?? 0, v: {}, unit: '' };
    e.v[r.measure.replace(/_pct_mvc$/, '')] = r.value;
    if (r.measure.startsWith('rms')) e.unit = r.unit;
    rows.set(id, e);
  }
  const f = (x: number | undefined) => (x === undefined ? '–' : formatNumber(x));
  const parts = [
    renderTable(
      {
        title: `activation per subject and channel (mean over trials${normalised ? '; amplitudes in %MVC' : ''})`,
        head: ['subject', 'group', 'task', 'channel', 'trials', 'RMS', 'envelope mean', 'unit', 'MNF Hz', 'MDF Hz', 'MDF slope %/s'],
        rows: [...rows.values()].map((e) => [...e.key, e.n, f(e.v.rms), f(e.v.envelope_mean), e.unit, f(e.v.mean_frequency_hz), f(e.v.median_frequency_hz), f(e.v.mdf_slope_pct_per_s)]),
        alignRight: [4, 5, 6, 8, 9, 10],
      },
      colour,
    ),
  ];
  if (pairs.length > 0) {
    parts.push(
      renderTable(
        { title: 'ratios and co-contraction per subject', head: ['subject', 'group', 'task', 'pair', 'measure', 'value', 'unit', 'trials'], rows: pairs, alignRight: [5, 7] },
        colour,
      ),
    );
  }
  parts.push('per-trial and per-subject records: --csv or --json\n');
  return parts.join('\n');
}

const RECORD_COLUMNS = ['subject', 'group', 'task', 'trial', 'channel', 'measure', 'value', 'unit', 'ci_lower', 'ci_upper', 'n_trials', 'window_start_s', 'window_end_s', 'recording'];

export const activationCommand: CommandModule = {
  name: 'activation',
  register(program: Command): Command {
    const collect = (v: string, prev: string[]) => [...prev, v];
    const cmd = program
      .command('activation')
      .description('EMG amplitude (%MVC), ratios between muscles, co-contraction indices and spectral fatigue in task windows')
      .argument('<recordings...>', 'EMG recordings (CSV/TSV/text, .gz, WFDB .hea)')
      .option('--events <files>', 'BIDS events.tsv, one per recording (comma-separated), or "bids" for each recording\'s <stem>_events.tsv')
      .option('--trial-type <labels>', 'use only events with these trial_type labels (comma-separated)')
      .option('--window-ms <start,end>', 'task window relative to each event onset, ms (default: the event\'s duration)')
      .option('--window <start,end>', 'one absolute task window, s from the first sample (default: the whole recording)')
      .option('--subject <id>', 'subject of every recording (default: BIDS sub-<label> in the file name, else # subject= metadata)')
      .option('--channels <list>', 'channels to report (default: all)')
      .option('--bandpass <low,high>', `Butterworth ${DEFAULT_BANDPASS_HELP}`)
      .option('--order <n>', 'band-pass order (SciPy N)', String(BANDPASS_ORDER))
      .option('--notch <hz>', 'mains notch frequency, Hz (default: none)')
      .option('--notch-q <q>', 'notch quality factor', String(NOTCH_Q))
      .option('--notch-harmonics <n>', 'notch f0 and its harmonics up to n·f0 (below Nyquist)', '1')
      .option('--envelope <spec>', 'envelope of the rectified signal: lowpass:HZ or rms:MS', `lowpass:${ENVELOPE_CUTOFF_HZ}`)
      .option('--envelope-order <n>', 'order of the envelope low-pass (SciPy N)', String(ENVELOPE_ORDER))
      .option('--mvc <files>', 'MVC recordings (comma-separated, matched to recordings by subject), or "bids" for <subject>_task-mvc…_emg beside each recording')
      .option('--mvc-window-ms <ms>', 'MVC reference: largest mean over this window', String(MVC_WINDOW_MS))
      .option('--ratio <a/b>', 'envelope-mean ratio of two channels, e.g. GMed_R/ES_R (repeatable)', collect, [])
      .option('--co-contraction <a:b>', 'co-contraction indices of two channels, e.g. ES_R:TrA_R (repeatable)', collect, [])
      .addOption(new Option('--integration <rule>', 'area rule of the Falconer–Winter index').choices(['trapezoid', 'rectangle']).default('trapezoid'))
      .option('--welch-segment-ms <ms>', 'Welch segment length (Hann window, zero-padded to a power of two)', String(WELCH_SEGMENT_MS))
      .option('--welch-overlap-pct <pct>', 'Welch segment overlap, % of the segment', String(WELCH_OVERLAP_PCT))
      .option('--fatigue-window-ms <ms>', 'epoch length of the median-frequency slope', String(FATIGUE_WINDOW_MS))
      .option('--conf-level <p>', 'confidence level of the slope interval', '0.95')
      .addOption(new Option('--records <which>', 'records to output: per trial, per subject (trial "mean"), or both').choices(['all', 'trials', 'subjects']).default('all'));
    addRecordingOptions(cmd);
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, _io: Io): Promise<CommandResult> {
    const o = options as unknown as ActivationOptions;
    const ropts: ReadRecordingOptions = recordingOptions(options as Parameters<typeof recordingOptions>[0]);
    const r = resolve(o);
    const p = r.params;
    // Parameters at a recording's rate: the default band-pass's high corner follows the rate (defaultBandpassHz).
    const paramsAt = (fsHz: number): ActivationParams =>
      o.bandpass !== undefined ? p : { ...p, filter: { ...p.filter, filters: p.filter.filters.map((f) => (f.type === 'bandpass' ? { ...f, cutoffHz: defaultBandpassHz(fsHz) } : f)) } };
    const warnings: string[] = [];
    const inputs: InputRef[] = [];

    // Events files, one per recording.
    let eventPaths: (string | null)[] = args.map(() => null);
    if (o.events !== undefined) {
      if (o.events.trim().toLowerCase() === 'bids') eventPaths = args.map(bidsEventsPath);
      else {
        const list = parseNameList('--events', o.events);
        if (list.length !== args.length) throw new UsageError(`--events names ${list.length} files for ${args.length} recordings; give one per recording, in order, or "bids"`);
        eventPaths = list;
      }
    }

    const recordings: { path: string; rec: Recording; subject: string; group: string; task: string }[] = [];
    for (const path of args) {
      const { recording, warnings: w } = await readRecording(path, ropts);
      warnings.push(...w);
      inputs.push(...(await recordingInputs(path)));
      const subject = subjectOf(path, recording, o.subject);
      recordings.push({ path, rec: recording, subject, group: recording.source.metadata.group ?? '', task: bidsEntities(path).task ?? recording.source.metadata.task ?? '' });
    }

    // Channels: all, or the ones asked for; ratio and co-contraction channels must exist too.
    const wanted = o.channels !== undefined ? parseNameList('--channels', o.channels) : null;
    const pairChannels = [...new Set([...p.ratios.flat(), ...p.coContraction.flat()])];
    const channelsOf = new Map<string, string[]>();
    for (const { path, rec } of recordings) {
      const names = rec.channels.map((c) => c.name);
      for (const c of [...(wanted ?? []), ...pairChannels]) {
        if (!names.includes(c)) throw new UsageError(`unknown channel "${c}" in ${path} (channels: ${names.join(', ')})`);
      }
      const chosen = wanted ?? names;
      channelsOf.set(path, [...chosen, ...pairChannels.filter((c) => !chosen.includes(c))]);
      assertNoMissing(rec, channelsOf.get(path) ?? []);
    }

    // MVC recordings, by subject.
    const mvcBySubject = new Map<string, { path: string; rec: Recording }[]>();
    if (o.mvc !== undefined) {
      const subjects = [...new Set(recordings.map((x) => x.subject))];
      const paths: { path: string; subject?: string }[] = [];
      if (o.mvc.trim().toLowerCase() === 'bids') {
        const seen = new Set<string>();
        for (const x of recordings) {
          for (const m of await bidsMvcPaths(x.path, x.subject)) {
            if (!seen.has(m)) paths.push({ path: m, subject: x.subject });
            seen.add(m);
          }
        }
      } else {
        for (const m of parseNameList('--mvc', o.mvc)) paths.push({ path: m });
      }
      for (const m of paths) {
        const { recording, warnings: w } = await readRecording(m.path, ropts);
        warnings.push(...w);
        inputs.push(...(await recordingInputs(m.path)));
        let subject = m.subject ?? (o.subject !== undefined ? o.subject : bidsEntities(m.path).subject ?? recording.source.metadata.subject);
        if (subject === undefined) {
          if (subjects.length !== 1) throw new UsageError(`--mvc ${m.path}: cannot tell its subject (no sub-<label> in the name, no # subject= metadata) among ${subjects.length} subjects`);
          subject = subjects[0];
        }
        mvcBySubject.set(subject, [...(mvcBySubject.get(subject) ?? []), { path: m.path, rec: recording }]);
      }
      for (const x of recordings) {
        const mvcs = mvcBySubject.get(x.subject);
        if (mvcs === undefined) throw new UsageError(`--mvc: no MVC recording for subject "${x.subject}" (${x.path}); MVC recordings are matched by subject`);
        for (const m of mvcs) {
          if (m.rec.fsHz !== x.rec.fsHz) throw new InputError({ file: m.path }, `MVC recording at ${m.rec.fsHz} Hz, but ${x.path} is at ${x.rec.fsHz} Hz: they must share the sample rate`);
          const names = m.rec.channels.map((c) => c.name);
          for (const c of channelsOf.get(x.path) ?? []) {
            if (!names.includes(c)) throw new InputError({ file: m.path }, `MVC recording has no channel "${c}" (channels: ${names.join(', ')})`);
          }
          assertNoMissing(m.rec, channelsOf.get(x.path) ?? []);
        }
      }
    }

    const slopeGaps: string[] = [];
    const conditionedMvc = new Map<string, ConditionedMvc>();
    const records: ActivationRecord[] = [];
    const summaries: RecordingSummary[] = [];
    for (const [i, x] of recordings.entries()) {
      const channels = channelsOf.get(x.path) ?? [];
      let spec: WindowSpec;
      const evPath = eventPaths[i];
      if (r.spec === 'absolute' && r.absolute !== null) spec = { kind: 'absolute', startS: r.absolute[0], endS: r.absolute[1] };
      else if (evPath !== null) {
        const events = await readEvents(evPath);
        inputs.push({ path: evPath, sha256: await sha256File(evPath) });
        spec = { kind: 'events', events, labels: r.labels, offsetMs: r.offsetMs };
      } else spec = { kind: 'whole' };
      const { windows, skipped } = taskWindows(spec, x.rec.fsHz, sampleCount(x.rec));
      for (const s of skipped) warnings.push(`${x.path}: trial ${s.trial} skipped: ${s.reason}`);
      if (windows.length === 0) {
        warnings.push(`${x.path}: no task window${evPath !== null ? ` from ${evPath}${r.labels.length ? ` with trial_type ${r.labels.join(', ')}` : ''}` : ''}; nothing measured`);
      }
      const px = paramsAt(x.rec.fsHz);
      const band = px.filter.filters[0]?.cutoffHz as [number, number];
      const bandWarning = o.bandpass === undefined ? defaultBandWarning(x.path, x.rec.fsHz) : null;
      if (bandWarning !== null) warnings.push(bandWarning);
      let mvc: ConditionedMvc[] | null = null;
      const mvcs = mvcBySubject.get(x.subject);
      if (mvcs !== undefined) {
        mvc = mvcs.map((m) => {
          const key = `${m.path}\u0000${channels.join('\u0000')}`;
          let c = conditionedMvc.get(key);
          if (c === undefined) {
            c = conditionMvc(m.rec, channels, px);
            conditionedMvc.set(key, c);
          }
          return c;
        });
      }
      const a = analyseRecording({ recording: x.rec, subject: x.subject, group: x.group, task: x.task, channels, windows, mvc }, px);
      records.push(...a.records);
      warnings.push(...a.notes);
      if (a.slopeGap !== null) slopeGaps.push(`${x.path}: ${a.slopeGap}`);
      summaries.push({
        path: x.path,
        subject: x.subject,
        group: x.group,
        task: x.task,
        fs_hz: x.rec.fsHz,
        bandpass_hz: [...band],
        n_samples: sampleCount(x.rec),
        channels,
        events: evPath,
        windows: windows.map((w: TaskWindow) => ({ trial: w.trial, start_s: w.startS, end_s: w.endS, ...(w.event ? { event_onset_s: w.event.onsetS, event_label: w.event.label } : {}) })),
        skipped,
        mvc: (mvcs ?? []).map((m) => m.path),
        mvc_references: a.references.map(referenceJson),
      });
    }
    if (slopeGaps.length > 0) {
      warnings.push(
        `no median-frequency slope for some windows of ${slopeGaps.length} of ${recordings.length} recordings (e.g. ${slopeGaps[0]}); ` +
          'use longer windows or a shorter --fatigue-window-ms',
      );
    }
    if (o.mvc === undefined && (p.ratios.length > 0 || p.coContraction.length > 0)) {
      warnings.push('ratios and co-contraction indices of envelopes not normalised to MVC depend on each channel\'s gain and electrode placement; give --mvc to compare muscles on a common scale');
    }
    const which = o.records ?? 'all';
    if (which !== 'all' && which !== 'trials' && which !== 'subjects') throw new UsageError(`--records "${which}" must be all, trials or subjects`);
    const all = [...(which === 'subjects' ? [] : records), ...(which === 'trials' ? [] : subjectMeans(records))];
    const fs0 = recordings[0]?.rec.fsHz ?? 0;
    const welch0 = fs0 > 0 ? welchSamples(fs0, p.spectrum) : null;
    return {
      command: 'activation',
      params: {
        recordings: args,
        fs_hz: ropts.fsHz ?? null,
        unit: ropts.unit ?? null,
        names: ropts.names ?? null,
        time_tolerance_periods: ropts.timeTolerance,
        subject: o.subject ?? null,
        channels: wanted,
        events: o.events ?? null,
        trial_type: r.labels,
        window_ms: r.offsetMs,
        window_s: r.absolute,
        window_source: r.spec === 'whole' ? 'whole recording' : r.spec === 'absolute' ? '--window' : r.offsetMs !== null ? 'event onset + --window-ms' : 'event onset and duration',
        remove_dc: true,
        bandpass_hz: paramsAt(fs0).filter.filters[0]?.cutoffHz,
        bandpass_order: p.filter.filters[0]?.order,
        notch_hz: p.filter.notch?.f0Hz ?? null,
        notch_q: p.filter.notch?.q ?? null,
        notch_harmonics: p.filter.notch?.harmonics ?? null,
        envelope: p.envelope.method === 'lowpass' ? `lowpass:${p.envelope.cutoffHz}` : `rms:${p.envelope.windowMs}`,
        envelope_order: p.envelope.method === 'lowpass' ? p.envelope.order : null,
        chain: describeChain({ ...paramsAt(fs0).filter, rectify: true, envelope: p.envelope }, fs0),
        normalisation: p.mvcWindowMs === null ? 'none' : 'mvc',
        mvc: o.mvc ?? null,
        mvc_window_ms: p.mvcWindowMs,
        ratios: p.ratios.map(([a, b]) => `${a}/${b}`),
        co_contraction: p.coContraction.map(([a, b]) => `${a}:${b}`),
        co_contraction_integration: p.integration,
        co_contraction_formulas: { cci_falconer_winter_pct: FALCONER_WINTER_FORMULA, cci_rudolph: RUDOLPH_FORMULA },
        welch_window: 'hann (periodic)',
        welch_detrend: 'constant',
        welch_segment_ms: p.spectrum.segmentMs,
        welch_overlap_pct: p.spectrum.overlapPct,
        welch_segment_samples: welch0?.segmentLength ?? null,
        welch_overlap_samples: welch0?.overlap ?? null,
        welch_nfft: welch0 === null ? null : nextPow2(welch0.segmentLength),
        fatigue_window_ms: p.fatigueWindowMs,
        fatigue_slope: 'least squares of median frequency on epoch centre time; %/s relative to the fitted value at the window start',
        conf_level: p.confLevel,
        records: which,
      },
      inputs,
      results: all as unknown as Record<string, unknown>[],
      warnings,
      extra: { recordings: summaries },
      csv: { records: all as unknown as Record<string, unknown>[], columns: RECORD_COLUMNS },
      human: ({ colour }) => human(all, colour, p.mvcWindowMs !== null),
    };
  },
};
