// Accuracy of the onset detectors on simulated EMG bursts with known onsets.
//
//   npm run bench:onset                 (500 trials per SNR level, about five minutes)
//   npm run bench:onset -- --trials 200 (quicker, noisier figures)
//   npm run bench:onset -- --seed 7     (other simulated trials; default seed 1996)
//
// Model (src/dsp/onset-simulate-trial.ts, docs/onset.md "Simulation model"): 2000 Hz; a 2500 ms trial
// with its event at 1000 ms; the burst starts U(50, 400) ms after the event with a raised-cosine rise
// of U(5, 50) ms, a plateau of U(150, 450) ms and a fall of U(60, 120) ms; the EMG source is white
// Gaussian noise through a 2nd-order Butterworth band-pass with corners U(40, 70) and U(110, 200) Hz;
// baseline noise is white Gaussian plus 50 Hz hum (with its 3rd harmonic) carrying U(0, 50) % of the
// noise power, a slow drift and an offset. SNR = 10·log10(plateau burst power / baseline noise power),
// both after the 20–450 Hz band-pass used before detection. Seeded (xoshiro128**): the same command
// prints the same table.
//
// Each trial is conditioned as the onset command does (DC removal, Butterworth band-pass 20–450 Hz,
// order 4, zero-phase; for risefit's fits also run once forward and once backward) and every
// detector runs with its defaults on a baseline of [−500, 0) ms and a
// search window of [0, 1000) ms around the event. Reported per detector and SNR:
//   median and 95th-percentile |onset − true onset| (ms) over the detected trials (R quantile type 7);
//   detected %: burst trials with an onset no more than 50 ms before the true one;
//   early %: burst trials whose onset lies more than 50 ms before the true one (fired on noise);
//   false alarm %: noise-only trials (same model, no burst) with any onset.
// Then, for the default, the signed error by rise time at 10 dB and the error with rises of 20–50 ms;
// and, for every detector and for risefit with --max-rise-ms 0, the error on abrupt onsets (rise ≤ 1 ms)
// at every SNR with the default's targets checked on them, what --max-rise-ms 0 costs on the
// mixed rises, what --step-prior 0.2 gains on gradual rises and costs on abrupt ones, and, as a bound,
// the fit told each trial's true rise time.
import { detectOnsets, ONSET_METHODS } from '../dist/dsp/onset-detect.js';
import { onsetConsensus } from '../dist/dsp/onset-consensus.js';
import { onsetPrng } from '../dist/dsp/onset-prng.js';
import { simulateOnsetTrial } from '../dist/dsp/onset-simulate-trial.js';
import { methodParams } from '../dist/commands/onset.js';
import { BANDPASS_HZ } from '../dist/dsp/defaults.js';
import { conditionTrial } from './onset-conditioning.js';
import { DISAGREE_MS } from '../dist/dsp/onset-defaults.js';

const args = process.argv.slice(2);
const trialsArg = args.indexOf('--trials');
const N = trialsArg >= 0 ? Number(args[trialsArg + 1]) : 500;
if (!Number.isInteger(N) || N < 10) throw new Error('--trials needs a whole number of at least 10');
const seedArg = args.indexOf('--seed');
const SEED = seedArg >= 0 ? Number(args[seedArg + 1]) : 1996;
if (!Number.isInteger(SEED) || SEED < 0) throw new Error('--seed needs a whole number of at least 0');
const FS = 2000;
const SNRS = [3, 6, 10, 20, 30];
const EVENT_MS = 1000;
const EARLY_MS = 50;
const samples = (ms) => Math.round((ms * FS) / 1000);
const windows = (n) => ({ baselineStart: samples(EVENT_MS - 500), baselineEnd: samples(EVENT_MS), searchStart: samples(EVENT_MS), searchEnd: samples(EVENT_MS + 1000), offsetEnd: n });

function trial(prng, snrDb, rise) {
  const model = {
    fsHz: FS, durationMs: 2500, onsetMs: EVENT_MS + prng.between(50, 400), riseMs: rise ? prng.between(rise[0], rise[1]) : prng.between(5, 50),
    plateauMs: prng.between(150, 450), fallMs: prng.between(60, 120), snrDb, emgBandHz: [prng.between(40, 70), prng.between(110, 200)],
    conditioningBandHz: [...BANDPASS_HZ], humFraction: prng.between(0, 0.5), mainsHz: 50, noiseRms: 5,
  };
  const sim = simulateOnsetTrial(model, prng);
  return { ...conditionTrial(sim.x, FS), onset: sim.onsetIndex, riseMs: model.riseMs };
}

