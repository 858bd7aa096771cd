import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';
import { copySampleSubjects } from '../helpers/sample-study.js';
import { expectValidOutput } from '../helpers/schema.js';

const SUBJECTS = ['sub-C01', 'sub-C02', 'sub-C03', 'sub-L01', 'sub-L02', 'sub-L03'];

/** A small copy of the sample study (6 EMG subjects, their thickness rows) in a fresh folder. */
function makeStudy(config?: string): { dir: string; config: string } {
  const dir = tempDir('myoscope-study-');
  copySampleSubjects(dir, SUBJECTS);
  const thickness = readFileSync(join(ROOT, 'samples/thickness.csv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'thickness.csv'), thickness.filter((l) => l.startsWith('#') || l.startsWith('subject,') || SUBJECTS.some((s) => l.startsWith(`${s},`))).join('\n') + '\n');
  const text =
    config ??
    `name: test study
participants: participants.tsv
group: { column: group, reference: control }
recordings:
  - task: armraise
    files: emg/{subject}/{subject}_task-armraise_emg.csv.gz
    mvc: emg/{subject}/{subject}_task-mvc_emg.csv.gz
channels:
  ES_R: { muscle: ES, side: R }
  GMed_R: { muscle: GMed, side: R }
activation:
  window-ms: 0,1000
  channels: ES_R,GMed_R
  ratio: [GMed_R/ES_R]
thickness:
  table: thickness.csv
compare:
  test: welch
`;
  writeFileSync(join(dir, 'study.yaml'), text);
  return { dir, config: join(dir, 'study.yaml') };
}

const OUTPUTS = ['trials.csv', 'subjects.csv', 'comparisons.csv', 'comparisons.json', 'exclusions.csv'];
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

describe('myoscope run', () => {
  const study = makeStudy();
  const out1 = join(study.dir, 'out-jobs1');
  const out2 = join(study.dir, 'out-jobs2');
  const r1 = runCli(['run', study.config, '--out', out1, '--jobs', '1']);
  const r2 = runCli(['run', study.config, '--out', out2, '--jobs', '2', '--json']);

  it('runs every step and writes the outputs with provenance', () => {
    expect(r1.code, r1.stderr).toBe(0);
    for (const f of [...OUTPUTS, 'provenance.json', 'run.log']) expect(existsSync(join(out1, f)), f).toBe(true);
    const trials = read(out1, 'trials.csv').trim().split('\n');
    expect(trials[0]).toBe('subject,group,session,task,run,file,step,trial,channel,muscle,side,method,measure,value,unit,flags');
    // 6 recordings × 5 trials × (2 channels × 4 measures + 1 ratio).
    expect(trials.length - 1).toBe(6 * 5 * 9);
    const prov = JSON.parse(read(out1, 'provenance.json'));
    expect(prov.counts).toEqual({ files: 6, processed: 6, failed: 0 });
    expect(prov.inputs.map((i: { path: string }) => i.path)).toContain(join(study.dir, 'thickness.csv'));
    for (const o of prov.outputs) expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(prov.config.resolved.activation_resolved.windowMs).toBe('0,1000');
    expect(readdirSync(out1)).not.toContain('.myoscope-partial');
  });

  it('the subject table holds per-subject means of the trial rows', () => {
    const trials = read(out1, 'trials.csv').trim().split('\n').slice(1).map((l) => l.split(','));
    const es = trials.filter((c) => c[0] === 'sub-C01' && c[8] === 'ES_R' && c[12] === 'rms_pct_mvc').map((c) => Number(c[13]));
    expect(es).toHaveLength(5);
    const subjects = read(out1, 'subjects.csv').trim().split('\n').slice(1).map((l) => l.split(','));
    const row = subjects.find((c) => c[0] === 'sub-C01' && c[5] === 'ES_R' && c[8] === 'rms_pct_mvc');
    expect(Number(row?.[9])).toBeCloseTo(es.reduce((a, b) => a + b, 0) / 5, 12);
    expect(row?.[11]).toBe('5');
  });

  it('--jobs 1 and --jobs 2 give byte-identical outputs; stdout is the comparison document', () => {
    expect(r2.code, r2.stderr).toBe(0);
    for (const f of [...OUTPUTS, 'provenance.json']) expect(read(out2, f), f).toBe(read(out1, f).replace(out1, out2));
    const doc = JSON.parse(r2.stdout);
    expectValidOutput(doc);
    expect(doc.summary).toMatchObject({ files: 6, processed: 6, failed: 0, excluded: 0 });
    expect(doc.results.length).toBeGreaterThan(0);
  });

  it('shards merged give exactly what one run gives', () => {
    const parts = [1, 2, 3].map((i) => {
      const d = join(study.dir, `shard${i}`);
      const r = runCli(['run', study.config, '--out', d, '--shard', `${i}/3`]);
      expect(r.code, r.stderr).toBe(0);
      return d;
    });
    const merged = join(study.dir, 'merged');
    const m = runCli(['merge', parts[2], parts[0], parts[1], '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    for (const f of OUTPUTS) expect(read(merged, f), f).toBe(read(out1, f));
    const incomplete = runCli(['merge', parts[0], parts[1], '--out', join(study.dir, 'merged2')]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toMatch(/shard\(s\) 3\/3 missing/);
  });

  it('verify passes when nothing changed and fails naming an input edited by one byte', () => {
    const ok = runCli(['verify', out1]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^verified .* inputs unchanged, \d+ values in 5 outputs hold within rtol 1e-9/);
    const edited = makeStudy();
    const out = join(edited.dir, 'out');
    expect(runCli(['run', edited.config, '--out', out]).code).toBe(0);
    const t = join(edited.dir, 'thickness.csv');
    writeFileSync(t, read(edited.dir, 'thickness.csv').replace('sub-C01,control,ES,L,rest,1,31.2', 'sub-C01,control,ES,L,rest,1,31.3'));
    const bad = runCli(['verify', out, '--json']);
    expect(bad.code).toBe(1);
    const doc = JSON.parse(bad.stdout);
    expectValidOutput(doc);
    expect(doc.results).toContainEqual(expect.objectContaining({ kind: 'input_changed', file: t }));
    expect(doc.results.some((p: { kind: string; file: string }) => p.kind === 'drift' && p.file === 'subjects.csv')).toBe(true);
  });

  it('does not write into a folder holding other files without --force', () => {
    const other = join(study.dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const r = runCli(['run', study.config, '--out', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds files that are not this study's outputs/);
    expect(read(other, 'notes.txt')).toBe('mine');
    expect(runCli(['run', study.config, '--out', other, '--force']).code).toBe(0);
    expect(read(other, 'notes.txt')).toBe('mine');
  });

  it('a run interrupted before (its scratch folder left behind) is started again cleanly', () => {
    const d = join(study.dir, 'again');
    mkdirSync(join(d, '.myoscope-partial'), { recursive: true });
    writeFileSync(join(d, '.myoscope-partial', 'trials.csv'), 'half a file');
    const r = runCli(['run', study.config, '--out', d]);
    expect(r.code, r.stderr).toBe(0);
    expect(read(d, 'trials.csv')).toBe(read(out1, 'trials.csv'));
    expect(existsSync(join(d, '.myoscope-partial'))).toBe(false);
  });

  it('a file that fails is excluded with its reason; the run goes on and exits 1', () => {
    const s = makeStudy();
    writeFileSync(join(s.dir, 'emg/sub-C02/sub-C02_task-armraise_emg.csv.gz'), 'time,ES_R\n0,1\n0.001,x\n');
    const out = join(s.dir, 'out');
    const r = runCli(['run', s.config, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/excluded emg\/sub-C02\/sub-C02_task-armraise_emg\.csv\.gz: .*"x" is not a number/);
    const excl = read(out, 'exclusions.csv').trim().split('\n');
    expect(excl).toHaveLength(2);
    expect(excl[1]).toMatch(/^emg\/sub-C02\/sub-C02_task-armraise_emg\.csv\.gz,sub-C02,analysis,/);
    expect(JSON.parse(read(out, 'provenance.json')).counts).toEqual({ files: 6, processed: 5, failed: 1 });
  });
});

describe('study config errors name file, line and column', () => {
  const cases: [string, (c: string) => string, number, RegExp][] = [
    ['unknown top-level key', (c) => `${c}colour: blue\n`, 2, /study\.yaml:19:1: unknown key "colour" \(known: name, description/],
    ['unknown option of a step', (c) => c.replace('  window-ms: 0,1000', '  window-ms: 0,1000\n  widow: 3'), 2, /study\.yaml:13:3: unknown key "widow" in activation \(the options of `myoscope activation`: /],
    ['a value of the wrong type', (c) => c.replace('name: test study', 'name: [1, 2]'), 2, /study\.yaml:1:7: name must be string/],
    ['a key the runner sets', (c) => c.replace('  window-ms: 0,1000', '  window-ms: 0,1000\n  events: x.tsv'), 2, /study\.yaml:13:3: "events" is set by the study runner/],
    ['a pattern matching no file', (c) => c.replace('_task-armraise_emg', '_task-armrise_emg'), 3, /study\.yaml:6:5: recordings pattern ".*armrise.*" matches no file/],
  ];
  for (const [name, edit, code, message] of cases) {
    it(name, () => {
      const s = makeStudy();
      writeFileSync(s.config, edit(read(s.dir, 'study.yaml')));
      const r = runCli(['run', s.config, '--out', join(s.dir, 'out')]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(s.dir, 'out', 'trials.csv'))).toBe(false);
    });
  }
  it('a subject with recordings but not in the participants table', () => {
    const s = makeStudy();
    writeFileSync(join(s.dir, 'participants.tsv'), read(s.dir, 'participants.tsv').replace(/^sub-L03\t.*\n/m, ''));
    const r = runCli(['run', s.config, '--out', join(s.dir, 'out')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/sub-L03_task-armraise_emg\.csv\.gz: subject "sub-L03" has recordings but is not in the participants table/);
  });
});
