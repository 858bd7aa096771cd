import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** Version of the JSON document layout (DESIGN.md "Command contract"). */
export const SCHEMA_VERSION = '1.0';

export interface InputRef {
  path: string;
  sha256: string;
}

/** What every command returns: the parts of its JSON document plus how to show it. */
export interface CommandResult {
  command: string;
  /** Every resolved option, defaults included. */
  params: Record<string, unknown>;
  inputs: InputRef[];
  /** Tidy records (snake_case keys with units in their names). */
  results: Record<string, unknown>[];
  warnings: string[];
  /** More top-level keys of the JSON document (e.g. `summary`). */
  extra?: Record<string, unknown>;
  /** Records for `--csv` when they differ from `results`. */
  csv?: { records: Record<string, unknown>[]; columns?: string[] };
  /** The human rendering (tables). */
  human: (opts: { colour: boolean }) => string;
  /** 0, or 1 when a check the user asked for failed; 3 when some inputs could not be read. */
  exitCode?: 0 | 1 | 3;
}

export interface ToolInfo {
  name: string;
  version: string;
}

/** The JSON document: `{ schema_version, tool, command, params, inputs, results, warnings, … }`. */
export function jsonDocument(r: CommandResult, tool: ToolInfo): string {
  const doc = {
    schema_version: SCHEMA_VERSION,
    tool,
    command: r.command,
    params: r.params,
    inputs: r.inputs,
    results: r.results,
    warnings: r.warnings,
    ...(r.extra ?? {}),
  };
  return `${JSON.stringify(doc, jsonReplacer, 2)}\n`;
}

/** Typed arrays become plain arrays; non-finite numbers cannot occur in valid output but become null. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}

/** SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over the target, so a
 * reader never sees half a file and a failed write leaves the old one intact.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
