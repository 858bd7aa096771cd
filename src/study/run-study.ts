import { createWriteStream, existsSync, readdirSync, type WriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findCommand } from '../commands/registry.js';
import type { CommandModule } from '../commands/command-module.js';
import { UsageError } from '../errors.js';
import { memoryIo } from '../io/io.js';
import { jsonDocument, sha256File, type CommandResult } from '../io/output.js';
import { readTable } from '../io/read-table.js';
import { csvCell, toCsv } from '../render/csv.js';
import { TOOL } from '../version.js';
import { loadStudyConfig, type LoadedConfig, ConfigError } from './config.js';
import { analyseFiles, type FileOutcome } from './file-pool.js';
import { buildPlan, type StudyPlan, type WorkItem } from './plan.js';
import { SUBJECT_COLUMNS, TRIAL_COLUMNS, toLongRows, type SubjectRow, type TrialRow } from './rows.js';
import { FILE_STEPS, checkStepSection, sectionToOptions, type FileJob } from './steps.js';
import { SubjectMeans } from './subject-means.js';
import { recordingFiles } from '../io/recording-files.js';

export const PARTIAL_DIR = '.myoscope-partial';
export const OUTPUT_FILES = ['trials.csv', 'subjects.csv', 'comparisons.csv', 'comparisons.json', 'exclusions.csv'] as const;

export interface Shard {
  index: number;
  count: number;
}

export interface RunStudyOptions {
  configPath: string;
  outDir: string;
  jobs: number;
  force: boolean;
  failFast: boolean;
  shard?: Shard;
  /** Called after each file with (done, total). */
  progress?: (done: number, total: number) => void;
  /** Time-stamped lines for run.log (not part of the deterministic outputs). */
  log?: (line: string) => void;
}

export interface Exclusion {
  file: string;
  subject: string;
  stage: string;
  reason: string;
}

export interface RunSummary {
  outDir: string;
  files: number;
  processed: number;
  failed: number;
  exclusions: Exclusion[];
  warnings: string[];
  comparisons?: CommandResult;
  outputs: string[];
  /** Every input read, with its SHA-256 (as in provenance.json). */
  inputs: { path: string; sha256: string }[];
}

/** Checks the config's step sections against the commands they name. */
export function checkConfig(loaded: LoadedConfig): void {
  const c = loaded.config as unknown as Record<string, unknown>;
  const need = (name: string): CommandModule => {
    const mod = findCommand(name);
    if (!mod) throw new ConfigError(`${loaded.where([name])}: this build of myoscope has no ${name} command`);
    return mod;
  };
  if (c.read) checkStepSection(loaded, 'read', need('inspect'));
  for (const step of FILE_STEPS) if (c[step]) checkStepSection(loaded, step, need(step));
  if (c.thickness) checkStepSection(loaded, 'thickness', need('thickness'), ['table']);
  if (c.compare) checkStepSection(loaded, 'compare', need('compare'));
  if ((c.onset || c.activation) && !(loaded.config.recordings ?? []).length) {
    throw new ConfigError(`${loaded.where(['onset'])}: onset/activation need recordings: add a recordings section`);
  }
}

/** Refuses to write into a folder that holds another study's outputs (unless forced). */
async function prepareOutDir(outDir: string, configSha: string, force: boolean): Promise<string> {
  if (existsSync(outDir)) {
    const entries = readdirSync(outDir).filter((e) => e !== PARTIAL_DIR);
    if (entries.length > 0 && !force) {
      const prov = join(outDir, 'provenance.json');
      let same = false;
      if (existsSync(prov)) {
        try {
          same = (JSON.parse(await readFile(prov, 'utf8')) as { config?: { sha256?: string } }).config?.sha256 === configSha;
        } catch {
          same = false;
        }
      }
      if (!same) throw new UsageError(`${outDir} already holds files that are not this study's outputs; choose another --out or add --force`);
    }
  }
  const partial = join(outDir, PARTIAL_DIR);
  await rm(partial, { recursive: true, force: true }); // a run interrupted before left this behind
  await mkdir(partial, { recursive: true });
  return partial;
}

class CsvStream {
  private readonly out: WriteStream;
  private failed: Error | undefined;
  constructor(path: string, private readonly columns: string[]) {
    this.out = createWriteStream(path);
    this.out.on('error', (e) => (this.failed = e));
    this.out.write(`${columns.join(',')}\n`);
  }
  write(rows: object[]): void {
    if (this.failed) throw this.failed;
    let s = '';
    for (const r of rows) s += `${this.columns.map((c) => csvCell((r as Record<string, unknown>)[c], true)).join(',')}\n`;
    this.out.write(s);
  }
  close(): Promise<void> {
    return new Promise((res, rej) => this.out.end((e?: Error | null) => (e || this.failed ? rej(e ?? this.failed) : res())));
  }
}

