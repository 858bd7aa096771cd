import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { sha256File } from '../io/output.js';
import { parseTable } from '../io/read-table.js';
import { runStudy, type Provenance } from './run-study.js';

export interface VerifyProblem {
  kind: 'input_changed' | 'input_missing' | 'output_missing' | 'shape' | 'drift' | 'text';
  file: string;
  /** Row (1-based, data rows) and column for CSV cells; a JSON path for JSON values. */
  where: string;
  recorded: string | number | null;
  now: string | number | null;
  rel_diff: number | null;
}

export interface VerifyReport {
  dir: string;
  rtol: number;
  inputs_checked: number;
  outputs_checked: number;
  values_compared: number;
  problems: VerifyProblem[];
}

function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

const numeric = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

function compareCsv(file: string, recorded: string, now: string, rtol: number, problems: VerifyProblem[]): number {
  const a = parseTable(recorded, file);
  const b = parseTable(now, file);
  if (a.header.join(',') !== b.header.join(',')) {
    problems.push({ kind: 'shape', file, where: 'header', recorded: a.header.join(','), now: b.header.join(','), rel_diff: null });
    return 0;
  }
  if (a.rows.length !== b.rows.length) problems.push({ kind: 'shape', file, where: 'rows', recorded: a.rows.length, now: b.rows.length, rel_diff: null });
  let compared = 0;
  const n = Math.min(a.rows.length, b.rows.length);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < a.header.length; c++) {
      const x = a.rows[r].cells[c];
      const y = b.rows[r].cells[c];
      compared++;
      if (numeric(x) && numeric(y)) {
        const d = relDiff(Number(x), Number(y));
        if (d > rtol) problems.push({ kind: 'drift', file, where: `row ${r + 1}, ${a.header[c]}`, recorded: Number(x), now: Number(y), rel_diff: d });
      } else if (x !== y) {
        problems.push({ kind: 'text', file, where: `row ${r + 1}, ${a.header[c]}`, recorded: x, now: y, rel_diff: null });
      }
    }
  }
  return compared;
}

function compareJson(file: string, a: unknown, b: unknown, path: string, rtol: number, problems: VerifyProblem[]): number {
  if (typeof a === 'number' && typeof b === 'number') {
    const d = relDiff(a, b);
    if (d > rtol) problems.push({ kind: 'drift', file, where: path, recorded: a, now: b, rel_diff: d });
    return 1;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    let n = 0;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      // Where the study was re-run and which tool ran it are expected to differ.
      if (path === '' && (k === 'tool' || k === 'inputs')) continue;
      n += compareJson(file, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}${path ? '.' : ''}${k}`, rtol, problems);
    }
    return n;
  }
  if (a !== b) problems.push({ kind: 'text', file, where: path, recorded: JSON.stringify(a) ?? null, now: JSON.stringify(b) ?? null, rel_diff: null });
  return 1;
}

/**
 * `myoscope verify`: re-runs the study that `provenance.json` describes and compares every recorded
 * output value with the new one (numbers within `rtol` relative, text exactly), and every input's
 * SHA-256 with the recorded one.
 */
export async function verifyStudy(dir: string, rtol: number, jobs: number): Promise<VerifyReport> {
  const provPath = join(dir, 'provenance.json');
  if (!existsSync(provPath)) throw new InputError({ file: provPath }, 'no such file: verify takes the output folder of `myoscope run`');
  let prov: Provenance;
  try {
    prov = JSON.parse(await readFile(provPath, 'utf8')) as Provenance;
  } catch (err) {
    throw new InputError({ file: provPath }, `is not valid JSON (${(err as Error).message})`);
  }
  if (prov.shard) throw new InputError({ file: provPath }, `describes shard ${prov.shard.index}/${prov.shard.count}; verify the merged folder`);
  const problems: VerifyProblem[] = [];
  for (const input of prov.inputs) {
    if (!existsSync(input.path)) {
      problems.push({ kind: 'input_missing', file: input.path, where: '', recorded: input.sha256, now: null, rel_diff: null });
      continue;
    }
    const now = await sha256File(input.path);
    if (now !== input.sha256) problems.push({ kind: 'input_changed', file: input.path, where: 'sha256', recorded: input.sha256, now, rel_diff: null });
  }
  const scratch = mkdtempSync(join(tmpdir(), 'myoscope-verify-'));
  let compared = 0;
  try {
    if (!problems.some((p) => p.kind === 'input_missing' && p.file === prov.config.path)) {
      await runStudy({ configPath: prov.config.path, outDir: scratch, jobs, force: true, failFast: false });
      for (const out of prov.outputs) {
        const recordedPath = join(dir, out.path);
        const nowPath = join(scratch, out.path);
        if (!existsSync(recordedPath)) {
          problems.push({ kind: 'output_missing', file: recordedPath, where: 'recorded output', recorded: out.sha256, now: null, rel_diff: null });
          continue;
        }
        if (!existsSync(nowPath)) {
          problems.push({ kind: 'output_missing', file: out.path, where: 're-run', recorded: out.sha256, now: null, rel_diff: null });
          continue;
        }
        const [a, b] = await Promise.all([readFile(recordedPath, 'utf8'), readFile(nowPath, 'utf8')]);
        if (out.path.endsWith('.json')) compared += compareJson(out.path, JSON.parse(a), JSON.parse(b), '', rtol, problems);
        else compared += compareCsv(out.path, a, b, rtol, problems);
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { dir, rtol, inputs_checked: prov.inputs.length, outputs_checked: prov.outputs.length, values_compared: compared, problems };
}
