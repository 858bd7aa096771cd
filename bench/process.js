// Benchmark of `myoscope process` against the pandas + SciPy script a lab would write
// (bench/baseline_process.py), on the generated 16-channel, 10-minute, 2 kHz CSV (19.2 M samples).
//
//   npm run bench                                  (all benchmarks)
//   node bench/process.js [--runs N] [--baseline-runs M]   (this one; build first)
//
// Runs, in this order and each in a fresh process:
//   1. myoscope process --dc --bandpass 20,450 --order 4 --notch 50 --rectify --envelope lowpass:6 --out …
//      N times (default 3; timed end to end; peak RSS read from the process itself)
//   2. the baseline M times (default 1), when /usr/bin/python3 has pandas and SciPy (it says so and
//      skips otherwise)
//   3. the compute of the chain alone on one 1.2 M-sample channel, ours (conditionChannel) and
//      SciPy's (the baseline's chain function) on the same signal, 9 runs each after warm-up
// and prints medians (with every run), the ratio, peak memory against the 3x-signal limit, and the
// load average before and after: the machine may be shared, so compare figures taken together.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism as availableCores, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CHAIN_PARAMS } from './chain-params.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const OUT_DIR = join(here, 'out');
const args = process.argv.slice(2);
const RUNS = intFlag('--runs', 3);
const BASELINE_RUNS = intFlag('--baseline-runs', 1);
const CHAIN_RUNS = 9;
const FLAGS = ['--dc', '--bandpass', '20,450', '--order', '4', '--notch', '50', '--rectify', '--envelope', 'lowpass:6'];

function intFlag(name, fallback) {
  const k = args.indexOf(name);
  if (k < 0) return fallback;
  const v = Number(args[k + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} ${args[k + 1]} must be a positive integer`);
  return v;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');

function generate() {
  const r = spawnSync(process.execPath, [join(here, 'load.js'), '--generate-only'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('generating the benchmark file failed');
  return r.stdout.trim().split('\n').pop();
}

function runOurs(file, out) {
  // A child that runs the CLI in-process and reports its own peak RSS (worker threads included).
  const script = `
    const { main } = await import(${JSON.stringify(join(root, 'dist', 'cli.js'))});
    const t0 = performance.now();
    const code = await main(${JSON.stringify(['process', file, ...FLAGS, '--out', out, '--json'])}, {
      stdout: () => {}, stderr: (s) => process.stderr.write(s), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: process.cwd() });
    const seconds = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ code, seconds, maxRssMB: process.resourceUsage().maxRSS * 1024 / 1e6 }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`myoscope process failed (status ${r.status})`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  if (res.code !== 0) throw new Error(`myoscope process exited ${res.code}`);
  return res;
}

function hasPython() {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import pandas, scipy'], { stdio: 'ignore' });
  return r.status === 0;
}

/** The chain's test signal, made identically here and in Python (MINSTD: exact integer steps, one rounded division). */
const SIGNAL_PY = `
import numpy as np
def signal_1200k():
    s = 12345
    out = np.empty(1200000)
    for i in range(1200000):
        s = (48271 * s) % 2147483647
        out[i] = (s / 2147483647 - 0.5) * (1.0 if (i // 4000) % 2 else 0.05) + 0.4
    return out
`;

function signal1200k() {
  const x = new Float64Array(1_200_000);
  let s = 12345;
  for (let i = 0; i < x.length; i++) {
    s = (48271 * s) % 2147483647;
    x[i] = (s / 2147483647 - 0.5) * (Math.floor(i / 4000) % 2 === 1 ? 1 : 0.05) + 0.4;
  }
  return x;
}

/** Seconds per run of conditionChannel on one channel (after warm-up). */
async function chainOurs() {
  const { conditionChannel } = await import(join(root, 'dist', 'pipeline', 'condition-channel.js'));
  const x = signal1200k();
  const params = CHAIN_PARAMS;
  for (let k = 0; k < 3; k++) conditionChannel(x, 2000, params); // warm-up
  const times = [];
  for (let k = 0; k < CHAIN_RUNS; k++) {
    const t0 = performance.now();
    conditionChannel(x, 2000, params);
    times.push((performance.now() - t0) / 1000);
  }
  return times;
}

