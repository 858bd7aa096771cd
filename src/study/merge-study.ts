import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { sha256File, type CommandResult } from '../io/output.js';
import { readTable } from '../io/read-table.js';
import { toCsv } from '../render/csv.js';
import { TOOL } from '../version.js';
import { loadStudyConfig } from './config.js';
import { OUTPUT_FILES, PARTIAL_DIR, readTrialRows, reduceStudy, resolvedConfig, type Exclusion, type Provenance } from './run-study.js';
import { TRIAL_COLUMNS, type SubjectRow } from './rows.js';
import { SubjectMeans } from './subject-means.js';
import { groupBy } from '../group-by.js';

export interface MergeSummary {
  outDir: string;
  shards: number;
  files: number;
  processed: number;
  failed: number;
  exclusions: Exclusion[];
  comparisons?: CommandResult;
  outputs: string[];
}

/**
 * `myoscope merge`: combines the outputs of `run --shard i/n` for i = 1…n into the outputs one
 * unsharded run writes (trial rows in the study's order, then the same per-subject means and
 * comparisons).
 */
export async function mergeShards(shardDirs: string[], outDir: string, force: boolean): Promise<MergeSummary> {
  const provs: { dir: string; p: Provenance }[] = [];
  for (const dir of shardDirs) {
    const path = join(dir, 'provenance.json');
    if (!existsSync(path)) throw new InputError({ file: path }, 'no such file: is this the output folder of `myoscope run --shard`?');
    const p = JSON.parse(await readFile(path, 'utf8')) as Provenance;
    if (!p.shard) throw new InputError({ file: path }, 'is the provenance of an unsharded run; merge takes the folders of run --shard i/n');
    provs.push({ dir, p });
  }
  const first = provs[0].p;
  for (const { dir, p } of provs) {
    if (p.config.sha256 !== first.config.sha256) throw new UsageError(`${dir} was run with another config (sha256 ${p.config.sha256.slice(0, 12)}… vs ${first.config.sha256.slice(0, 12)}…)`);
    if (p.shard?.count !== first.shard?.count) throw new UsageError(`${dir} is shard ${p.shard?.index}/${p.shard?.count}, the others are of ${first.shard?.count}`);
  }
  const count = first.shard?.count ?? 0;
  const seen = new Map<number, string>();
  for (const { dir, p } of provs) {
    const i = p.shard?.index as number;
    if (seen.has(i)) throw new UsageError(`shard ${i}/${count} is given twice (${seen.get(i)} and ${dir})`);
    seen.set(i, dir);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new UsageError(`shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge needs all ${count}`);

  const loaded = loadStudyConfig(first.config.path);
  const sha = await sha256File(loaded.path);
  if (sha !== first.config.sha256) throw new InputError({ file: loaded.path }, 'has changed since the shards were run (sha256 differs)');
  const out = resolve(outDir);
  if (existsSync(join(out, 'provenance.json')) && !force) {
    const p = JSON.parse(await readFile(join(out, 'provenance.json'), 'utf8')) as Provenance;
    if (p.config.sha256 !== sha) throw new UsageError(`${out} holds another study's outputs; choose another --out or add --force`);
  }
  const partial = join(out, PARTIAL_DIR);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });

  // Trial rows of every shard, back in the study's order of files.
  const order = new Map<string, number>();
  for (const { p } of provs) for (const it of p.items) order.set(it.file, it.index);
  const all = (await Promise.all(provs.map(({ dir }) => readTrialRows(join(dir, 'trials.csv'))))).flat();
  const byFile = groupBy(all, (r) => r.file);
  const files = [...byFile.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const trials = files.flatMap((f) => byFile.get(f) ?? []);
  await writeFile(join(partial, 'trials.csv'), toCsv(trials as unknown as Record<string, unknown>[], { columns: TRIAL_COLUMNS as string[], spreadsheetSafe: true }));
  const means = new SubjectMeans();
  for (const r of trials) means.add(r);

  const thickness: SubjectRow[] = [];
  const exclusions: Exclusion[] = [];
  for (const { dir } of [...provs].sort((a, b) => (a.p.shard?.index ?? 0) - (b.p.shard?.index ?? 0))) {
    const tPath = join(dir, 'thickness-subjects.csv');
    if (existsSync(tPath)) {
      const t = await readTable(tPath).catch(() => null);
      for (const { cells } of t?.rows ?? []) {
        const r: Record<string, unknown> = {};
        t?.header.forEach((h, j) => (r[h] = cells[j]));
        r.value = r.value === '' ? null : Number(r.value);
        r.n = Number(r.n);
        thickness.push(r as unknown as SubjectRow);
      }
    }
    const e = await readTable(join(dir, 'exclusions.csv')).catch(() => null);
    for (const { cells } of e?.rows ?? []) exclusions.push({ file: cells[0], subject: cells[1], stage: cells[2], reason: cells[3] });
  }
  exclusions.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  await writeFile(join(partial, 'exclusions.csv'), toCsv(exclusions as unknown as Record<string, unknown>[], { columns: ['file', 'subject', 'stage', 'reason'], spreadsheetSafe: true }));
  const comparisons = await reduceStudy(loaded, partial, [...means.rows(), ...thickness]);
  const outputs = OUTPUT_FILES.filter((f) => existsSync(join(partial, f)));
  const items = provs.flatMap(({ p }) => p.items).sort((a, b) => a.index - b.index);
  const inputs = [...new Map(provs.flatMap(({ p }) => p.inputs).map((i) => [i.path, i])).values()];
  const provenance: Provenance = {
    tool: TOOL,
    node: process.version,
    config: { path: resolve(loaded.path), sha256: sha, resolved: resolvedConfig(loaded) },
    shard: null,
    items,
    inputs,
    outputs: await Promise.all(outputs.map(async (f) => ({ path: f, sha256: await sha256File(join(partial, f)) }))),
    counts: {
      files: provs.reduce((s, { p }) => s + p.counts.files, 0),
      processed: provs.reduce((s, { p }) => s + p.counts.processed, 0),
      failed: provs.reduce((s, { p }) => s + p.counts.failed, 0),
    },
  };
  await writeFile(join(partial, 'provenance.json'), `${JSON.stringify(provenance, null, 2)}\n`);
  for (const f of [...outputs, 'provenance.json']) await rename(join(partial, f), join(out, f));
  await rm(partial, { recursive: true, force: true });
  return { outDir: out, shards: count, ...provenance.counts, exclusions, comparisons, outputs };
}
