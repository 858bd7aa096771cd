import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { tempDir, writeTemp } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';
import { loadFixture } from './load-fixture.js';

/*
 * `myoscope activation --json` on simulated recordings against the same chain and measures
 * computed with SciPy/NumPy (scripts/fixtures/activation_emg.py): MVC references, %MVC RMS and
 * envelope mean, Welch mean/median frequency, the median-frequency slope with its CI, a ratio and
 * both co-contraction indices.
 */

type Row = Record<string, unknown>;
interface Fixture {
  task: { fsHz: number; names: string[]; unit: string; x: Record<string, number[]>; events: { onset: number; trial_type: string }[] };
  mvc: { fsHz: number; x: Record<string, number[]> };
  references: Record<string, { envelope: number; rms: number }>;
  trials: {
    trial: string;
    startS: number;
    endS: number;
    channels: Record<string, Record<string, number>>;
    ratio_B_A: number;
    cci_falconer_winter_pct: number;
    cci_rudolph: number;
  }[];
  subjectRatioBA: number;
  sustained: {
    fsHz: number;
    x: number[];
    window: [number, number];
    meanFrequencyHz: number;
    medianFrequencyHz: number;
    fatigue: { epochs: number; slope: number; ciLower: number; ciUpper: number; pct: number; pctLower: number; pctUpper: number };
  };
}

const f = loadFixture<Fixture>('emg.json');
const dir = tempDir('myoscope-activation-');

function csv(fsHz: number, names: string[], unit: string, columns: number[][]): string {
  const lines = [`# fs=${fsHz}`, names.map((n) => `${n} (${unit})`).join(',')];
  for (let i = 0; i < columns[0].length; i++) lines.push(columns.map((c) => String(c[i])).join(','));
  return `${lines.join('\n')}\n`;
}

const task = writeTemp(dir, 'sub-01_task-lift_emg.csv', csv(f.task.fsHz, f.task.names, f.task.unit, f.task.names.map((n) => f.task.x[n])));
writeTemp(dir, 'sub-01_task-mvc_emg.csv', csv(f.mvc.fsHz, f.task.names, f.task.unit, f.task.names.map((n) => f.mvc.x[n])));
writeTemp(dir, 'sub-01_task-lift_events.tsv', `onset\tduration\ttrial_type\n${f.task.events.map((e) => `${e.onset}\t0\t${e.trial_type}`).join('\n')}\n`);
const sustained = writeTemp(dir, 'sustained.csv', csv(f.sustained.fsHz, ['X'], 'mV', [f.sustained.x]));

async function runJson(args: string[]): Promise<Row & { results: Row[]; warnings: string[]; recordings: Row[] }> {
  const io = memoryIo();
  const code = await main(['activation', '--json', ...args], io);
  expect(code, io.err.join('')).toBe(0);
  const doc = JSON.parse(io.out.join(''));
  expectValidOutput(doc);
  return doc;
}

// The chain matches SciPy to ~1e-12 of the signal's peak (tests/dsp); window means, RMS and
// spectra inherit that. Median frequency interpolates within a bin of the cumulative power, a
// continuous function of the PSD, so the same relative accuracy holds.
const TOL = { rtol: 1e-9, atol: 1e-12 };

