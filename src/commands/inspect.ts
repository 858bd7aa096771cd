import type { Command } from 'commander';
import { InputError, MyoscopeError, UsageError } from '../errors.js';
import { detectKind } from '../io/detect-kind.js';
import { expandPaths } from '../io/expand-paths.js';
import type { Io } from '../io/io.js';
import { sha256File, type CommandResult, type InputRef } from '../io/output.js';
import { readEvents } from '../io/read-events.js';
import { readRecording } from '../io/read-recording.js';
import { findColumn, readTable } from '../io/read-table.js';
import { readThickness } from '../io/read-thickness.js';
import { summariseRecording, type RecordingSummary } from '../pipeline/summarise-recording.js';
import { summariseThickness, type ThicknessSummary } from '../pipeline/summarise-thickness.js';
import { renderTable } from '../render/table.js';
import { loadStudyConfig } from '../study/config.js';
import { buildPlan } from '../study/plan.js';
import { checkConfig } from '../study/run-study.js';
import type { CommandModule } from './command-module.js';
import { addOutputOptions, addRecordingOptions, recordingOptions } from './options.js';
import { groupBy } from '../group-by.js';
import { recordingInputs } from '../io/recording-files.js';

interface EventsSummary {
  path: string;
  kind: 'events';
  events: number;
  labels: { label: string; count: number; first_onset_s: number; last_onset_s: number; mean_duration_s: number }[];
}

interface TableSummary {
  path: string;
  kind: 'table';
  rows: number;
  columns: string[];
  groups?: { group: string; count: number }[];
}

/** Input errors that mean "this is not a data file", as opposed to a data file with a defect. */
const NOT_DATA = /^(is a document|has no rows of numbers)/;

interface StudySummary {
  path: string;
  kind: 'study';
  name: string;
  participants: number;
  groups: { group: string; count: number }[];
  recordings: number;
  subjects_with_recordings: number;
  steps: string[];
  thickness_table: string | null;
}

type FileSummary = RecordingSummary | ThicknessSummary | EventsSummary | TableSummary | StudySummary;

/** A study config, validated as `run` would, and what it would analyse. */
async function summariseStudy(path: string): Promise<StudySummary> {
  const loaded = loadStudyConfig(path);
  checkConfig(loaded);
  const plan = await buildPlan(loaded);
  const groups = new Map<string, number>();
  for (const p of plan.participants.values()) groups.set(p.group, (groups.get(p.group) ?? 0) + 1);
  return {
    path,
    kind: 'study',
    name: loaded.config.name ?? '',
    participants: plan.participants.size,
    groups: [...groups.entries()].map(([group, count]) => ({ group, count })),
    recordings: plan.items.length,
    subjects_with_recordings: new Set(plan.items.map((i) => i.subject)).size,
    steps: ['onset', 'activation', 'thickness', 'compare'].filter((s) => (loaded.config as unknown as Record<string, unknown>)[s] !== undefined),
    thickness_table: plan.thicknessTable?.relPath ?? null,
  };
}

interface FileError {
  path: string;
  message: string;
  line?: number;
  column?: number;
  error: MyoscopeError;
}

async function summariseEvents(path: string): Promise<EventsSummary> {
  const events = await readEvents(path);
  const byLabel = groupBy(events, (e) => e.label);
  return {
    path,
    kind: 'events',
    events: events.length,
    labels: [...byLabel.entries()].map(([label, es]) => ({
      label,
      count: es.length,
      first_onset_s: Math.min(...es.map((e) => e.onsetS)),
      last_onset_s: Math.max(...es.map((e) => e.onsetS)),
      mean_duration_s: es.reduce((s, e) => s + e.durationS, 0) / es.length,
    })),
  };
}

