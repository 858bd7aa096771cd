// `npm run bench:study`: a generated study run end to end by `myoscope run`.
//
//   npm run bench:study                 (200 recordings; build first via the npm script)
//   node bench/study.js --files 50      (a smaller study)
//
// Generates (seeded, deterministic; reused when present) in bench/out/study/: 200 recordings of
// 4 channels (TrA_R, ES_R, GMed_R, DELT_R), 60 s at 2 kHz each (plain CSV, whole µV, `# fs=2000`)
// with 10 arm-raise events, a participants table and a thickness table of 500 subjects (3 trials,
// 2 muscles, 2 sides, rest/contracted). Then runs `myoscope run` with --jobs 1 and --jobs 2 in
// fresh processes, and prints wall time, files per second and peak resident memory of each. Peak
// memory is also measured on a quarter of the files (--shard 1/4), to show it does not grow with
// the number of files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const FILES = flag('--files', 200);
const SPEC = { files: FILES, channels: 4, durationS: 60, fsHz: 2000, events: 10, thicknessSubjects: 500, seed: 8, version: 2 };
const DIR = join(here, 'out', `study-${FILES}`);

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate() {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(join(DIR, 'emg'), { recursive: true });
  const rand = rng(SPEC.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const participants = ['participant_id\tgroup'];
  const n = SPEC.fsHz * SPEC.durationS;
  const names = ['TrA_R', 'ES_R', 'GMed_R', 'DELT_R'];
  for (let f = 0; f < SPEC.files; f++) {
    const group = f % 2 === 0 ? 'control' : 'LBP';
    const id = `sub-${group === 'control' ? 'C' : 'L'}${String(f + 1).padStart(3, '0')}`;
    participants.push(`${id}\t${group}`);
    const cues = Array.from({ length: SPEC.events }, (_, k) => 3 + k * 5.5 + rand());
    // Onsets: deltoid 150-250 ms after the cue; TrA 30 ms before it in controls, 50 ms after in LBP.
    const onsets = cues.map((c) => {
      const delt = c + 0.15 + 0.1 * rand();
      const tra = delt + (group === 'control' ? -0.03 : 0.05) + 0.01 * gauss();
      return [tra, delt + 0.01 * gauss(), delt + 0.015 + 0.01 * gauss(), delt];
    });
    const gain = names.map(() => 20 + 40 * rand());
    const rows = ['# fs=2000', `${names.map((c) => `${c} (uV)`).join(',')}`];
    let lp = [0, 0, 0, 0];
    let k = 0;
    for (let i = 0; i < n; i++) {
      const t = i / SPEC.fsHz;
      while (k < SPEC.events - 1 && t > cues[k] + 4) k++;
      let line = '';
      for (let c = 0; c < 4; c++) {
        const since = t - onsets[k][c];
        const env = since < 0 ? 0 : since < 0.03 ? since / 0.03 : since < 0.5 ? 1 : Math.max(0, 1 - (since - 0.5) / 0.1);
        const w = gauss();
        lp[c] = 0.6 * lp[c] + w; // coloured EMG-like noise
        const v = 3 * gauss() + env * gain[c] * lp[c] * 0.5 + 4 * Math.sin(2 * Math.PI * 50 * t);
        line += (c ? ',' : '') + Math.round(v);
      }
      rows.push(line);
    }
    mkdirSync(join(DIR, 'emg', id), { recursive: true });
    writeFileSync(join(DIR, 'emg', id, `${id}_task-armraise_emg.csv`), `${rows.join('\n')}\n`);
    writeFileSync(join(DIR, 'emg', id, `${id}_task-armraise_events.tsv`), `onset\tduration\ttrial_type\n${cues.map((c) => `${c.toFixed(4)}\t0\tarm_raise`).join('\n')}\n`);
  }
  const thick = ['subject,group,muscle,side,condition,trial,thickness_mm'];
  for (let s = 0; s < SPEC.thicknessSubjects; s++) {
    const group = s % 2 === 0 ? 'control' : 'LBP';
    const id = `sub-T${String(s + 1).padStart(3, '0')}`;
    participants.push(`${id}\t${group}`);
    for (const [muscle, base] of [['ES', 34], ['GM', 17]]) {
      for (const side of ['L', 'R']) {
        const rest = base + 3 * gauss();
        const act = (group === 'control' ? 13 : 9.5) + 4 * gauss();
        for (let trial = 1; trial <= 3; trial++) {
          thick.push(`${id},${group},${muscle},${side},rest,${trial},${(rest + 0.5 * gauss()).toFixed(2)}`);
          thick.push(`${id},${group},${muscle},${side},contracted,${trial},${(rest * (1 + act / 100) + 0.5 * gauss()).toFixed(2)}`);
        }
      }
    }
  }
  writeFileSync(join(DIR, 'participants.tsv'), `${participants.join('\n')}\n`);
  writeFileSync(join(DIR, 'thickness.csv'), `${thick.join('\n')}\n`);
  writeFileSync(
    join(DIR, 'study.yaml'),
    `name: generated benchmark study
participants: participants.tsv
group: { column: group, reference: control }
recordings:
  - task: armraise
    files: emg/{subject}/{subject}_task-armraise_emg.csv
onset:
  reference: DELT_R
activation:
  window-ms: 0,1000
  envelope: lowpass:6
  ratio: [GMed_R/ES_R]
thickness:
  table: thickness.csv
compare:
  measure: latency_ms,feedforward,envelope_mean,change_pct,rest_mm
`,
  );
  writeFileSync(join(DIR, 'spec.json'), JSON.stringify(SPEC));
}

function ensure() {
  const specPath = join(DIR, 'spec.json');
  if (existsSync(specPath) && readFileSync(specPath, 'utf8') === JSON.stringify(SPEC)) return 'reused';
  generate();
  return 'generated';
}

function run(jobs, extra = []) {
  const out = join(DIR, `results-jobs${jobs}${extra.length ? '-part' : ''}`);
  const script = `
    const { main } = await import(${JSON.stringify(join(root, 'dist', 'cli.js'))});
    const t0 = performance.now();
    const code = await main(${JSON.stringify(['run', join(DIR, 'study.yaml'), '--out', out, '--force', '--jobs', String(jobs), '--json'])}.concat(${JSON.stringify(extra)}), {
      stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: process.cwd() });
    console.log(JSON.stringify({ code, seconds: (performance.now() - t0) / 1000, maxRssMB: process.resourceUsage().maxRSS * 1024 / 1e6 }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`run failed (status ${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const t0 = performance.now();
const how = ensure();
console.log(`study: ${DIR} (${SPEC.files} recordings × ${SPEC.channels} channels × ${SPEC.durationS} s at ${SPEC.fsHz} Hz, ${SPEC.thicknessSubjects} thickness subjects; ${how} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const quarter = run(2, ['--shard', '1/4']);
console.log(`  --jobs 2, a quarter of the files (--shard 1/4): ${quarter.seconds.toFixed(1)} s, peak RSS ${quarter.maxRssMB.toFixed(0)} MB`);
for (const jobs of [1, 2]) {
  const r = run(jobs);
  console.log(`  --jobs ${jobs}: ${r.seconds.toFixed(1)} s wall, ${(SPEC.files / r.seconds).toFixed(2)} files/s, peak RSS ${r.maxRssMB.toFixed(0)} MB (exit ${r.code})`);
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
