// Load benchmark for the numeric CSV fast path (src/io/numeric-csv.ts).
//
//   npm run bench:load                      build, then 3 measured runs
//   node bench/load.js --runs 5 --chunk-mib 4
//   node bench/load.js --repr               values as JavaScript/Python print doubles (17 digits)
//
// Generates (seeded, deterministic; reused when present) a 16-channel, 10-minute, 2 kHz EMG CSV
// with a `time_s` column in bench/out/, then loads it end to end in fresh child processes: read
// the header, then fs reads into one reused buffer pushed into NumericCsvParser, through
// readRecording (the reader every command uses, time-column check included). Prints MB/s (MB = 10^6 bytes) and peak resident memory
// (process.resourceUsage().maxRSS) of each run, and csv-parse's MB/s on the first ~20 MB.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './prng.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(here, 'out');
const args = process.argv.slice(2);
// Values in mV with 7 decimals (`-0.0123456`), or with --repr the shortest round-trip text of the
// double (`-0.012345678901234568`), as pandas and numpy write full-precision floats.
const FORMAT = args.includes('--repr') ? 'repr' : 'fixed7';
const SPEC = { channels: 16, fsHz: 2000, durationS: 600, seed: 20240501, format: FORMAT, version: 1 };
const FILE = join(OUT_DIR, `emg-${SPEC.channels}ch-${SPEC.durationS}s-${SPEC.fsHz}hz-${FORMAT}.csv`);
const META = `${FILE}.json`;
const TARGET_MB_S = 150;
const TARGET_RSS_MB = 450;
const CSV_PARSE_BYTES = 20e6;