describe('activation against SciPy (events, MVC, ratio, co-contraction)', async () => {
  const doc = await runJson([task, '--events', 'bids', '--trial-type', 'lift', '--window-ms', '0,1000', '--notch', '50', '--mvc', 'bids', '--ratio', 'B/A', '--co-contraction', 'A:B']);
  const find = (trial: string, channel: string, measure: string) => doc.results.find((r) => r.trial === trial && r.channel === channel && r.measure === measure);

  it('resolves subject, task and windows from the BIDS names and events', () => {
    expect(doc.recordings).toHaveLength(1);
    const rec = doc.recordings[0] as Row & { windows: Row[] };
    expect([rec.subject, rec.task]).toEqual(['sub-01', 'lift']);
    expect(rec.windows.map((w) => [w.trial, w.start_s, w.end_s, w.event_label])).toEqual(f.trials.map((t) => [t.trial, t.startS, t.endS, 'lift']));
  });

  it('MVC references of envelope and filtered signal', () => {
    const refs = (doc.recordings[0] as { mvc_references: Row[] }).mvc_references;
    for (const c of f.task.names) {
      const r = refs.find((x) => x.channel === c);
      expectClose(r?.envelope_mvc as number, f.references[c].envelope, TOL, `${c} envelope MVC`);
      expectClose(r?.rms_mvc as number, f.references[c].rms, TOL, `${c} RMS MVC`);
    }
  });

  for (const t of f.trials) {
    it(`trial ${t.trial}: %MVC amplitudes and Welch mean/median frequency per channel`, () => {
      for (const c of f.task.names) {
        for (const [measure, value] of Object.entries(t.channels[c])) {
          const r = find(t.trial, c, measure);
          expect(r, `${c} ${measure}`).toBeDefined();
          expectClose(r?.value as number, value, TOL, `trial ${t.trial} ${c} ${measure}`);
          expect(r?.unit).toBe(measure.endsWith('_hz') ? 'Hz' : '%MVC');
        }
      }
    });
    it(`trial ${t.trial}: ratio B/A and co-contraction A:B`, () => {
      expectClose(find(t.trial, 'B/A', 'envelope_mean_ratio')?.value as number, t.ratio_B_A, TOL, 'ratio');
      expectClose(find(t.trial, 'A:B', 'cci_falconer_winter_pct')?.value as number, t.cci_falconer_winter_pct, TOL, 'Falconer-Winter');
      expectClose(find(t.trial, 'A:B', 'cci_rudolph')?.value as number, t.cci_rudolph, TOL, 'Rudolph');
    });
  }

  it('per-subject rows: means over trials, the ratio of the mean amplitudes', () => {
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const rms = find('mean', 'A', 'rms_pct_mvc');
    expect(rms?.n_trials).toBe(3);
    expectClose(rms?.value as number, mean(f.trials.map((t) => t.channels.A.rms_pct_mvc)), TOL, 'subject RMS');
    expectClose(find('mean', 'B/A', 'envelope_mean_ratio')?.value as number, f.subjectRatioBA, TOL, 'subject ratio');
    expectClose(find('mean', 'A:B', 'cci_rudolph')?.value as number, mean(f.trials.map((t) => t.cci_rudolph)), TOL, 'subject Rudolph');
  });

  it('the cue event is not a trial; one-second windows are too short for a slope, and the warning says so', () => {
    expect(doc.results.filter((r) => r.trial !== 'mean').map((r) => r.trial)).not.toContain('4');
    expect(doc.results.some((r) => String(r.measure).startsWith('mdf_slope'))).toBe(false);
    expect(doc.warnings).toContain(
      `no median-frequency slope for some windows of 1 of 1 recordings (e.g. ${task}: the 1000 ms window of trial 1 gives 2 epochs of 500 ms (a slope with a confidence interval needs at least 3 points; got 2)); use longer windows or a shorter --fatigue-window-ms`,
    );
  });
});

describe('spectral fatigue against SciPy (sustained contraction, absolute window)', async () => {
  const s = f.sustained;
  const doc = await runJson([sustained, '--window', s.window.join(',')]);
  const find = (measure: string) => doc.results.find((r) => r.trial === '1' && r.channel === 'X' && r.measure === measure);

  it('mean and median frequency of the whole window', () => {
    expectClose(find('mean_frequency_hz')?.value as number, s.meanFrequencyHz, TOL);
    expectClose(find('median_frequency_hz')?.value as number, s.medianFrequencyHz, TOL);
  });

  it('median-frequency slope over 500 ms epochs (linregress) with its t-based 95 % CI, in Hz/s and %/s', () => {
    const hz = find('mdf_slope_hz_per_s');
    expect(hz?.unit).toBe('Hz/s');
    expectClose(hz?.value as number, s.fatigue.slope, TOL, 'slope');
    expectClose(hz?.ci_lower as number, s.fatigue.ciLower, TOL, 'ci lower');
    expectClose(hz?.ci_upper as number, s.fatigue.ciUpper, TOL, 'ci upper');
    const pct = find('mdf_slope_pct_per_s');
    expect(pct?.unit).toBe('%/s');
    expectClose(pct?.value as number, s.fatigue.pct, TOL, '%/s');
    expectClose(pct?.ci_lower as number, s.fatigue.pctLower, TOL, '%/s lower');
    expectClose(pct?.ci_upper as number, s.fatigue.pctUpper, TOL, '%/s upper');
  });

  it('without MVC recordings the amplitudes stay in the recording unit', () => {
    expect(find('rms')?.unit).toBe('mV');
    expect(find('envelope_mean')?.unit).toBe('mV');
    expect(find('rms_pct_mvc')).toBeUndefined();
  });
});
