import { Command } from 'commander';
import { findCommand } from '../commands/registry.js';
import type { CommandModule } from '../commands/command-module.js';
import { memoryIo } from '../io/io.js';
import type { LoadedConfig, StepOptions } from './config.js';
import { ConfigError } from './config.js';
import type { WorkItem } from './plan.js';
import { toLongRows, type TrialRow } from './rows.js';

/** Steps run on every recording, in this order, when the config has their section. */
export const FILE_STEPS = ['onset', 'activation'] as const;
export type FileStep = (typeof FILE_STEPS)[number];

/** Options the runner sets itself for each file; a config may not set them. */
const RUNNER_OWNED = new Set(['json', 'csv', 'out', 'out-dir', 'events', 'mvc', 'subject', 'jobs', 'help', 'records']);

/** `notch-q` → `notchQ`, as commander names option values. */
function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Each command's own registration, made once: it is read for every file of a study. */
const registered = new WeakMap<CommandModule, Command>();
function registration(mod: CommandModule): Command {
  let cmd = registered.get(mod);
  if (!cmd) {
    cmd = mod.register(new Command());
    registered.set(mod, cmd);
  }
  return cmd;
}

/** Long flags (without dashes) a command accepts, from its own registration. */
export function commandFlags(mod: CommandModule): Map<string, { takesValue: boolean }> {
  const cmd = registration(mod);
  const flags = new Map<string, { takesValue: boolean }>();
  for (const o of cmd.options) {
    if (o.long) flags.set(o.long.replace(/^--/, ''), { takesValue: o.required || o.optional });
  }
  return flags;
}

/** Checks a step section against the command's own flags; errors name the key's line. */
export function checkStepSection(loaded: LoadedConfig, section: string, mod: CommandModule, extraKeys: string[] = []): void {
  const options = (loaded.config as unknown as Record<string, StepOptions | undefined>)[section];
  if (!options) return;
  const flags = commandFlags(mod);
  for (const [key, value] of Object.entries(options)) {
    if (extraKeys.includes(key)) continue;
    if (RUNNER_OWNED.has(key)) throw new ConfigError(`${loaded.where([section, key])}: "${key}" is set by the study runner for each file; remove it from ${section}`);
    const flag = flags.get(key);
    if (!flag) {
      const known = [...flags.keys()].filter((k) => !RUNNER_OWNED.has(k));
      throw new ConfigError(`${loaded.where([section, key])}: unknown key "${key}" in ${section} (the options of \`myoscope ${mod.name}\`: ${known.join(', ')})`);
    }
    if (!flag.takesValue && typeof value !== 'boolean') throw new ConfigError(`${loaded.where([section, key])}: ${section}.${key} is a switch: true or false`);
    if (flag.takesValue && typeof value === 'boolean') throw new ConfigError(`${loaded.where([section, key])}: ${section}.${key} needs a value, not ${value}`);
  }
}

/** A config section as the option object commander would give the command. */
export function sectionToOptions(mod: CommandModule, options: StepOptions | undefined, extra: StepOptions = {}): Record<string, unknown> {
  const flags = commandFlags(mod);
  const out: Record<string, unknown> = {};
  // Defaults first, as commander applies them.
  const cmd = registration(mod);
  const repeatable = new Set<string>();
  for (const o of cmd.options) {
    if (!o.long) continue;
    const name = camel(o.long.replace(/^--/, ''));
    if (o.defaultValue !== undefined) out[name] = Array.isArray(o.defaultValue) ? [...(o.defaultValue as unknown[])] : o.defaultValue;
    if (Array.isArray(o.defaultValue) || o.variadic) repeatable.add(name);
  }
  for (const [k, v] of Object.entries({ ...(options ?? {}), ...extra })) {
    if (!flags.has(k)) continue;
    const name = camel(k);
    // A repeatable flag (`--ratio a/b --ratio c/d`) takes a YAML list; others take one value.
    if (repeatable.has(name)) out[name] = (Array.isArray(v) ? v : [v]).map(String);
    else out[name] = typeof v === 'boolean' ? v : Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}

/**
 * The options a file step runs with: the config section, the reading options, and what the runner
 * knows about the file itself (subject, events, MVC recording; per-trial records only, since the
 * runner takes subject means itself). One definition for `run` and for `report`, which re-runs
 * steps to draw trials.
 */
export function fileStepOptions(mod: CommandModule, section: StepOptions, read: StepOptions, item: WorkItem): Record<string, unknown> {
  const flags = commandFlags(mod);
  const extra: StepOptions = { ...read };
  if (flags.has('subject')) extra.subject = item.subject;
  if (flags.has('records')) extra.records = 'trials';
  if (item.events && flags.has('events')) extra.events = item.events.path;
  if (item.mvc) {
    if (flags.has('mvc')) extra.mvc = item.mvc.path;
    else if (flags.has('normalize')) extra.normalize = `mvc:${item.mvc.path}`;
  }
  return sectionToOptions(mod, section, extra);
}

/** What a study needs to analyse one file: plain data, so it can cross to a worker thread. */
export interface FileJob {
  item: WorkItem;
  read: StepOptions;
  steps: Partial<Record<FileStep, StepOptions>>;
  channels: Record<string, { muscle: string; side?: string }>;
}

/** Runs the configured steps on one recording with the commands themselves; tidy long rows out. */
export async function analyseFile(job: FileJob): Promise<{ rows: TrialRow[]; warnings: string[] }> {
  const { item } = job;
  const rows: TrialRow[] = [];
  const warnings: string[] = [];
  for (const step of FILE_STEPS) {
    const section = job.steps[step];
    if (!section) continue;
    const mod = findCommand(step);
    if (!mod) throw new Error(`this build has no ${step} command`);
    const io = memoryIo();
    const result = await mod.run([item.path], fileStepOptions(mod, section, job.read, item), io);
    warnings.push(...result.warnings.map((w) => `${item.relPath}: ${w}`));
    rows.push(
      ...toLongRows(
        result.results,
        { subject: item.subject, group: item.group, session: item.session, task: item.task, run: item.run, file: item.relPath, step },
        job.channels,
      ),
    );
  }
  return { rows, warnings };
}