async function summariseTable(path: string): Promise<TableSummary> {
  const t = await readTable(path);
  const summary: TableSummary = { path, kind: 'table', rows: t.rows.length, columns: t.header };
  const g = findColumn(t.header, ['group', 'cohort', 'diagnosis']);
  if (g >= 0) {
    const counts = new Map<string, number>();
    for (const r of t.rows) counts.set(r.cells[g], (counts.get(r.cells[g]) ?? 0) + 1);
    summary.groups = [...counts.entries()].map(([group, count]) => ({ group, count }));
  }
  return summary;
}

/** Tidy records: one per channel, per thickness group, per event label, per table. */
function tidy(files: FileSummary[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const f of files) {
    if (f.kind === 'recording') {
      for (const c of f.channels) {
        const { note: _note, ...rest } = c;
        out.push({ path: f.path, kind: f.kind, format: f.format, fs_hz: f.fs_hz, duration_s: f.duration_s, n_samples: f.n_samples, ...rest });
      }
    } else if (f.kind === 'thickness') {
      for (const g of f.groups) {
        out.push({
          path: f.path,
          kind: f.kind,
          group: g.group,
          subjects: g.subjects,
          muscles: f.muscles.join(' '),
          sides: f.sides.join(' '),
          trials: f.trials.length,
          missing_cells: f.missing_cells,
        });
      }
    } else if (f.kind === 'events') {
      for (const l of f.labels) out.push({ path: f.path, kind: f.kind, ...l });
    } else if (f.kind === 'study') {
      out.push({ path: f.path, kind: f.kind, name: f.name, participants: f.participants, recordings: f.recordings, steps: f.steps.join(' ') });
    } else {
      out.push({ path: f.path, kind: f.kind, rows: f.rows, columns: f.columns.join(' ') });
    }
  }
  return out;
}

function human(files: FileSummary[], errors: FileError[], colour: boolean): string {
  const parts: string[] = [];
  for (const f of files) {
    if (f.kind === 'recording') {
      parts.push(
        renderTable(
          {
            title: `${f.path}  ${f.fs_hz} Hz, ${f.duration_s.toFixed(3)} s, ${f.n_samples} samples, ${f.n_channels} channels (${f.format})`,
            head: ['channel', 'unit', 'mean', 'RMS', 'min', 'max', 'NaN', 'clip %', 'flat ms', '50 Hz %', '60 Hz %'],
            rows: f.channels.map((c) => [c.channel, c.unit || '–', c.mean, c.rms, c.min, c.max, c.nan_count, c.clip_pct, c.flat_run_ms, c.powerline_50hz_pct, c.powerline_60hz_pct]),
            alignRight: [2, 3, 4, 5, 6, 7, 8, 9, 10],
          },
          colour,
        ),
      );
    } else if (f.kind === 'thickness') {
      const design = [
        `muscles ${f.muscles.join(', ')}; sides ${f.sides.join(', ')}; conditions ${f.conditions.join(', ')}; trials ${f.trials.join(', ')}`,
        f.levels.length ? `levels ${f.levels.join(', ')}` : '',
        f.sessions.length ? `sessions ${f.sessions.join(', ')}` : '',
        `missing cells ${f.missing_cells}${f.missing_examples.length ? ` (e.g. ${f.missing_examples.slice(0, 3).join('; ')})` : ''}`,
      ].filter(Boolean);
      parts.push(
        renderTable(
          { title: `${f.path}  thickness table (${f.form} form), ${f.rows} measurements`, head: ['group', 'subjects'], rows: f.groups.map((g) => [g.group, g.subjects]), alignRight: [1] },
          colour,
        ) + design.join('\n') + '\n',
      );
    } else if (f.kind === 'events') {
      parts.push(
        renderTable(
          {
            title: `${f.path}  events, ${f.events} in all`,
            head: ['label', 'count', 'first onset s', 'last onset s', 'mean duration s'],
            rows: f.labels.map((l) => [l.label, l.count, l.first_onset_s, l.last_onset_s, l.mean_duration_s]),
            alignRight: [1, 2, 3, 4],
          },
          colour,
        ),
      );
    } else if (f.kind === 'study') {
      parts.push(
        `${f.path}  study config "${f.name}": valid; ${f.participants} participants (${f.groups.map((g) => `${g.group} ${g.count}`).join(', ')}), ` +
          `${f.recordings} recordings of ${f.subjects_with_recordings} subjects${f.thickness_table ? `, thickness table ${f.thickness_table}` : ''}; steps ${f.steps.join(', ') || 'none'}\n`,
      );
    } else {
      parts.push(`${f.path}  table: ${f.rows} rows; columns ${f.columns.join(', ')}${f.groups ? `; groups ${f.groups.map((g) => `${g.group} ${g.count}`).join(', ')}` : ''}\n`);
    }
  }
  for (const e of errors) parts.push(`${e.path}: not inspected (see the error above)\n`);
  return parts.join('\n');
}

