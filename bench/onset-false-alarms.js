// False onsets on baseline noise of three spectra: risefit with and without its confirmation (the F
// test of each detection's power against the baseline), with a longer minimum time above the
// threshold (--min-above-ms 80), and the other detectors; and what each risefit variant costs on
// short bursts.
//
//   npm run bench:onset-noise                 (1000 noise-only trials per noise, 300 burst trials per case)
//   npm run bench:onset-noise -- --trials 300 (quicker, noisier figures)
//
// Noise-only trials: 2500 ms at 1000 Hz, baseline [500, 1000) ms, search [1000, 2000) ms, conditioned
// as the onset command does (DC removal, Butterworth band-pass 20–450 Hz order 4, zero-phase; risefit's
// fit also on the chain run once each way). Noise: white Gaussian; pink (white noise through Paul
// Kellet's three-pole 1/f filter); first-order autoregressive, x[n] = 0.95·x[n−1] + e[n], whose power
// lies mostly below the 20 Hz high-pass corner. Reported: % of trials with any onset, per detector.
// Short bursts: the onset benchmark's model (src/dsp/onset-simulate-trial.ts) at 2000 Hz with a 5 ms
// rise, a plateau of 30, 60 or 100 ms and a 20 ms fall, at 6 and 10 dB; reported: % detected (an onset
// no more than 50 ms before the true one) and the median |error| (ms). Seeded (xoshiro128**).
import { detectOnsets } from '../dist/dsp/onset-detect.js';
import { onsetPrng } from '../dist/dsp/onset-prng.js';
import { simulateOnsetTrial } from '../dist/dsp/onset-simulate-trial.js';
import { methodParams } from '../dist/commands/onset.js';
import { BANDPASS_HZ } from '../dist/dsp/defaults.js';
import { conditionTrial } from './onset-conditioning.js';

const args = process.argv.slice(2);
const trialsArg = args.indexOf('--trials');
const N = trialsArg >= 0 ? Number(args[trialsArg + 1]) : 1000;
if (!Number.isInteger(N) || N < 10) throw new Error('--trials needs a whole number of at least 10');
const windowsAt = (fs, n) => {
  const s = (ms) => Math.round((ms * fs) / 1000);
  return { baselineStart: s(500), baselineEnd: s(1000), searchStart: s(1000), searchEnd: s(2000), offsetEnd: n };
};
const variants = (fs) => [
  ['risefit', methodParams('risefit', fs)],
  ['risefit without the confirmation', { ...methodParams('risefit', fs), confirmAlpha: 1 }],
  ['risefit --min-above-ms 80', methodParams('risefit', fs, { minAboveMs: 80 })],
  ['hodges-bui', methodParams('hodges-bui', fs)],
  ['bonato', methodParams('bonato', fs)],
  ['tkeo', methodParams('tkeo', fs)],
];

function noise(kind, prng, n) {
  const x = new Float64Array(n);
  let a = 0, b0 = 0, b1 = 0, b2 = 0;
  for (let i = 0; i < n; i++) {
    const e = prng.normal();
    if (kind === 'white') x[i] = e;
    else if (kind === 'ar(1) 0.95') x[i] = a = 0.95 * a + e;
    else {
      b0 = 0.99765 * b0 + e * 0.099046;
      b1 = 0.963 * b1 + e * 0.2965164;
      b2 = 0.57 * b2 + e * 1.0526913;
      x[i] = b0 + b1 + b2 + e * 0.1848;
    }
  }
  return x;
}

console.log(`False onsets on noise-only trials (1000 Hz, ${N} trials per noise), % of trials with any onset:`);
const fsNoise = 1000;
const kinds = ['white', 'pink', 'ar(1) 0.95'];
const noiseVariants = variants(fsNoise);
console.log(`| detector | ${kinds.join(' | ')} |\n|---|${kinds.map(() => '---:').join('|')}|`);
const alarms = noiseVariants.map(() => kinds.map(() => 0));
kinds.forEach((kind, k) => {
  const prng = onsetPrng(1996 + k);
  for (let i = 0; i < N; i++) {
    const raw = noise(kind, prng, 2500);
    const t = conditionTrial(raw, fsNoise);
    const w = windowsAt(fsNoise, raw.length);
    noiseVariants.forEach(([, p], v) => {
      if (detectOnsets(t.x, w, p, t.oneWay).onsets.length > 0) alarms[v][k]++;
    });
  }
});
noiseVariants.forEach(([name], v) => console.log(`| ${name} | ${alarms[v].map((c) => ((100 * c) / N).toFixed(1)).join(' | ')} |`));

const fsBurst = 2000;
const M = Math.max(10, Math.round(N * 0.3));
const burstVariants = variants(fsBurst).slice(0, 3);
console.log(`\nShort bursts (2000 Hz, ${M} trials per case): % detected, median |error| ms`);
console.log(`| plateau, SNR | ${burstVariants.map(([n]) => n).join(' | ')} |\n|---|${burstVariants.map(() => '---:').join('|')}|`);
for (const plateauMs of [30, 60, 100]) {
  for (const snrDb of [6, 10]) {
    const prng = onsetPrng(plateauMs * 100 + snrDb);
    const errors = burstVariants.map(() => []);
    for (let i = 0; i < M; i++) {
      const sim = simulateOnsetTrial(
        {
          fsHz: fsBurst, durationMs: 2500, onsetMs: 1000 + prng.between(50, 400), riseMs: 5, plateauMs, fallMs: 20, snrDb,
          emgBandHz: [prng.between(40, 70), prng.between(110, 200)], conditioningBandHz: [...BANDPASS_HZ], humFraction: prng.between(0, 0.5), mainsHz: 50, noiseRms: 5,
        },
        prng,
      );
      const t = conditionTrial(sim.x, fsBurst);
      const w = windowsAt(fsBurst, sim.x.length);
      burstVariants.forEach(([, p], v) => {
        const onset = detectOnsets(t.x, w, p, t.oneWay).onsets[0];
        const e = onset === undefined ? null : ((onset - sim.onsetIndex) * 1000) / fsBurst;
        if (e !== null && e >= -50) errors[v].push(Math.abs(e));
      });
    }
    const cell = (e) => {
      const s = [...e].sort((a, b) => a - b);
      const med = s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      return `${((100 * e.length) / M).toFixed(0)} %, ${med.toFixed(1)} ms`;
    };
    console.log(`| ${plateauMs} ms, ${snrDb} dB | ${errors.map(cell).join(' | ')} |`);
  }
}