const methods = [...ONSET_METHODS];
const params = Object.fromEntries(methods.map((m) => [m, methodParams(m, FS)]));
const names = [...methods, 'consensus'];

function firstOnsets(t) {
  const w = windows(t.x.length);
  const found = methods.map((m) => detectOnsets(t.x, w, params[m], t.oneWay).onsets[0] ?? null);
  return [...found, onsetConsensus(found, samples(DISAGREE_MS)).onset];
}

/** One detector's first onset, as a one-column row for {@link score}. */
const firstOnsetOf = (p) => (t) => [detectOnsets(t.x, windows(t.x.length), p, t.oneWay).onsets[0] ?? null];

function quantile7(sorted, p) {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.min(sorted.length - 1, lo + 1)] - sorted[lo]);
}

/** Signed errors (ms) of the onsets `onsetsOf` finds in each trial, per column; early ones counted apart. */
function score(trials, onsetsOf, columns) {
  const out = Array.from({ length: columns }, () => ({ signed: [], early: 0 }));
  for (const t of trials) {
    onsetsOf(t).forEach((onset, k) => {
      if (onset === null || onset === undefined) return;
      const e = ((onset - t.onset) * 1000) / FS;
      if (e < -EARLY_MS) out[k].early++;
      else out[k].signed.push(e);
    });
  }
  return out.map((s) => {
    const abs = s.signed.map(Math.abs).sort((a, b) => a - b);
    const sorted = [...s.signed].sort((a, b) => a - b);
    return {
      median: quantile7(abs, 0.5), p95: quantile7(abs, 0.95), signedMedian: quantile7(sorted, 0.5),
      detected: (100 * abs.length) / trials.length, early: (100 * s.early) / trials.length,
    };
  });
}

/** The default detector's targets (docs/onset.md) on one result per SNR; `falseAlarm` % of noise-only trials, if measured. */
function printTargets(title, bySnr, falseAlarm) {
  const checks = [];
  for (const snr of SNRS.filter((s) => s >= 10)) {
    const r = bySnr[snr];
    checks.push([`${snr} dB: median error ≤ 5 ms`, r.median <= 5, f(r.median)]);
    checks.push([`${snr} dB: detection ≥ 98 %`, r.detected >= 98, f(r.detected)]);
    if (falseAlarm === null) checks.push([`${snr} dB: early onsets ≤ 2 %`, r.early <= 2, f(r.early)]);
    else checks.push([`${snr} dB: false onsets ≤ 2 % (early ${f(r.early)} %, noise-only ${f(falseAlarm)} %)`, r.early <= 2 && falseAlarm <= 2, f(Math.max(r.early, falseAlarm))]);
  }
  checks.push(['6 dB: median error ≤ 10 ms', bySnr[6].median <= 10, f(bySnr[6].median)]);
  checks.push(['6 dB: detection ≥ 95 %', bySnr[6].detected >= 95, f(bySnr[6].detected)]);
  checks.push(['3 dB: detection ≥ 90 %', bySnr[3].detected >= 90, f(bySnr[3].detected)]);
  console.log(title);
  for (const [what, ok, value] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'}  ${what}: ${value}`);
}

/** `n` trials at `snr` with rises drawn from `rise` (null: the benchmark's), seeded by `seedOffset`. */
function trials(seedOffset, n, snr, rise) {
  const prng = onsetPrng(SEED + seedOffset);
  return Array.from({ length: n }, () => trial(prng, snr, rise));
}

const f = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '–');
const t0 = Date.now();
const noisePrng = onsetPrng(SEED);
const noiseTrials = Array.from({ length: N }, () => trial(noisePrng, null));
const falseAlarms = names.map(() => 0);
for (const t of noiseTrials) firstOnsets(t).forEach((o, k) => { if (o !== null) falseAlarms[k]++; });

const rows = [];
const results = {};
for (const snr of SNRS) {
  const s = score(trials(snr, N, snr, null), firstOnsets, names.length);
  results[snr] = s;
  names.forEach((m, k) => rows.push({ snr, method: m, ...s[k], falseAlarm: (100 * falseAlarms[k]) / N }));
}