/** The files a study reads: the config and participants always; recordings and companions; tables. */
function inputPaths(loaded: LoadedConfig, plan: StudyPlan, items: WorkItem[]): string[] {
  const paths = [loaded.path, plan.participantsPath];
  for (const it of items) {
    paths.push(...recordingFiles(it.path));
    if (it.events && existsSync(it.events.path)) paths.push(it.events.path);
    if (it.mvc && existsSync(it.mvc.path)) paths.push(...recordingFiles(it.mvc.path));
  }
  if (plan.thicknessTable) paths.push(plan.thicknessTable.path);
  return [...new Set(paths)];
}

/** Long subject rows from the thickness command's per-subject records. */
function thicknessSubjectRows(plan: StudyPlan, result: CommandResult, channels: LoadedConfig['config']['channels']): SubjectRow[] {
  const out: SubjectRow[] = [];
  for (const rec of result.results) {
    const subject = String(rec.subject ?? '');
    const group = plan.participants.get(subject)?.group ?? String(rec.group ?? '');
    const rows = toLongRows([rec], { subject, group, session: String(rec.session ?? ''), task: '', run: '', file: plan.thicknessTable?.relPath ?? '', step: 'thickness' }, channels ?? {});
    for (const r of rows) {
      out.push({ subject, group, session: r.session, task: r.task, step: 'thickness', channel: r.channel, muscle: r.muscle, side: r.side, measure: r.measure, value: r.value, unit: r.unit, n: 1 });
    }
  }
  return out;
}

/** Runs the thickness step of a study, if it has one. */
/** The thickness command run on a study's table with the config's thickness options. */
export async function thicknessResult(loaded: LoadedConfig, tablePath: string): Promise<CommandResult> {
  const mod = findCommand('thickness');
  if (!mod || !loaded.config.thickness) throw new ConfigError(`${loaded.where(['thickness'])}: this build of myoscope has no thickness command`);
  const { table: _table, ...section } = loaded.config.thickness;
  return mod.run([tablePath], sectionToOptions(mod, section), memoryIo());
}

async function runThickness(loaded: LoadedConfig, plan: StudyPlan): Promise<{ rows: SubjectRow[]; warnings: string[] }> {
  if (!plan.thicknessTable || !loaded.config.thickness) return { rows: [], warnings: [] };
  const result = await thicknessResult(loaded, plan.thicknessTable.path);
  return { rows: thicknessSubjectRows(plan, result, loaded.config.channels), warnings: result.warnings };
}

/**
 * The reduce half of a study, shared by `run` and `merge`: subject rows written, then the group
 * comparison of every measure.
 */
export async function reduceStudy(loaded: LoadedConfig, partial: string, subjects: SubjectRow[]): Promise<CommandResult | undefined> {
  const subjectsPath = join(partial, 'subjects.csv');
  await writeFile(subjectsPath, toCsv(subjects as unknown as Record<string, unknown>[], { columns: SUBJECT_COLUMNS as string[], spreadsheetSafe: true }));
  if (!loaded.config.compare) return undefined;
  const mod = findCommand('compare') as CommandModule;
  const extra: Record<string, string> = { group: 'group' };
  if (loaded.config.group?.reference !== undefined) extra.reference = loaded.config.group.reference;
  if (loaded.config.compare.by === undefined) extra.by = 'step,task,channel,muscle,side';
  const result = await mod.run([subjectsPath], sectionToOptions(mod, loaded.config.compare, extra), memoryIo());
  // Paths inside the comparison documents name the output folder's files, not the scratch folder.
  const stable = JSON.parse(JSON.stringify(result, null, 0).split(`${partial}/`).join('')) as CommandResult;
  stable.human = result.human;
  const csvRecords = result.csv?.records ?? result.results;
  await writeFile(join(partial, 'comparisons.csv'), toCsv(csvRecords, { columns: result.csv?.columns, spreadsheetSafe: true }));
  await writeFile(join(partial, 'comparisons.json'), jsonDocument(stable, TOOL));
  return result;
}

export interface Provenance {
  tool: { name: string; version: string };
  node: string;
  config: { path: string; sha256: string; resolved: Record<string, unknown> };
  shard: Shard | null;
  items: { index: number; file: string; subject: string }[];
  inputs: { path: string; sha256: string }[];
  outputs: { path: string; sha256: string }[];
  counts: { files: number; processed: number; failed: number };
}

/** Every step's options as the commands resolve them (defaults included). */
export function resolvedConfig(loaded: LoadedConfig): Record<string, unknown> {
  const c = loaded.config as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...c };
  for (const step of [...FILE_STEPS, 'thickness', 'compare'] as const) {
    const mod = findCommand(step);
    if (c[step] && mod) out[`${step}_resolved`] = sectionToOptions(mod, c[step] as never);
  }
  return out;
}

/** Moves the finished outputs from the scratch folder into the output folder, then removes it. */
async function publish(outDir: string, partial: string, names: string[]): Promise<void> {
  for (const name of names) if (existsSync(join(partial, name))) await rename(join(partial, name), join(outDir, name));
  await rm(partial, { recursive: true, force: true });
}

