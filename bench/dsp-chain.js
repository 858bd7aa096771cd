// Throughput of the EMG conditioning chain on one channel:
//   band-pass (Butterworth N=4, 20–450 Hz, zero-phase) → 50 Hz notch (Q 30, filtfilt)
//   → full-wave rectification → 6 Hz linear envelope (Butterworth N=2, zero-phase)
// on 1.2 M samples at 2 kHz (10 min), plus the raw second-order-section kernel.
//
//   npx tsc -p tsconfig.build.json && node bench/dsp-chain.js
import { butterSos, filtFilt, iirNotch, lowpassEnvelope, rectifyInPlace, sosFiltFilt, sosFiltInPlace } from '../dist/dsp/index.js';

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

function chain(signal) {
  const bp = sosFiltFilt(bandpass, signal);
  const nt = filtFilt(notch.b, notch.a, bp);
  return lowpassEnvelope(rectifyInPlace(nt), { fsHz, cutoffHz: 6, order: 2 });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return median(times);
}

let sink = 0;
for (let w = 0; w < 3; w++) sink += chain(x)[n >> 1]; // warm-up
const chainS = time(() => {
  sink += chain(x)[n >> 1];
});

const buf = new Float64Array(n);
const kernelS = time(() => {
  buf.set(x);
  sosFiltInPlace(bandpass, buf);
  sink += buf[n >> 1];
});

const sections = bandpass.length / 6;
console.log(`signal: ${n} samples at ${fsHz} Hz, median of ${runs} runs after warm-up`);
console.log(`chain (band-pass → notch → rectify → 6 Hz envelope): ${(chainS * 1000).toFixed(1)} ms, ${(n / chainS / 1e6).toFixed(1)} M samples/s`);
console.log(`sosFiltInPlace, ${sections} sections forward: ${(kernelS * 1000).toFixed(1)} ms, ${((n * sections) / kernelS / 1e6).toFixed(0)} M section-samples/s`);
if (!Number.isFinite(sink)) console.log('(non-finite output)');
