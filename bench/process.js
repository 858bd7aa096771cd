// Benchmark of `myoscope process` against the pandas + SciPy script a lab would write
// (bench/baseline_process.py), on the generated 16-channel, 10-minute, 2 kHz CSV (19.2 M samples).
//
//   npm run bench            (all benchmarks)
//   node bench/process.js    (this one; build first)
//
// Runs, in this order and each in a fresh process:
//   1. myoscope process --dc --bandpass 20,450 --order 4 --notch 50 --rectify --envelope lowpass:6 --out …
//      (timed end to end; peak RSS read from the process itself)
//   2. the baseline, when /usr/bin/python3 has pandas and SciPy (it says so and skips otherwise)
//   3. the compute of the chain alone on one channel (ours, JS, after warm-up), beside SciPy's figure
// and prints both times, the ratio, and peak memory against the 3x-signal limit.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const OUT_DIR = join(here, 'out');
const FLAGS = ['--dc', '--bandpass', '20,450', '--order', '4', '--notch', '50', '--rectify', '--envelope', 'lowpass:6'];

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

async function chainOneChannel() {
  const { conditionChannel } = await import(join(root, 'dist', 'pipeline', 'condition-channel.js'));
  const fsHz = 2000;
  const n = 1_200_000;
  const x = new Float64Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    x[i] = s / 2147483648 - 0.5 + 0.1 * Math.sin((2 * Math.PI * 50 * i) / fsHz);
  }
  const params = {
    dc: true,
    filters: [{ type: 'bandpass', cutoffHz: [20, 450], order: 4 }],
    notch: { f0Hz: 50, q: 30, harmonics: 1 },
    rectify: true,
    envelope: { method: 'lowpass', cutoffHz: 6, order: 2 },
  };
  for (let k = 0; k < 3; k++) conditionChannel(x, fsHz, params); // warm-up
  const times = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    conditionChannel(x, fsHz, params);
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return n / times[Math.floor(times.length / 2)];
}

export async function benchProcess() {
  const file = generate();
  mkdirSync(OUT_DIR, { recursive: true });
  const mb = statSync(file).size / 1e6;
  const samples = 16 * 1_200_000;
  const signalMB = (samples * 8) / 1e6;
  console.log(`\n== process: ${file} (${mb.toFixed(1)} MB, 16 channels × 1.2 M samples = 19.2 M)`);
  console.log(`   myoscope process ${FLAGS.join(' ')} --out …`);
  const ours = join(OUT_DIR, 'processed-myoscope.csv');
  const o = runOurs(file, ours);
  console.log(`   myoscope:        ${o.seconds.toFixed(2)} s end to end, peak RSS ${o.maxRssMB.toFixed(0)} MB ` +
    `(limit 3 × signal = ${(3 * signalMB).toFixed(0)} MB: ${o.maxRssMB <= 3 * signalMB ? 'within' : 'OVER'})`);
  let base;
  if (hasPython()) {
    const out = join(OUT_DIR, 'processed-pandas.csv');
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/python3', [join(here, 'baseline_process.py'), file, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const wall = (performance.now() - t0) / 1000;
    if (r.status === 0) {
      base = JSON.parse(r.stdout.trim().split('\n').pop());
      console.log(`   pandas + SciPy:  ${wall.toFixed(2)} s end to end (read ${base.read_s.toFixed(2)} s, compute ${base.compute_s.toFixed(2)} s, ` +
        `write ${base.write_s.toFixed(2)} s), peak RSS ${base.max_rss_mb.toFixed(0)} MB`);
      console.log(`   ratio:           myoscope is ${(wall / o.seconds).toFixed(2)}× the speed of the baseline`);
      base.wall = wall;
      rmSync(out, { force: true });
    } else console.log('   pandas + SciPy:  the baseline failed; see its error above');
  } else {
    console.log('   pandas + SciPy:  skipped (/usr/bin/python3 lacks pandas or SciPy: apt-get install python3-pandas python3-scipy)');
  }
  const ourRate = await chainOneChannel();
  console.log(`   chain compute, one channel, one core: myoscope ${(ourRate / 1e6).toFixed(1)} M samples/s` +
    (base ? `, SciPy ${(base.chain_samples_per_s_one_channel / 1e6).toFixed(1)} M samples/s (ratio ${(ourRate / base.chain_samples_per_s_one_channel).toFixed(2)})` : ''));
  rmSync(ours, { force: true });
  return { ours: o, base, ourRate };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('build first: npm run build');
  await benchProcess();
}