/** Seconds per run of the baseline's chain function on the same signal, or null without SciPy. */
function chainScipy() {
  const code = `${SIGNAL_PY}
import json, sys, time
sys.path.insert(0, ${JSON.stringify(here)})
import scipy.signal as signal
from baseline_process import chain
x = signal_1200k()
fs = 2000
band = signal.butter(4, [20, 450], 'bandpass', fs=fs, output='sos')
notch = signal.iirnotch(50, 30, fs)
env = signal.butter(2, 6, 'lowpass', fs=fs, output='sos')
for _ in range(2):
    chain(x, fs, band, notch, env)
times = []
for _ in range(${CHAIN_RUNS}):
    t0 = time.perf_counter()
    chain(x, fs, band, notch, env)
    times.append(time.perf_counter() - t0)
print(json.dumps(times))
`;
  const r = spawnSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()) : null;
}

const rate = (seconds) => (1_200_000 / seconds / 1e6).toFixed(1);

export async function benchProcess() {
  const file = generate();
  mkdirSync(OUT_DIR, { recursive: true });
  const mb = statSync(file).size / 1e6;
  const samples = 16 * 1_200_000;
  const signalMB = (samples * 8) / 1e6;
  console.log(`\n== process: ${file} (${mb.toFixed(1)} MB, 16 channels × 1.2 M samples = 19.2 M)`);
  console.log(`   load average before: ${load()} (1, 5, 15 min; ${availableCores()} cores)`);
  console.log(`   myoscope process ${FLAGS.join(' ')} --out …`);
  const ours = join(OUT_DIR, 'processed-myoscope.csv');
  const runs = [];
  for (let k = 0; k < RUNS; k++) runs.push(runOurs(file, ours));
  const oSeconds = median(runs.map((r) => r.seconds));
  const oRss = Math.max(...runs.map((r) => r.maxRssMB));
  console.log(`   myoscope:        ${oSeconds.toFixed(2)} s end to end (median of ${RUNS}: ${runs.map((r) => r.seconds.toFixed(2)).join(', ')}), ` +
    `peak RSS ${oRss.toFixed(0)} MB (limit 3 × signal = ${(3 * signalMB).toFixed(0)} MB: ${oRss <= 3 * signalMB ? 'within' : 'OVER'})`);
  let base;
  if (hasPython()) {
    const out = join(OUT_DIR, 'processed-pandas.csv');
    const walls = [];
    for (let k = 0; k < BASELINE_RUNS; k++) {
      const t0 = performance.now();
      const r = spawnSync('/usr/bin/python3', [join(here, 'baseline_process.py'), file, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const wall = (performance.now() - t0) / 1000;
      if (r.status !== 0) {
        console.log('   pandas + SciPy:  the baseline failed; see its error above');
        base = undefined;
        break;
      }
      base = JSON.parse(r.stdout.trim().split('\n').pop());
      walls.push(wall);
    }
    if (base) {
      base.wall = median(walls);
      console.log(`   pandas + SciPy:  ${base.wall.toFixed(2)} s end to end (median of ${walls.length}: ${walls.map((w) => w.toFixed(2)).join(', ')}; ` +
        `last run: read ${base.read_s.toFixed(2)} s, compute ${base.compute_s.toFixed(2)} s, write ${base.write_s.toFixed(2)} s), peak RSS ${base.max_rss_mb.toFixed(0)} MB`);
      console.log(`   ratio:           myoscope is ${(base.wall / oSeconds).toFixed(2)}× the speed of the baseline`);
    }
    rmSync(out, { force: true });
  } else {
    console.log('   pandas + SciPy:  skipped (/usr/bin/python3 lacks pandas or SciPy: apt-get install python3-pandas python3-scipy)');
  }
  const ourTimes = await chainOurs();
  const scipyTimes = base ? chainScipy() : null;
  console.log(`   chain compute, one 1.2 M-sample channel, one core, M samples/s (median / best of ${CHAIN_RUNS}):`);
  console.log(`     myoscope conditionChannel  ${rate(median(ourTimes))} / ${rate(Math.min(...ourTimes))}`);
  if (scipyTimes) {
    console.log(`     SciPy (baseline's chain)   ${rate(median(scipyTimes))} / ${rate(Math.min(...scipyTimes))}` +
      `   ratio ${(median(scipyTimes) / median(ourTimes)).toFixed(2)} (medians), ${(Math.min(...scipyTimes) / Math.min(...ourTimes)).toFixed(2)} (best)`);
    console.log(`     (the baseline's own figure, best channel of its run: ${(base.chain_samples_per_s_one_channel / 1e6).toFixed(1)})`);
  }
  console.log(`   load average after:  ${load()}`);
  rmSync(ours, { force: true });
  return { ours: { seconds: oSeconds, maxRssMB: oRss, runs }, base, ourTimes, scipyTimes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('build first: npm run build');
  await benchProcess();
}
