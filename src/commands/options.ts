import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';

/**
 * Strict parsing of option values at the boundary: `Number(raw)` plus a finiteness and range
 * check (never parseInt/parseFloat, which accept `12abc`). Errors name the flag, value and limit.
 */
export function parseNumber(
  flag: string,
  raw: string,
  limits: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean; unit?: string } = {},
): number {
  const text = raw.trim();
  const v = Number(text);
  const unit = limits.unit ? ` ${limits.unit}` : '';
  if (text === '' || !Number.isFinite(v)) throw new UsageError(`${flag} "${raw}" is not a number`);
  if (limits.integer && !Number.isInteger(v)) throw new UsageError(`${flag} ${raw} must be a whole number`);
  if (limits.min !== undefined) {
    if (limits.exclusiveMin ? !(v > limits.min) : !(v >= limits.min)) {
      throw new UsageError(`${flag} ${raw}${unit} must be ${limits.exclusiveMin ? 'greater than' : 'at least'} ${limits.min}${unit}`);
    }
  }
  if (limits.max !== undefined && v > limits.max) throw new UsageError(`${flag} ${raw}${unit} must be at most ${limits.max}${unit}`);
  return v;
}

/** A comma-separated list of names, trimmed, none empty, no duplicates. */
export function parseNameList(flag: string, raw: string): string[] {
  const names = raw.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new UsageError(`${flag} "${raw}" has an empty name`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new UsageError(`${flag} names "${dup}" twice`);
  return names;
}

/** A comma-separated list of numbers. */
export function parseNumberList(flag: string, raw: string, count: number | undefined, limits: Parameters<typeof parseNumber>[2] = {}): number[] {
  const parts = raw.split(',');
  if (count !== undefined && parts.length !== count) throw new UsageError(`${flag} "${raw}" needs ${count} comma-separated numbers`);
  return parts.map((p) => parseNumber(flag, p, limits));
}

export type OutputFormat = 'human' | 'json' | 'csv';

/** Adds `--json` and `--csv` (mutually exclusive) to a command. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--json', 'print one JSON document on stdout').conflicts('csv'))
    .addOption(new Option('--csv', 'print a tidy CSV table on stdout'));
}

export function outputFormat(opts: { json?: boolean; csv?: boolean }): OutputFormat {
  return opts.json ? 'json' : opts.csv ? 'csv' : 'human';
}

/** Options shared by the commands that read recordings. */
export function addRecordingOptions(cmd: Command): Command {
  return cmd
    .option('--fs <hz>', 'sample rate in Hz when a file has no time column (overrides `# fs=` metadata)')
    .option('--unit <unit>', 'unit of channels whose header gives none (mV, uV, V, …)')
    .option('--names <list>', 'channel names in column order, comma-separated (files without a header row)')
    .option('--time-tolerance <periods>', 'allowed jitter of a time column, in sample periods', '0.25');
}

export interface RecordingOptionValues {
  fsHz?: number;
  unit?: string;
  names?: string[];
  timeTolerance: number;
}

export function recordingOptions(opts: { fs?: string; unit?: string; names?: string; timeTolerance?: string }): RecordingOptionValues {
  return {
    fsHz: opts.fs !== undefined ? parseNumber('--fs', opts.fs, { min: 0, exclusiveMin: true, unit: 'Hz' }) : undefined,
    unit: opts.unit,
    names: opts.names !== undefined ? parseNameList('--names', opts.names) : undefined,
    timeTolerance: parseNumber('--time-tolerance', opts.timeTolerance ?? '0.25', { min: 0, max: 0.5, exclusiveMin: true, unit: 'periods' }),
  };
}