/** `myoscope run`: every step for every file, then the per-subject and group tables. */
export async function runStudy(o: RunStudyOptions): Promise<RunSummary> {
  const log = o.log ?? (() => {});
  const loaded = loadStudyConfig(o.configPath);
  checkConfig(loaded);
  const plan = await buildPlan(loaded);
  const configSha = await sha256File(loaded.path);
  const outDir = resolve(o.outDir);
  const partial = await prepareOutDir(outDir, configSha, o.force);
  const items = o.shard ? plan.items.filter((it) => it.index % (o.shard as Shard).count === (o.shard as Shard).index - 1) : plan.items;
  log(`study ${loaded.path}: ${plan.items.length} recordings, ${items.length} in this run${o.shard ? ` (shard ${o.shard.index}/${o.shard.count})` : ''}`);

  const steps: FileJob['steps'] = {};
  for (const s of FILE_STEPS) if (loaded.config[s]) steps[s] = loaded.config[s];
  const jobs: FileJob[] = items.map((item) => ({ item, read: loaded.config.read ?? {}, steps, channels: loaded.config.channels ?? {} }));
  const trials = new CsvStream(join(partial, 'trials.csv'), TRIAL_COLUMNS as string[]);
  const means = new SubjectMeans();
  const exclusions: Exclusion[] = [];
  const warnings: string[] = [];
  const pending = new Map<number, FileOutcome>();
  let nextToWrite = 0;
  let done = 0;
  let processed = 0;
  let failed = 0;
  let stop = false;
  const position = new Map(items.map((it, k) => [it.index, k]));
  await analyseFiles(
    jobs,
    o.jobs,
    (outcome) => {
      done++;
      o.progress?.(done, items.length);
      pending.set(position.get(outcome.index) as number, outcome);
      // Results are written in the study's fixed order, whatever order they finish in.
      while (pending.has(nextToWrite)) {
        const r = pending.get(nextToWrite) as FileOutcome;
        pending.delete(nextToWrite);
        const item = items[nextToWrite];
        nextToWrite++;
        if (r.ok) {
          processed++;
          trials.write(r.rows);
          for (const row of r.rows) means.add(row);
          warnings.push(...r.warnings);
          log(`ok ${item.relPath}: ${r.rows.length} rows`);
        } else {
          failed++;
          exclusions.push({ file: item.relPath, subject: item.subject, stage: 'analysis', reason: r.reason });
          log(`FAILED ${item.relPath}: ${r.reason}`);
          if (o.failFast) stop = true;
        }
      }
    },
    () => stop,
  );
  await trials.close();

  const thickness = !o.shard || o.shard.index === 1 ? await runThickness(loaded, plan) : { rows: [], warnings: [] };
  warnings.push(...thickness.warnings);
  await writeFile(join(partial, 'exclusions.csv'), toCsv(exclusions as unknown as Record<string, unknown>[], { columns: ['file', 'subject', 'stage', 'reason'], spreadsheetSafe: true }));
  let comparisons: CommandResult | undefined;
  let outputs: string[];
  if (o.shard) {
    await writeFile(join(partial, 'thickness-subjects.csv'), toCsv(thickness.rows as unknown as Record<string, unknown>[], { columns: SUBJECT_COLUMNS as string[], spreadsheetSafe: true }));
    outputs = ['trials.csv', 'thickness-subjects.csv', 'exclusions.csv'];
  } else if (!stop) {
    comparisons = await reduceStudy(loaded, partial, [...means.rows(), ...thickness.rows]);
    outputs = OUTPUT_FILES.filter((f) => existsSync(join(partial, f)));
  } else {
    outputs = ['trials.csv', 'exclusions.csv'];
  }

  const provenance: Provenance = {
    tool: TOOL,
    node: process.version,
    config: { path: resolve(loaded.path), sha256: configSha, resolved: resolvedConfig(loaded) },
    shard: o.shard ?? null,
    items: items.map((it) => ({ index: it.index, file: it.relPath, subject: it.subject })),
    inputs: await Promise.all(inputPaths(loaded, plan, items).map(async (p) => ({ path: p, sha256: await sha256File(p) }))),
    outputs: await Promise.all(outputs.map(async (f) => ({ path: f, sha256: await sha256File(join(partial, f)) }))),
    counts: { files: items.length, processed, failed },
  };
  await writeFile(join(partial, 'provenance.json'), `${JSON.stringify(provenance, null, 2)}\n`);
  await publish(outDir, partial, [...outputs, 'provenance.json']);
  return { outDir, files: items.length, processed, failed, exclusions, warnings, comparisons, outputs, inputs: provenance.inputs };
}

/** Reads a `trials.csv` back into rows (for merge and verify). */
export async function readTrialRows(path: string): Promise<TrialRow[]> {
  const t = await readTable(path);
  return t.rows.map(({ cells }) => {
    const r: Record<string, unknown> = {};
    t.header.forEach((h, j) => (r[h] = cells[j]));
    const v = cells[t.header.indexOf('value')];
    r.value = v === '' ? null : Number(v);
    return r as unknown as TrialRow;
  });
}