export const inspectCommand: CommandModule = {
  name: 'inspect',
  register(program: Command): Command {
    const cmd = program
      .command('inspect')
      .description(
        'sample rate, duration, channels, units and per-channel quality of recordings; design and missing cells of thickness tables',
      )
      .argument('<files...>', 'recordings (CSV/TSV/text, .gz, WFDB .hea), thickness tables, events.tsv, study configs (.yaml), or folders of them');
    addRecordingOptions(cmd);
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, io: Io): Promise<CommandResult> {
    const ropts = recordingOptions(options as Parameters<typeof recordingOptions>[0]);
    const files: FileSummary[] = [];
    const errors: FileError[] = [];
    const inputs: InputRef[] = [];
    const warnings: string[] = [];
    const seen = new Set<string>();
    let skipped = 0;
    for (const { path, fromFolder } of expandPaths(args)) {
      // A WFDB record named by both its .hea and .dat is inspected once.
      const key = path.replace(/\.(hea|dat)$/i, '.hea');
      if (seen.has(key)) continue;
      seen.add(key);
      try {
        const kind = await detectKind(path);
        let summary: FileSummary;
        if (kind === 'recording') {
          const { recording, warnings: w } = await readRecording(path, ropts);
          warnings.push(...w);
          summary = summariseRecording(recording);
        } else if (kind === 'thickness') {
          const { table, warnings: w } = await readThickness(path);
          warnings.push(...w);
          summary = summariseThickness(table);
        } else if (kind === 'events') {
          summary = await summariseEvents(path);
        } else if (kind === 'study') {
          summary = await summariseStudy(path);
        } else {
          summary = await summariseTable(path);
        }
        files.push(summary);
        inputs.push(...(kind === 'recording' ? await recordingInputs(path) : [{ path, sha256: await sha256File(path) }]));
      } catch (err) {
        if (err instanceof UsageError || !(err instanceof MyoscopeError)) throw err;
        // Inside a folder, documents and other non-data files are passed over, not errors.
        if (fromFolder && err instanceof InputError && NOT_DATA.test(err.detail)) {
          skipped++;
          continue;
        }
        const loc = err instanceof InputError ? err.location : undefined;
        errors.push({ path, message: err.message, line: loc?.line, column: loc?.column, error: err });
      }
    }
    if (skipped > 0) warnings.push(`${skipped} file(s) in the folders given are not recordings, tables or study configs and were passed over`);
    // A single unreadable input is a plain input error; with several, the others are still reported.
    if (files.length === 0 && errors.length === 1) throw errors[0].error;
    for (const e of errors) io.stderr(`myoscope: error: ${e.message}\n`);
    return {
      command: 'inspect',
      params: { files: args, fs_hz: ropts.fsHz ?? null, unit: ropts.unit ?? null, names: ropts.names ?? null, time_tolerance_periods: ropts.timeTolerance, mains_half_width_hz: 1 },
      inputs,
      results: tidy(files),
      warnings,
      extra: { files, errors: errors.map(({ error: _e, ...rest }) => rest) },
      human: ({ colour }) => human(files, errors, colour),
      exitCode: errors.length > 0 ? 3 : 0,
    };
  },
};