function flag(name, fallback) {
  const k = args.indexOf(name);
  if (k < 0) return fallback;
  const v = Number(args[k + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} ${args[k + 1]} must be a positive number`);
  return v;
}


/** Writes the recording: noise bursts (contractions) over a baseline, 50 Hz hum and a DC offset, in mV. */
function generate() {
  mkdirSync(OUT_DIR, { recursive: true });
  const rand = mulberry32(SPEC.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const n = SPEC.fsHz * SPEC.durationS;
  const ch = SPEC.channels;
  const names = Array.from({ length: ch }, (_, k) => `CH${String(k + 1).padStart(2, '0')} (mV)`);
  const offset = Array.from({ length: ch }, () => (rand() - 0.5) * 0.02);
  const gain = Array.from({ length: ch }, () => 0.05 + rand() * 0.4);
  const text = FORMAT === 'repr' ? (v) => String(v) : (v) => v.toFixed(7);
  const fd = openSync(FILE, 'w');
  writeSync(fd, `time_s,${names.join(',')}\n`);
  let block = [];
  for (let i = 0; i < n; i++) {
    const t = i / SPEC.fsHz;
    // A 2 s contraction every 5 s, on every channel with its own gain.
    const burst = t % 5 < 2 ? 1 : 0.04;
    const hum = 0.003 * Math.sin(2 * Math.PI * 50 * t);
    let row = t.toFixed(4);
    for (let k = 0; k < ch; k++) row += ',' + text(offset[k] + hum + gain[k] * burst * gauss());
    block.push(row);
    if (block.length === 10000) {
      writeSync(fd, block.join('\n') + '\n');
      block = [];
    }
  }
  if (block.length > 0) writeSync(fd, block.join('\n') + '\n');
  closeSync(fd);
  writeFileSync(META, JSON.stringify({ ...SPEC, bytes: statSync(FILE).size }) + '\n');
}

function ensureFile() {
  if (existsSync(FILE) && existsSync(META)) {
    const meta = JSON.parse(readFileSync(META, 'utf8'));
    const same = Object.keys(SPEC).every((k) => meta[k] === SPEC[k]);
    if (same && statSync(FILE).size === meta.bytes) return 'reused';
  }
  generate();
  return 'generated';
}

/** Reads the header line: byte offset of the data and the column names. */
function readHeader(path) {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(64 * 1024);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const nl = buf.subarray(0, n).indexOf(10);
  return { offset: nl + 1, names: buf.toString('utf8', 0, nl).replace(/\r$/, '').split(',') };
}

/** Child: one end-to-end load with the fast path. */
async function childFast(chunkBytes) {
  // The reader every command uses: header analysis, fast path, time-column check.
  const { readRecording } = await import('../dist/io/read-recording.js');
  void chunkBytes;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { recording } = await readRecording(FILE);
  const columns = [recording.time.valuesS, ...recording.channels.map((c) => c.samples)];
  const rows = columns[0].length;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const maxRssMB = (process.resourceUsage().maxRSS * 1024) / 1e6;
  // Spot check against Number() on the first 2000 rows and the last row of the file.
  const bytes = statSync(FILE).size;
  const head = Buffer.alloc(1 << 20);
  const tail = Buffer.alloc(4096);
  const fd = openSync(FILE, 'r');
  readSync(fd, head, 0, head.length, 0);
  readSync(fd, tail, 0, tail.length, bytes - tail.length);
  closeSync(fd);
  const check = head.toString('latin1').split('\n').slice(1, 2001).map((l, r) => [l, r]);
  check.push([tail.toString('latin1').trimEnd().split('\n').pop(), rows - 1]);
  for (const [l, r] of check) {
    l.split(',').forEach((f, j) => {
      if (!Object.is(columns[j][r], Number(f))) throw new Error(`row ${r} column ${j}: ${columns[j][r]} != Number("${f}")`);
    });
  }
  console.log(JSON.stringify({ bytes, rows, columns: columns.length, seconds, cpuSeconds, maxRssMB }));
}

/** Child: csv-parse (strings, then Number() into Float64Arrays) on the first ~20 MB. */
async function childCsvParse(chunkBytes) {
  const { parse } = await import('csv-parse');
  const { offset, names } = readHeader(FILE);
  const fd = openSync(FILE, 'r');
  const all = Buffer.alloc(CSV_PARSE_BYTES);
  const got = readSync(fd, all, 0, all.length, offset);
  closeSync(fd);
  const data = all.subarray(0, all.subarray(0, got).lastIndexOf(10) + 1);
  const cols = names.map(() => new Float64Array(Math.ceil(data.length / 100)));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  await new Promise((resolve, reject) => {
    const parser = parse({ delimiter: ',' });
    parser.on('readable', () => {
      let rec;
      while ((rec = parser.read()) !== null) {
        for (let j = 0; j < rec.length; j++) cols[j][rows] = Number(rec[j]);
        rows++;
      }
    });
    parser.on('error', reject);
    parser.on('end', resolve);
    for (let p = 0; p < data.length; p += chunkBytes) parser.write(data.subarray(p, Math.min(p + chunkBytes, data.length)));
    parser.end();
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  console.log(JSON.stringify({ bytes: data.length, rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
}

function runChild(kind, chunkBytes) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind, String(chunkBytes), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${kind} run failed with status ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function medianOf(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  if (args[0] === '--generate-only') {
    ensureFile();
    console.log(FILE);
    return;
  }
  if (args[0] === '--child') {
    const chunkBytes = Number(args[2]);
    if (args[1] === 'fast') await childFast(chunkBytes);
    else await childCsvParse(chunkBytes);
    return;
  }
  const runs = flag('--runs', 3);
  const chunkBytes = Math.round(flag('--chunk-mib', 1) * 1024 * 1024);
  const t0 = performance.now();
  const how = ensureFile();
  const mb = statSync(FILE).size / 1e6;
  console.log(`file ${FILE} (${mb.toFixed(1)} MB, ${how} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`node ${process.version}, chunk ${chunkBytes / 1048576} MiB, ${runs} fresh child processes`);
  const rates = [];
  const cpuRates = [];
  let peak = 0;
  for (let k = 1; k <= runs; k++) {
    const r = runChild('fast', chunkBytes);
    const rate = r.bytes / 1e6 / r.seconds;
    rates.push(rate);
    cpuRates.push(r.bytes / 1e6 / r.cpuSeconds);
    peak = Math.max(peak, r.maxRssMB);
    console.log(
      `fast path run ${k}: ${r.rows} rows x ${r.columns} columns in ${r.seconds.toFixed(3)} s = ${rate.toFixed(1)} MB/s ` +
        `(CPU ${r.cpuSeconds.toFixed(3)} s), peak RSS ${r.maxRssMB.toFixed(0)} MB`,
    );
  }
  const median = medianOf(rates);
  const cpuMedian = medianOf(cpuRates);
  const c = runChild('csv-parse', chunkBytes);
  const csvRate = c.bytes / 1e6 / c.seconds;
  console.log(
    `csv-parse + Number() on the first ${(c.bytes / 1e6).toFixed(1)} MB: ${c.seconds.toFixed(3)} s = ${csvRate.toFixed(1)} MB/s ` +
      `(CPU ${c.cpuSeconds.toFixed(3)} s)`,
  );
  const ok = median >= TARGET_MB_S && peak <= TARGET_RSS_MB;
  const verdict = FORMAT === 'fixed7' ? (ok ? 'met' : 'NOT met') : 'stated for the fixed-point file only';
  console.log(
    `fast path median ${median.toFixed(1)} MB/s wall clock, ${cpuMedian.toFixed(1)} MB per CPU second ` +
      `(${(median / csvRate).toFixed(1)}x csv-parse), peak RSS ${peak.toFixed(0)} MB; ` +
      `target >= ${TARGET_MB_S} MB/s and <= ${TARGET_RSS_MB} MB: ${verdict}`,
  );
}

await main();