console.log(`Onset accuracy on simulated bursts: ${N} burst trials per SNR and ${N} noise-only trials, seed ${SEED}, fs ${FS} Hz\n`);
console.log('| SNR dB | detector | median abs error ms | p95 abs error ms | detected % | early (false) onsets % | false alarms on noise % |');
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.snr} | ${r.method} | ${f(r.median)} | ${f(r.p95)} | ${f(r.detected)} | ${f(r.early)} | ${f(r.falseAlarm)} |`);

const d = names.indexOf('risefit');
printTargets('\nTargets for the default detector (risefit):', Object.fromEntries(SNRS.map((snr) => [snr, results[snr][d]])), (100 * falseAlarms[d]) / N);

// How the rise time moves the default detector's error at 10 dB (signed: positive = late).
console.log('\nDefault detector at 10 dB by rise time (signed error onset − true, ms; median [5th, 95th percentile]):');
for (const [label, rise] of [['abrupt (rise ≤ 1 ms)', [0.5, 1]], ['rise 20 ms', [20, 20]], ['rise 35 ms', [35, 35]], ['rise 50 ms', [50, 50]]]) {
  const signed = [];
  for (const t of trials(100 + rise[0], Math.min(N, 200), 10, rise)) {
    const o = detectOnsets(t.x, windows(t.x.length), params.risefit, t.oneWay).onsets[0];
    if (o !== undefined) signed.push(((o - t.onset) * 1000) / FS);
  }
  signed.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(22)} ${f(quantile7(signed, 0.5))} [${f(quantile7(signed, 0.05))}, ${f(quantile7(signed, 0.95))}]`);
}
// Abrupt onsets (a step in amplitude, as in many published simulations): every detector, and risefit
// told that onsets are abrupt (--max-rise-ms 0), at every SNR; the default's targets checked again.
const abruptRisefit = methodParams('risefit', FS, { maxRiseMs: 0 });
const variants = [...methods.map((m) => [m, params[m]]), ['risefit --max-rise-ms 0', abruptRisefit]];
console.log('\nAbrupt onsets (rise ≤ 1 ms), same model otherwise: median |error| ms (signed median, positive = late), detected %:');
const abrupt = {};
for (const snr of SNRS) {
  const cells = score(trials(300 + snr, N, snr, [0.5, 1]), (t) => variants.map(([, p]) => detectOnsets(t.x, windows(t.x.length), p, t.oneWay).onsets[0] ?? null), variants.length);
  abrupt[snr] = cells[0];
  console.log(`  ${snr} dB: ${cells.map((c, k) => `${variants[k][0]} ${f(c.median)} (${f(c.signedMedian)}) ${f(c.detected)} %`).join(' · ')}`);
}
printTargets('Targets for the default detector on abrupt onsets:', abrupt, null);
// Rises of 20–50 ms only (as in the sample study): the default's median |error|.
console.log('\nDefault detector with rises of U(20, 50) ms (median |error| ms, 95th percentile):');
for (const snr of [6, 10, 20]) {
  const [r] = score(trials(200 + snr, N, snr, [20, 50]), firstOnsetOf(params.risefit), 1);
  console.log(`  ${snr} dB: ${f(r.median)} (${f(r.p95)}), detected ${f(r.detected)} %`);
}
// What --max-rise-ms 0 costs when rises are gradual: the benchmark's U(5, 50) ms rises at 10 dB.
const [cost] = score(trials(400, N, 10, null), firstOnsetOf(abruptRisefit), 1);
console.log(`\nrisefit --max-rise-ms 0 on rises of U(5, 50) ms at 10 dB: median |error| ${f(cost.median)} ms (95th percentile ${f(cost.p95)})`);
// A prior favouring gradual rises (--step-prior 0.2): what it gains on gradual rises and costs on steps.
const gradualRisefit = methodParams('risefit', FS, { stepPrior: 0.2 });
console.log('\nrisefit --step-prior 0.2, median |error| ms (95th percentile), detected %:');
for (const snr of [6, 10, 20]) {
  const [g] = score(trials(500 + snr, N, snr, null), firstOnsetOf(gradualRisefit), 1);
  const [a] = score(trials(600 + snr, N, snr, [0.5, 1]), firstOnsetOf(gradualRisefit), 1);
  console.log(`  ${snr} dB: rises of U(5, 50) ms ${f(g.median)} (${f(g.p95)}) ${f(g.detected)} % · abrupt ${f(a.median)} (${f(a.p95)}) ${f(a.detected)} %`);
}
// A bound, not an option: the fit told each trial's true rise time (the only rise considered).
console.log('\nrisefit told each trial\'s true rise time (a bound: the other parameters as the default), rises of U(5, 50) ms, median |error| ms (95th percentile):');
for (const snr of [6, 10]) {
  const [r] = score(trials(500 + snr, N, snr, null), (t) => [detectOnsets(t.x, windows(t.x.length), { ...params.risefit, maxRiseMs: t.riseMs, riseStepMs: t.riseMs, stepPrior: 0 }, t.oneWay).onsets[0] ?? null], 1);
  console.log(`  ${snr} dB: ${f(r.median)} (${f(r.p95)}), detected ${f(r.detected)} %`);
}
console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
