import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import type { Io } from '../io/io.js';
import { sha256File, writeFileAtomic, type CommandResult, type InputRef } from '../io/output.js';
import { readRecording, type ReadRecordingOptions } from '../io/read-recording.js';
import { readTable, type TextTable } from '../io/read-table.js';
import type { Recording } from '../model/recording.js';
import type { ConditionParams } from '../pipeline/condition-channel.js';
import { naturalCompare } from '../pipeline/thickness-cells.js';
import { renderTable } from '../render/table.js';
import type { ChangeInput } from '../report/change-wording.js';
import { buildClinicReport } from '../report/clinic-report.js';
import type { TrialChannelMarks, DisplayEnvelope } from '../report/trial-traces.js';
import { trialTraces } from '../report/trial-traces.js';
import { methodsText, type MethodsInput } from '../report/methods-text.js';
import { isBookkeeping, isClinical } from '../report/measure-names.js';
import {
  matchReferenceRow,
  normativeResults,
  referenceFromGroup,
  STRATUM_KEYS,
  type ReferenceFileRow,
  type ReferenceStats,
  type SubjectValue,
} from '../report/normative.js';
import { makePseudonymizer, type Pseudonymizer } from '../report/pseudonym.js';
import type { ComparisonsDoc, ExclusionRow, FigureRecord, StudyResults, TrialValue } from '../report/report-types.js';
import { fromSpreadsheetText, spreadsheetRecord } from '../report/spreadsheet-text.js';
import { buildStudyReport, type BuiltReport, type TrialFigureInput } from '../report/study-report.js';
import { loadStudyConfig, type LoadedConfig } from '../study/config.js';
import { buildPlan, type WorkItem } from '../study/plan.js';
import { fileStepOptions } from '../study/steps.js';
import { thicknessResult } from '../study/run-study.js';
import { memoryIo } from '../io/io.js';
import { TOOL } from '../version.js';
import type { CommandModule } from './command-module.js';
import { findCommand } from './registry.js';
import { addOutputOptions, parseNumber } from './options.js';

/** Environment variable holding the pseudonym key when `--key` is not given. */
export const PSEUDONYM_KEY_ENV = 'MYOSCOPE_PSEUDONYM_KEY';
/** Trial figures drawn at most, by default. */
export const MAX_TRIAL_FIGURES = 8;

interface ReportOptions {
  out?: string;
  patient?: string;
  referenceGroup?: string;
  referenceFile?: string;
  trials?: string;
  maxTrialFigures: string;
  pseudonymize?: boolean;
  key?: string;
  json?: boolean;
  csv?: boolean;
}

interface Provenance {
  tool?: { version?: string };
  config?: { path?: string; sha256?: string; resolved?: Record<string, unknown> };
  items?: { index: number; file: string; subject: string }[];
  counts?: { files: number; processed: number; failed: number };
}

type Params = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Reading the results folder

function rowsOf(t: TextTable): { cells: Record<string, string>; line: number }[] {
  return t.rows.map(({ cells, line }) => {
    const r: Record<string, string> = {};
    t.header.forEach((h, j) => (r[h] = fromSpreadsheetText(cells[j] ?? '')));
    return { cells: r, line };
  });
}

function needColumns(t: TextTable, path: string, columns: readonly string[]): void {
  const missing = columns.filter((c) => !t.header.includes(c));
  if (missing.length) throw new InputError({ file: path, line: t.headerLine }, `is not a myoscope results table: no column ${missing.join(', ')} (header: ${t.header.join(', ')})`);
}

function numberCell(raw: string, path: string, line: number, column: number): number | null {
  if (raw === '') return null;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new InputError({ file: path, line, column }, `"${raw}" is not a number`);
  return v;
}

async function readSubjects(path: string): Promise<SubjectValue[]> {
  const t = await readTable(path);
  needColumns(t, path, ['subject', 'group', 'session', 'task', 'step', 'channel', 'muscle', 'side', 'measure', 'value', 'unit']);
  const vcol = t.header.indexOf('value') + 1;
  return rowsOf(t).map(({ cells: c, line }) => ({
    subject: c.subject, group: c.group, session: c.session, task: c.task, step: c.step, channel: c.channel, muscle: c.muscle, side: c.side,
    measure: c.measure, value: numberCell(c.value, path, line, vcol), unit: c.unit, n: Number(c.n ?? '1') || 1,
  }));
}

