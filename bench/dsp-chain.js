// Throughput of the EMG conditioning chain on one channel:
//   band-pass (Butterworth N=4, 20–450 Hz, zero-phase) → 50 Hz notch (Q 30, filtfilt)
//   → full-wave rectification → 6 Hz linear envelope (Butterworth N=2, zero-phase)
// on 1.2 M samples at 2 kHz (10 min), three ways: the public dsp functions one after the other,
// conditionChannel (what `process` runs), and its steps one by one; plus the raw second-order-section
// kernels (sosRun, exact; sosRunSegmented, long signals) for 1 to 12 sections.
//
//   npx tsc -p tsconfig.build.json && node bench/dsp-chain.js
//
// Medians of 15 runs after warm-up. The machine may be shared: compare figures taken together.
import { loadavg } from 'node:os';
import { butterSos, filtFilt, iirNotch, lowpassEnvelope, rectifyInPlace, sosFiltFilt } from '../dist/dsp/index.js';
import { removeMeanInPlace } from '../dist/dsp/remove-mean.js';
import { biquadToSos, sosFiltFiltInPlace } from '../dist/dsp/sos-filtfilt-in-place.js';
import { sosRun } from '../dist/dsp/sos-run.js';
import { sosRunSegmented } from '../dist/dsp/sos-run-segmented.js';
import { conditionChannel } from '../dist/pipeline/condition-channel.js';
import { CHAIN_PARAMS } from './chain-params.js';

const fsHz = 2000;
const n = 1_200_000;
const runs = 15;

// Deterministic test signal: noise bursts, mains hum and an offset (xorshift32 noise, no Math.random).
let seed = 2463534242;
function noise() {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296 - 0.5;
}
const x = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const burst = Math.floor(i / 4000) % 2 === 1 ? 1 : 0.05;
  x[i] = burst * noise() + 0.3 * Math.sin((2 * Math.PI * 50 * i) / fsHz) + 0.4;
}

const bandpass = butterSos({ order: 4, type: 'bandpass', cutoffHz: [20, 450], fsHz });
const notch = iirNotch(50, 30, fsHz);
const notchSos = biquadToSos(notch.b, notch.a);
const envelope = butterSos({ order: 2, type: 'lowpass', cutoffHz: 6, fsHz });
const params = CHAIN_PARAMS;

function publicChain(signal) {
  const bp = sosFiltFilt(bandpass, signal);
  const nt = filtFilt(notch.b, notch.a, bp);
  return lowpassEnvelope(rectifyInPlace(nt), { fsHz, cutoffHz: 6, order: 2 });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

let sink = 0;
/** Median seconds of `fn`, after `prepare` (untimed) before each run. */
function time(fn, prepare = () => {}) {
  for (let w = 0; w < 3; w++) {
    prepare();
    fn();
  }
  const times = [];
  for (let r = 0; r < runs; r++) {
    prepare();
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return median(times);
}

const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
const rate = (s) => `${(n / s / 1e6).toFixed(1)} M samples/s`;
console.log(`signal: ${n} samples at ${fsHz} Hz, median of ${runs} runs after warm-up; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);

const publicS = time(() => (sink += publicChain(x)[n >> 1]));
console.log(`public functions (sosFiltFilt → filtFilt → rectify → lowpassEnvelope): ${ms(publicS)}, ${rate(publicS)}`);
const conditionS = time(() => (sink += conditionChannel(x, fsHz, params)[n >> 1]));
console.log(`conditionChannel (what process runs):                               ${ms(conditionS)}, ${rate(conditionS)}`);

const buf = new Float64Array(n);
const reset = () => buf.set(x);
const steps = [
  ['copy of the input', () => (sink += x.slice()[n >> 1])],
  ['DC removal', () => removeMeanInPlace(buf)],
  ['band-pass, 4 sections, forward + backward', () => sosFiltFiltInPlace(bandpass, buf)],
  ['notch, 1 section, forward + backward', () => sosFiltFiltInPlace(notchSos, buf)],
  ['rectification', () => rectifyInPlace(buf)],
  ['envelope, 1 section, forward + backward', () => sosFiltFiltInPlace(envelope, buf)],
];
console.log('  its steps:');
for (const [name, fn] of steps) console.log(`    ${name.padEnd(44)} ${ms(time(fn, reset))}`);

// The kernels: cascades of 1..12 sections cut from the band-pass (all decay fast enough to split).
console.log('kernels, forward over the whole signal, M section-samples/s:');
console.log('  sections   sosRun (exact)   sosRunSegmented');
for (const sections of [1, 2, 3, 4, 6, 12]) {
  const sos = new Float64Array(6 * sections);
  for (let s = 0; s < sections; s++) sos.set(bandpass.subarray(6 * (s % 4), 6 * (s % 4) + 6), 6 * s);
  const exact = time(() => sosRun(sos, buf, new Float64Array(2 * sections), false), reset);
  const segmented = time(() => sosRunSegmented(sos, buf, new Float64Array(2 * sections), false), reset);
  console.log(`  ${String(sections).padStart(8)}   ${((n * sections) / exact / 1e6).toFixed(0).padStart(14)}   ${((n * sections) / segmented / 1e6).toFixed(0).padStart(15)}`);
}
if (!Number.isFinite(sink)) console.log('(non-finite output)');
