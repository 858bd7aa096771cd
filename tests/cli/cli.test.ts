import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED_DATA, runCli, tempDir, writeTemp } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const dir = tempDir();

describe('myoscope CLI', () => {
  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
  it('--help lists the commands; <command> --help shows its options', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/inspect \[options\] <files\.\.\.>/);
    const i = runCli(['inspect', '--help']);
    expect(i.code).toBe(0);
    expect(i.stdout).toMatch(/--fs <hz>/);
    expect(i.stdout).toMatch(/--json/);
  });
  it('inspect --json prints one document with the contract keys and full precision', () => {
    const file = writeTemp(dir, 'rec.csv', 'time_s,ES_L (mV),ES_R (mV)\n0,0.1,1\n0.001,0.2,2\n0.002,0.30000000000000004,3\n');
    const r = runCli(['inspect', '--json', file]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    // The schema is not a rubber stamp: a recording record without its figures fails it.
    expect(() => expectValidOutput({ ...doc, results: [{ path: file, kind: 'recording' }] })).toThrow();
    expect(Object.keys(doc)).toEqual(['schema_version', 'tool', 'command', 'params', 'inputs', 'results', 'warnings', 'files', 'errors']);
    expect(doc.tool).toEqual({ name: 'myoscope', version: pkg.version });
    expect(doc.command).toBe('inspect');
    expect(doc.params.time_tolerance_periods).toBe(0.25);
    expect(doc.inputs[0].path).toBe(file);
    expect(doc.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.results).toHaveLength(2);
    const es = doc.results[0];
    expect(es).toMatchObject({ kind: 'recording', fs_hz: 1000, n_samples: 3, channel: 'ES_L', unit: 'mV', nan_count: 0, min: 0.1, max: 0.30000000000000004 });
    expect(es.mean).toBe((0.1 + 0.2 + 0.30000000000000004) / 3);
  });
  it('inspect --csv prints a tidy table, one row per channel', () => {
    const file = writeTemp(dir, 'rec2.csv', 'time_s,a (uV),b (uV)\n0,1,2\n0.5,3,4\n');
    const r = runCli(['inspect', '--csv', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['path', 'channel', 'unit', 'fs_hz', 'rms', 'nan_count', 'clip_pct', 'flat_run_ms', 'powerline_50hz_pct']));
    expect(lines).toHaveLength(3);
  });
  it('human output has no colour codes when stdout is not a terminal', () => {
    const file = writeTemp(dir, 'rec3.csv', 'time_s,a\n0,1\n0.5,3\n');
    const r = runCli(['inspect', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 Hz/);
    expect(r.stdout.includes(String.fromCharCode(27))).toBe(false);
  });
  it('several files: the readable ones are reported, each bad one named, exit 3', () => {
    const good = writeTemp(dir, 'good.csv', 'time,a\n0,1\n0.001,2\n');
    const bad = writeTemp(dir, 'bad.csv', 'time,a\n0,1\n0.001,x\n');
    const r = runCli(['inspect', '--json', good, bad]);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.results).toHaveLength(1);
    expect(doc.errors).toEqual([{ path: bad, message: `${bad}:3:2: "x" is not a number`, line: 3, column: 2 }]);
    expect(r.stderr).toBe(`myoscope: error: ${bad}:3:2: "x" is not a number\n`);
  });
  it('inspects every recording in ../shared/data (UCI with --fs 1000)', () => {
    const biosppy = ['emg.txt', 'emg_1.txt'].map((f) => join(SHARED_DATA, 'biosppy-emg-examples', f));
    const physionet = ['emg_healthy', 'emg_myopathy', 'emg_neuropathy'].map((f) => join(SHARED_DATA, 'physionet-emgdb', `${f}.hea`));
    const r = runCli(['inspect', '--json', ...biosppy, ...physionet]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.files.map((f: { fs_hz: number; n_samples: number }) => [f.fs_hz, f.n_samples])).toEqual([
      [1000, 100000],
      [1000, 63880],
      [4000, 50860],
      [4000, 110337],
      [4000, 147858],
    ]);
    // The neuropathy record saturates the ADC (README: min -32767, max 32753 adu).
    const neuro = doc.files[4].channels[0];
    expect(neuro.min).toBe(-3.2767);
    expect(neuro.max).toBe(3.2753);
  });
});

describe('inspect on folders, documents and study configs', () => {
  it('a folder is inspected file by file; documents inside it are passed over with a warning', () => {
    const d = tempDir();
    writeTemp(d, 'a.csv', 'time,x\n0,1\n0.001,2\n');
    writeTemp(d, 'NOTES.md', '# notes\nsome prose\n');
    writeTemp(d, 'protocol.txt', 'Participants sat upright.\nThe arm was raised.\n');
    const r = runCli(['inspect', d, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual([join(d, 'a.csv')]);
    expect(doc.warnings).toEqual(['2 file(s) in the folders given are not recordings, tables or study configs and were passed over']);
  });
  it('a document named on its own is an input error saying what it is', () => {
    const d = tempDir();
    const md = writeTemp(d, 'README.md', '# readme\n');
    const txt = writeTemp(d, 'protocol.txt', 'Participants sat upright.\nThe arm was raised.\n');
    expect(runCli(['inspect', md]).stderr).toBe(`myoscope: error: ${md}: is a document, not a recording, table or study config\n`);
    const r = runCli(['inspect', txt]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`myoscope: error: ${txt}: has no rows of numbers near its start: not a recording or table myoscope reads\n`);
  });
  it('a study config is validated as run would and summarised', () => {
    const r = runCli(['inspect', join(ROOT, 'samples/study.yaml'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout).files[0];
    expect(f).toMatchObject({ kind: 'study', participants: 60, recordings: 20, subjects_with_recordings: 20, steps: ['onset', 'activation', 'thickness', 'compare'] });
  });
});

describe('inputs of a WFDB record', () => {
  it('lists the header and the signal file it names, each with its SHA-256', () => {
    const hea = join(SHARED_DATA, 'physionet-emgdb', 'emg_healthy.hea');
    const r = runCli(['inspect', hea, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const inputs = JSON.parse(r.stdout).inputs as { path: string; sha256: string }[];
    expect(inputs.map((i) => i.path)).toEqual([hea, join(SHARED_DATA, 'physionet-emgdb', 'emg_healthy.dat')]);
    for (const i of inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(inputs[0].sha256).not.toBe(inputs[1].sha256);
  });
});