async function readTrials(path: string): Promise<TrialValue[]> {
  if (!existsSync(path)) return [];
  const t = await readTable(path);
  needColumns(t, path, ['subject', 'file', 'step', 'trial', 'channel', 'measure', 'value']);
  const vcol = t.header.indexOf('value') + 1;
  return rowsOf(t).map(({ cells: c, line }) => ({
    subject: c.subject, group: c.group ?? '', session: c.session ?? '', task: c.task ?? '', run: c.run ?? '', file: c.file, step: c.step, trial: c.trial,
    channel: c.channel, muscle: c.muscle ?? '', side: c.side ?? '', method: c.method ?? '', measure: c.measure, value: numberCell(c.value, path, line, vcol), unit: c.unit ?? '', flags: c.flags ?? '',
  }));
}

async function readExclusions(path: string): Promise<ExclusionRow[]> {
  if (!existsSync(path)) return [];
  const t = await readTable(path);
  return rowsOf(t).map(({ cells: c }) => ({ file: c.file ?? '', subject: c.subject ?? '', stage: c.stage ?? '', reason: c.reason ?? '' }));
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new InputError({ file: path }, `is not readable JSON: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** A reference file: measure, optional step/task/channel/muscle/side (blank = any), mean, sd, optional n. */
async function readReferenceFile(path: string): Promise<ReferenceFileRow[]> {
  const t = await readTable(path);
  const lower = t.header.map((h) => h.trim().toLowerCase());
  const col = (name: string) => lower.indexOf(name);
  for (const need of ['measure', 'mean', 'sd']) {
    if (col(need) < 0) throw new InputError({ file: path, line: t.headerLine }, `a reference file needs the columns measure, mean and sd (and may have ${STRATUM_KEYS.join(', ')}, n); no "${need}" in ${t.header.join(', ')}`);
  }
  const out: ReferenceFileRow[] = [];
  for (const { cells, line } of t.rows) {
    const num = (name: string, required: boolean): number | null => {
      const j = col(name);
      const raw = j < 0 ? '' : (cells[j] ?? '').trim();
      if (raw === '') {
        if (required) throw new InputError({ file: path, line, column: j + 1 }, `${name} is empty`);
        return null;
      }
      const v = Number(raw);
      if (!Number.isFinite(v)) throw new InputError({ file: path, line, column: j + 1 }, `${name} "${raw}" is not a number`);
      return v;
    };
    const measure = (cells[col('measure')] ?? '').trim();
    if (measure === '') throw new InputError({ file: path, line, column: col('measure') + 1 }, 'measure is empty');
    const sd = num('sd', true) as number;
    if (sd < 0) throw new InputError({ file: path, line, column: col('sd') + 1 }, `sd ${sd} is negative`);
    const keys: ReferenceFileRow['keys'] = {};
    for (const k of STRATUM_KEYS) if (col(k) >= 0) keys[k] = (cells[col(k)] ?? '').trim();
    out.push({ measure, keys, mean: num('mean', true) as number, sd, n: num('n', false), line });
  }
  if (out.length === 0) throw new InputError({ file: path }, 'the reference file has no rows');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Re-running steps for their resolved parameters and for trial figures

/** Options for one step on one recording, as the study runner builds them. */
function stepOptions(loaded: LoadedConfig, step: 'onset' | 'activation', item: WorkItem): Record<string, unknown> | null {
  const mod = findCommand(step);
  const section = loaded.config[step];
  if (!mod || !section) return null;
  return fileStepOptions(mod, section, loaded.config.read ?? {}, item);
}

async function runStep(loaded: LoadedConfig, step: 'onset' | 'activation', item: WorkItem): Promise<CommandResult | null> {
  const options = stepOptions(loaded, step, item);
  const mod = findCommand(step);
  if (!options || !mod) return null;
  return mod.run([item.path], options, memoryIo());
}

function readOptions(loaded: LoadedConfig): ReadRecordingOptions {
  const r = (loaded.config.read ?? {}) as Record<string, unknown>;
  const o: ReadRecordingOptions = {};
  if (r.fs !== undefined) o.fsHz = Number(r.fs);
  if (typeof r.unit === 'string') o.unit = r.unit;
  if (typeof r.names === 'string') o.names = r.names.split(',').map((s) => s.trim());
  return o;
}

const numArr = (v: unknown): number[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined);

/** The band-pass (and notch) chain a step's params describe, as conditioning parameters. */
function chainFromParams(p: Params): ConditionParams {
  const bp = numArr(p.bandpass_hz);
  const order = (p.bandpass_order ?? p.order) as number | undefined;
  const notch = typeof p.notch_hz === 'number' ? p.notch_hz : numArr(p.notch_hz)?.[0];
  return {
    dc: p.remove_dc !== false,
    filters: bp && typeof order === 'number' ? [{ type: 'bandpass', cutoffHz: [bp[0], bp[1]], order }] : [],
    notch: notch !== undefined ? { f0Hz: notch, q: Number(p.notch_q ?? 30), harmonics: Number(p.notch_harmonics ?? 1) } : null,
    rectify: false,
    envelope: null,
  };
}

interface TrialPick {
  file: string;
  subject: string;
  trial: string;
  why: string;
}

/** Trials to draw: those named by --trials, then flagged ones, up to the cap; one per group when none. */
function pickTrials(trials: TrialValue[], step: string, named: { subject: string; trial?: string }[], max: number, pseudo: Pseudonymizer): { picks: TrialPick[]; flaggedTotal: number } {
  const rows = trials.filter((t) => t.step === step && t.trial !== '');
  const key = (t: { file: string; trial: string }) => `${t.file}\u0000${t.trial}`;
  const picks = new Map<string, TrialPick>();
  for (const n of named) {
    const hit = rows.find((t) => (t.subject === n.subject || t.subject === pseudo.id(n.subject)) && (n.trial === undefined || t.trial === n.trial));
    if (!hit) {
      const subjects = [...new Set(rows.map((t) => t.subject))];
      throw new UsageError(`--trials: no ${step} trial ${n.trial ?? ''} of subject "${n.subject}" in this study (subjects: ${subjects.slice(0, 12).join(', ')}${subjects.length > 12 ? ', …' : ''})`);
    }
    picks.set(key(hit), { file: hit.file, subject: hit.subject, trial: hit.trial, why: 'chosen' });
  }
  const flagged = new Map<string, TrialPick>();
  for (const t of rows) if (t.flags !== '' && !flagged.has(key(t))) flagged.set(key(t), { file: t.file, subject: t.subject, trial: t.trial, why: `flagged: ${t.flags.replace(/;/g, ', ')}` });
  for (const [k, p] of flagged) if (picks.size < max && !picks.has(k)) picks.set(k, p);
  if (picks.size === 0) {
    const byGroup = new Map<string, TrialValue>();
    for (const t of rows) if (!byGroup.has(t.group)) byGroup.set(t.group, t);
    for (const t of [...byGroup.values()].slice(0, max)) picks.set(key(t), { file: t.file, subject: t.subject, trial: t.trial, why: `first trial of group ${t.group}` });
  }
  return { picks: [...picks.values()].slice(0, Math.max(max, named.length)), flaggedTotal: flagged.size };
}

function parseTrialList(raw: string): { subject: string; trial?: string }[] {
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const i = s.lastIndexOf(':');
    return i > 0 ? { subject: s.slice(0, i), trial: s.slice(i + 1) } : { subject: s };
  });
}

interface StudyContext {
  loaded: LoadedConfig | null;
  items: WorkItem[];
  stepParams: { onset?: Params; activation?: Params; thickness?: Params };
  fsHz: number[];
  thickness: CommandResult | null;
  notes: string[];
}

/** Loads the study's config and re-runs each step once for the parameters it resolved. */
async function studyContext(prov: Provenance, results: StudyResults, warnings: string[]): Promise<StudyContext> {
  const ctx: StudyContext = { loaded: null, items: [], stepParams: {}, fsHz: [], thickness: null, notes: [] };
  const path = prov.config?.path;
  if (!path || !existsSync(path)) {
    ctx.notes.push(`The study configuration ${path ?? '(unknown)'} is not there any more: processing parameters come from provenance.json only, and no single trial is drawn.`);
    return ctx;
  }
  if ((await sha256File(path)) !== prov.config?.sha256) {
    ctx.notes.push(`The study configuration ${path} changed after this run (its SHA-256 differs from provenance.json): parameters and single trials come from the configuration as it is now.`);
  }
  try {
    ctx.loaded = loadStudyConfig(path);
    ctx.items = (await buildPlan(ctx.loaded)).items;
  } catch (err) {
    ctx.notes.push(`The study configuration could not be read again (${(err as Error).message}): no single trial is drawn.`);
    ctx.loaded = null;
    return ctx;
  }
  const excluded = new Set(results.exclusions.map((e) => e.file));
  const first = ctx.items.find((it) => !excluded.has(it.relPath));
  for (const step of ['onset', 'activation'] as const) {
    if (!ctx.loaded.config[step] || !first) continue;
    try {
      const r = await runStep(ctx.loaded, step, first);
      if (r) {
        ctx.stepParams[step] = r.params;
        const recs = (r.extra?.files ?? r.extra?.recordings) as { fs_hz?: number }[] | undefined;
        for (const f of recs ?? []) if (typeof f.fs_hz === 'number' && !ctx.fsHz.includes(f.fs_hz)) ctx.fsHz.push(f.fs_hz);
      }
    } catch (err) {
      warnings.push(`${step} parameters could not be resolved again on ${first.relPath}: ${(err as Error).message}`);
    }
  }
  const t = ctx.loaded.config.thickness;
  if (t && typeof t.table === 'string') {
    const full = resolve(ctx.loaded.baseDir, t.table);
    try {
      ctx.thickness = await thicknessResult(ctx.loaded, full);
      ctx.stepParams.thickness = ctx.thickness.params;
    } catch (err) {
      warnings.push(`thickness reliability could not be computed again from ${full}: ${(err as Error).message}`);
    }
  }
  return ctx;
}

/** Single-trial figures: onsets with their baseline and threshold when the study detected them, else the activation windows. */
async function trialFigures(ctx: StudyContext, results: StudyResults, o: { named: { subject: string; trial?: string }[]; max: number }, pseudo: Pseudonymizer, warnings: string[]): Promise<{ figures: TrialFigureInput[]; note: string }> {
  const step = ctx.stepParams.onset ? 'onset' : ctx.stepParams.activation ? 'activation' : null;
  if (!ctx.loaded || step === null) {
    return { figures: [], note: ctx.loaded ? 'The study has no EMG step (onset or activation), so there are no single trials to draw.' : 'Single trials need the study configuration and recordings, which are not available.' };
  }
  if (o.max === 0 && o.named.length === 0) return { figures: [], note: 'Single-trial figures were turned off (--max-trial-figures 0).' };
  const { picks, flaggedTotal } = pickTrials(results.trials, step, o.named, o.max, pseudo);
  const params = ctx.stepParams[step] as Params;
  const byRel = new Map(ctx.items.map((it) => [pseudo.text(it.relPath), it]));
  const figures: TrialFigureInput[] = [];
  const recordings = new Map<string, Recording>();
  const stepRuns = new Map<string, CommandResult | null>();
  for (const pick of picks) {
    const item = byRel.get(pick.file);
    if (!item || !existsSync(item.path)) {
      warnings.push(`${pick.file}: recording not found, trial ${pick.trial} not drawn`);
      continue;
    }
    try {
      let rec = recordings.get(item.path);
      if (!rec) {
        rec = (await readRecording(item.path, readOptions(ctx.loaded))).recording;
        recordings.set(item.path, rec);
      }
      const rows = results.trials.filter((t) => t.file === pick.file && t.trial === pick.trial && t.step === step);
      const channels = [...new Set(rows.map((r) => r.channel))].filter((c) => rec.channels.some((ch) => ch.name === c));
      const chain = chainFromParams(params);
      let envelope: DisplayEnvelope;
      let marks: TrialChannelMarks[];
      let zeroS: number;
      let span: [number, number];
      if (step === 'onset') {
        const methods = (params.methods ?? {}) as Record<string, Params>;
        const [methodName, mp] = Object.entries(methods)[0] ?? ['', {}];
        envelope = { method: 'lowpass', cutoffHz: Number(mp.envelope_cutoff_hz ?? 50), order: Number(mp.envelope_order ?? 2), teagerKaiser: methodName === 'tkeo' };
        const baseline = (numArr(params.baseline_ms) ?? [-500, 0]) as [number, number];
        const search = (numArr(params.search_ms) ?? [0, 1000]) as [number, number];
        const value = (ch: string, measure: string) => rows.find((r) => r.channel === ch && r.measure === measure && (r.method === methodName || r.method === ''))?.value ?? null;
        zeroS = rows.find((r) => r.measure === 'event_s' && r.value !== null)?.value ?? Number.NaN;
        if (!Number.isFinite(zeroS)) throw new Error('the trial has no event time');
        span = [baseline[0] - 100, search[1]];
        const k = typeof mp.threshold_sd === 'number' && methodName !== 'bonato' ? mp.threshold_sd : undefined;
        marks = channels.map((ch) => {
          const mean = value(ch, 'baseline_mean');
          const sd = value(ch, 'baseline_sd');
          return {
            channel: ch,
            flags: rows.find((r) => r.channel === ch && r.flags !== '')?.flags ?? '',
            onsetS: value(ch, 'onset_s'),
            threshold: k !== undefined && mean !== null && sd !== null ? mean + k * sd : undefined,
            baselineMs: baseline,
          };
        });
      } else {
        const env = String(params.envelope ?? 'lowpass:6');
        envelope = env.startsWith('rms:') ? { method: 'rms', windowMs: Number(env.slice(4)) } : { method: 'lowpass', cutoffHz: Number(env.slice(8)), order: Number(params.envelope_order ?? 2), teagerKaiser: false };
        if (!stepRuns.has(item.path)) stepRuns.set(item.path, await runStep(ctx.loaded, 'activation', item));
        const run = stepRuns.get(item.path);
        const windows = ((run?.extra?.recordings as { windows?: { trial: string; start_s: number; end_s: number; event_onset_s?: number }[] }[] | undefined)?.[0]?.windows) ?? [];
        const w = windows.find((x) => String(x.trial) === pick.trial);
        if (!w) throw new Error(`the activation step has no window for trial ${pick.trial}`);
        zeroS = w.event_onset_s ?? w.start_s;
        const win: [number, number] = [(w.start_s - zeroS) * 1000, (w.end_s - zeroS) * 1000];
        span = [Math.min(-300, win[0] - 200), win[1] + 200];
        marks = channels.map((ch) => ({ channel: ch, flags: rows.find((r) => r.channel === ch && r.flags !== '')?.flags ?? '', windowMs: win }));
      }
      const traces = trialTraces(rec, chain, envelope, { zeroS, fromMs: span[0], toMs: span[1] }, marks);
      if (traces.length === 0) continue;
      const title = `${pick.subject}, ${basename(pick.file)}, trial ${pick.trial}`;
      const what =
        step === 'onset'
          ? 'Shaded: baseline window; dashed red line: detection threshold (baseline mean + k SD of the detector\'s envelope, from the study\'s own detection); solid red line: detected onset.'
          : 'Shaded: the window the activation step measured.';
      figures.push({
        title,
        caption: `${title} (${pick.why}). Left: raw (grey) and band-passed (blue) signal; right: the envelope, in the recording's unit. ${what} Envelopes are recomputed over the whole recording for display; traces are thinned to their min–max per pixel column. Time in ms from the trial's event.`,
        channels: traces,
      });
    } catch (err) {
      warnings.push(`${pick.file}: trial ${pick.trial} not drawn: ${(err as Error).message}`);
    }
  }
  const flaggedText = step === 'onset' ? `${flaggedTotal} trial${flaggedTotal === 1 ? ' is' : 's are'} flagged (no onset, onset at the window edge, noisy baseline, …). ` : '';
  return {
    figures,
    note: `${flaggedText}${figures.length} trial${figures.length === 1 ? '' : 's'} drawn (at most ${o.max}; choose others with --trials SUBJECT:TRIAL): chosen trials first, then flagged ones, else the first trial of each group.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Clinic mode

interface ClinicOutcome {
  report: BuiltReport;
  records: Record<string, unknown>[];
  reference: string;
  /** The session the summary sentences are about (the patient's latest). */
  latest: string;
  /** The patient as shown (pseudonym when asked for). */
  patient: string;
}

async function clinic(
  o: ReportOptions,
  results: StudyResults,
  ctx: StudyContext,
  configReference: string | undefined,
  pseudo: Pseudonymizer,
  methods: string[],
  inputs: InputRef[],
): Promise<ClinicOutcome> {
  const id = o.patient as string;
  const patientRows = results.subjects.filter((s) => s.subject === id || (pseudo.active && s.subject === pseudo.id(id)));
  if (patientRows.length === 0) {
    const subjects = [...new Set(results.subjects.map((s) => s.subject))];
    throw new UsageError(`--patient "${id}" is not a subject of this study (subjects: ${subjects.slice(0, 12).join(', ')}${subjects.length > 12 ? ', …' : ''})`);
  }
  const shownId = patientRows[0].subject;
  const group = patientRows[0].group;
  const sessionOrder = ((ctx.stepParams.thickness?.sessions as string[] | undefined) ?? []).slice();
  const order = (a: string, b: string) => {
    const ia = sessionOrder.indexOf(a);
    const ib = sessionOrder.indexOf(b);
    return ia >= 0 && ib >= 0 ? ia - ib : naturalCompare(a, b);
  };
  const sessions = [...new Set(patientRows.map((r) => r.session))].sort(order);
  let lookup: (v: SubjectValue) => ReferenceStats | { n: number | null; reason: string };
  let referenceName: string;
  let referenceDescription: string;
  let reference: string;
  if (o.referenceFile !== undefined) {
    if (o.referenceGroup !== undefined) throw new UsageError('--reference-group and --reference-file both name the reference: give one');
    const rows = await readReferenceFile(o.referenceFile);
    inputs.push({ path: o.referenceFile, sha256: await sha256File(o.referenceFile) });
    lookup = (v) => {
      const r = matchReferenceRow(rows, v);
      return r ? { mean: r.mean, sd: r.sd, n: r.n } : { n: null, reason: `no row for ${v.measure} in ${basename(o.referenceFile as string)}` };
    };
    reference = `file:${o.referenceFile}`;
    referenceName = 'the reference values';
    referenceDescription = `Reference: means and SDs from the file ${o.referenceFile} (${rows.length} rows; a row applies to every value of its measure that matches its non-blank ${STRATUM_KEYS.join('/')} columns, the most specific row winning).`;
  } else {
    const groups = [...new Set(results.subjects.map((s) => s.group))].sort();
    const g = o.referenceGroup ?? configReference;
    if (g === undefined) throw new UsageError(`clinic mode needs a reference: --reference-group GROUP (groups: ${groups.join(', ')}) or --reference-file FILE`);
    if (!groups.includes(g)) throw new UsageError(`--reference-group "${g}" is not a group of this study (groups: ${groups.join(', ')})`);
    const refSessions = [...new Set(results.subjects.filter((s) => s.group === g).map((s) => s.session))].sort(order);
    const refSession = refSessions[0] ?? '';
    const stats = referenceFromGroup(results.subjects, g, refSession, new Set([shownId]));
    const key = (v: SubjectValue) => [v.measure, ...STRATUM_KEYS.map((k) => v[k])].join('\u0000');
    lookup = (v) => stats.get(key(v)) ?? { n: 0, reason: `no subject of group ${g} has this value` };
    const nRef = new Set(results.subjects.filter((s) => s.group === g && s.subject !== shownId).map((s) => s.subject)).size;
    reference = `group:${g}`;
    referenceName = `the reference group (${g})`;
    referenceDescription = `Reference: the ${nRef} subjects of group ${g} of this study${refSession ? `, session ${refSession}` : ''}${group === g ? ` (the patient, also in ${g}, left out)` : ''}; mean and SD (n − 1) of their per-subject values, per measure, muscle, side and channel.`;
  }
  const norm = normativeResults(patientRows, lookup, referenceName);

  let changes: ChangeInput[] | null = null;
  let changeNote: string;
  const studySessions = new Set(results.subjects.map((s) => s.session).filter((s) => s !== ''));
  if (studySessions.size === 0) {
    changeNote = 'Change over time is not available: the study has one session per subject.';
  } else if (sessions.length < 2) {
    changeNote = `Change over time is not available: patient ${shownId} has one session only (${sessions[0] || 'none'}).`;
  } else {
    const from = sessions[0];
    const to = sessions[sessions.length - 1];
    changes = [];
    const thicknessChanges = ((ctx.thickness?.extra?.session_changes ?? []) as Record<string, unknown>[]).filter((c) => pseudo.id(String(c.subject)) === shownId && c.session_from === from && c.session_to === to);
    const covered = new Set<string>();
    for (const c of thicknessChanges) {
      changes.push({ muscle: String(c.muscle), side: String(c.side), channel: 'n/a', measure: String(c.measure), unit: String(c.unit), sessionFrom: from, sessionTo: to, change: Number(c.change), mdc95: typeof c.mdc95 === 'number' ? c.mdc95 : null });
      covered.add(`thickness\u0000${c.muscle}\u0000${c.side}\u0000${c.measure}`);
    }
    const at = (s: string) => new Map(patientRows.filter((r) => r.session === s && r.value !== null && !isBookkeeping(r.measure)).map((r) => [[r.step, r.task, r.channel, r.muscle, r.side, r.measure].join('\u0000'), r]));
    const a = at(from);
    const b = at(to);
    for (const [k, ra] of a) {
      const rb = b.get(k);
      if (!rb || covered.has(`${ra.step}\u0000${ra.muscle}\u0000${ra.side}\u0000${ra.measure}`)) continue;
      changes.push({ muscle: ra.muscle, side: ra.side, channel: ra.channel, measure: ra.measure, unit: ra.unit, sessionFrom: from, sessionTo: to, change: (rb.value as number) - (ra.value as number), mdc95: null });
    }
    changeNote = `Change from session ${from} to ${to}. A change is called real only when it is at least the minimal detectable change MDC95 = 1.96·√2·SEM${ctx.thickness ? `, with the SEM from the thickness measurements' trial-to-trial reliability at baseline (${String(ctx.thickness.params.sem_icc ?? '')})` : ''}; measures without an MDC are shown without that judgement.`;
  }
  const report = await buildClinicReport({
    patient: shownId,
    patientGroup: group,
    studyName: results.name,
    subtitle: `Study results ${results.dir}; myoscope ${TOOL.version}`,
    referenceName,
    referenceDescription,
    results: norm,
    sessions,
    changes,
    changeNote,
    methods,
  });
  const records = norm.map((r) => ({ kind: 'patient_measure', ...r, reference }));
  return { report, records, reference, latest: sessions[sessions.length - 1] ?? '', patient: shownId };
}

// ---------------------------------------------------------------------------------------------

function safeFileName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'patient';
}

function humanSummary(out: string, figures: FigureRecord[], records: Record<string, unknown>[], latest: string, colour: boolean): string {
  const head = renderTable({ title: `report → ${out}`, head: ['figure', 'kind', 'title', 'SVG bytes'], rows: figures.map((f) => [f.figure, f.figure_kind, f.title, f.svg_bytes]), alignRight: [3] }, colour);
  const patient = records.filter((r) => r.kind === 'patient_measure' && r.wording !== '' && r.session === latest && isClinical(String(r.measure)));
  return `${head}${patient.length ? `\n${patient.map((r) => `  ${String(r.wording)}`).join('\n')}\n` : ''}wrote ${out}\n`;
}

export const reportCommand: CommandModule = {
  name: 'report',
  register(program: Command): Command {
    const cmd = program
      .command('report')
      .description('one self-contained HTML report of a study run (methods, data quality, trial and group figures, effect sizes, comparisons), or a clinic report of one patient against a normative reference')
      .argument('<results-dir>', 'output folder of `myoscope run`')
      .option('--out <file>', 'HTML file to write (default: report.html, or report-<patient>.html, in the results folder)')
      .option('--patient <id>', 'clinic mode: this subject against a normative reference')
      .option('--reference-group <group>', "clinic mode: the study's own group as the reference (default: the study's reference group)")
      .option('--reference-file <file>', 'clinic mode: CSV of reference values: measure, [step, task, channel, muscle, side,] mean, sd, [n]')
      .option('--trials <list>', 'single trials to draw besides the flagged ones: SUBJECT or SUBJECT:TRIAL, comma-separated')
      .option('--max-trial-figures <n>', 'single-trial figures drawn at most', String(MAX_TRIAL_FIGURES))
      .option('--pseudonymize', `replace subject IDs by keyed pseudonyms (P- + HMAC-SHA256) in every output; key from --key or ${PSEUDONYM_KEY_ENV}`)
      .option('--key <key>', 'key of the pseudonyms (same key, same pseudonyms)');
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, io: Io): Promise<CommandResult> {
    const o = options as unknown as ReportOptions;
    const dir = resolve(io.cwd, args[0]);
    const maxTrials = parseNumber('--max-trial-figures', o.maxTrialFigures, { integer: true, min: 0, max: 100 });
    if (o.key !== undefined && !o.pseudonymize) throw new UsageError('--key is the key of --pseudonymize: add --pseudonymize');
    const key = o.pseudonymize ? (o.key ?? io.env[PSEUDONYM_KEY_ENV]) : undefined;
    if (o.pseudonymize && (key === undefined || key === '')) throw new UsageError(`--pseudonymize needs a key: --key KEY or the environment variable ${PSEUDONYM_KEY_ENV}`);
    if (o.patient === undefined && (o.referenceGroup !== undefined || o.referenceFile !== undefined)) throw new UsageError('--reference-group and --reference-file are for clinic mode: add --patient ID');
    if (o.patient !== undefined && o.trials !== undefined) throw new UsageError('--trials draws single trials of a study report; clinic mode (--patient) has none');
    const named = o.trials !== undefined ? parseTrialList(o.trials) : [];

    const provPath = join(dir, 'provenance.json');
    if (!existsSync(dir)) throw new UsageError(`${args[0]}: no such folder`);
    if (!existsSync(provPath)) throw new InputError({ file: provPath }, 'not found: give the output folder of `myoscope run` (it holds provenance.json, subjects.csv, …)');
    const prov = readJson<Provenance>(provPath);
    const subjectsPath = join(dir, 'subjects.csv');
    if (!existsSync(subjectsPath)) throw new InputError({ file: subjectsPath }, 'not found: the run did not finish (a sharded run needs `myoscope merge` first)');
    const rawSubjects = await readSubjects(subjectsPath);
    const rawTrials = await readTrials(join(dir, 'trials.csv'));
    const rawExclusions = await readExclusions(join(dir, 'exclusions.csv'));
    const compPath = join(dir, 'comparisons.json');
    const rawComparisons = existsSync(compPath) ? readJson<ComparisonsDoc>(compPath) : null;
    const inputs: InputRef[] = [];
    for (const f of ['provenance.json', 'subjects.csv', 'trials.csv', 'exclusions.csv', 'comparisons.json']) {
      const p = join(dir, f);
      if (existsSync(p)) inputs.push({ path: p, sha256: await sha256File(p) });
    }

    // Every identifier is replaced once, here, before anything is built from the data.
    const ids = new Set([...rawSubjects.map((s) => s.subject), ...rawTrials.map((t) => t.subject), ...rawExclusions.map((e) => e.subject), ...(prov.items ?? []).map((i) => i.subject)]);
    const pseudo = makePseudonymizer(ids, key);
    const resolved = (prov.config?.resolved ?? {}) as Record<string, unknown>;
    const results: StudyResults = {
      dir: pseudo.text(dir),
      name: String(resolved.name ?? basename(dirname(prov.config?.path ?? dir))),
      subjects: rawSubjects.map((s) => ({ ...s, subject: pseudo.id(s.subject) })),
      trials: rawTrials.map((t) => ({ ...t, subject: pseudo.id(t.subject), file: pseudo.text(t.file) })),
      exclusions: rawExclusions.map((e) => ({ ...e, subject: pseudo.id(e.subject), file: pseudo.text(e.file), reason: pseudo.text(e.reason) })),
      comparisons: rawComparisons ? { params: rawComparisons.params ?? {}, results: rawComparisons.results ?? [], warnings: (rawComparisons.warnings ?? []).map((w) => pseudo.text(w)) } : null,
      counts: prov.counts ?? { files: 0, processed: 0, failed: 0 },
      configPath: pseudo.text(prov.config?.path ?? ''),
      configSha256: prov.config?.sha256 ?? '',
      toolVersion: prov.tool?.version ?? '',
    };
    const warnings: string[] = [];
    const ctx = await studyContext(prov, results, warnings);
    const group = resolved.group as { reference?: string } | undefined;
    const reference = (results.comparisons?.params.reference as string | undefined) ?? group?.reference;
    const groupCounts = new Map<string, Set<string>>();
    for (const s of results.subjects) groupCounts.set(s.group, (groupCounts.get(s.group) ?? new Set()).add(s.subject));
    const emgCounts = new Map<string, Set<string>>();
    for (const t of results.trials) emgCounts.set(t.group, (emgCounts.get(t.group) ?? new Set()).add(t.subject));
    const channelMap = (resolved.channels ?? {}) as Record<string, { muscle: string; side?: string }>;
    const methods: MethodsInput = {
      studyName: results.name,
      groups: [...groupCounts.entries()].sort(([a], [b]) => naturalCompare(a, b)).map(([g, s]) => ({ group: g, n: s.size })),
      emgGroups: [...emgCounts.entries()].sort(([a], [b]) => naturalCompare(a, b)).map(([g, s]) => ({ group: g, n: s.size })),
      recordings: results.counts.files,
      fsHz: ctx.fsHz,
      channels: Object.entries(channelMap).map(([channel, m]) => ({ channel, muscle: m.muscle, side: m.side ?? '' })),
      onset: ctx.stepParams.onset,
      activation: ctx.stepParams.activation,
      thickness: ctx.stepParams.thickness,
      compare: results.comparisons?.params,
      reference,
    };
    for (const n of ctx.notes) warnings.push(n);

    let built: BuiltReport;
    let records: Record<string, unknown>[];
    let outDefault: string;
    let mode: 'study' | 'clinic';
    let referenceUsed: string | null = null;
    let latest = '';
    let patientShown: string | null = null;
    if (o.patient !== undefined) {
      const c = await clinic(o, results, ctx, reference, pseudo, methodsText(methods).paragraphs.slice(1), inputs);
      built = c.report;
      records = [...c.report.figures.map((f) => ({ ...f })), ...c.records];
      referenceUsed = c.reference;
      latest = c.latest;
      patientShown = c.patient;
      outDefault = join(dir, `report-${safeFileName(c.patient)}.html`);
      mode = 'clinic';
    } else {
      const t = await trialFigures(ctx, results, { named, max: maxTrials }, pseudo, warnings);
      built = await buildStudyReport({
        results,
        methods,
        trialFigures: t.figures,
        trialNote: t.note,
        notes: ctx.notes.map((n) => pseudo.text(n)),
        subtitle: `${results.counts.files} recordings; results ${results.dir}; myoscope ${TOOL.version}`,
      });
      records = built.figures.map((f) => ({ ...f }));
      outDefault = join(dir, 'report.html');
      mode = 'study';
    }
    const out = o.out !== undefined ? resolve(io.cwd, o.out) : outDefault;
    await writeFileAtomic(out, built.html);
    const outShown = pseudo.text(out);
    return {
      command: 'report',
      params: {
        results_dir: results.dir,
        out: outShown,
        mode,
        patient: patientShown,
        reference: referenceUsed,
        reference_group: o.referenceGroup ?? null,
        reference_file: o.referenceFile ?? null,
        percentile_from: 'normal CDF of z',
        trials: named.map((n) => `${pseudo.id(n.subject)}${n.trial !== undefined ? `:${n.trial}` : ''}`),
        max_trial_figures: maxTrials,
        pseudonymize: pseudo.active,
        pseudonym: pseudo.active ? 'P- + first 10 hex of HMAC-SHA256(key, id)' : null,
      },
      inputs: inputs.map((i) => ({ path: pseudo.text(i.path), sha256: i.sha256 })),
      results: records,
      warnings: warnings.map((w) => pseudo.text(w)),
      extra: { html_bytes: Buffer.byteLength(built.html), figures: built.figures.length },
      csv: { records: records.map((r) => spreadsheetRecord({ ...r, marks: Array.isArray(r.marks) ? (r.marks as string[]).join(' ') : r.marks })) },
      human: ({ colour }) => humanSummary(outShown, built.figures, records, latest, colour),
    };
  },
};
