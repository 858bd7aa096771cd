import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { runCli, tempDir, writeTemp } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

type Row = Record<string, unknown>;
const dir = tempDir('myoscope-activation-cli-');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(['activation', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

async function runJson(args: string[]): Promise<Row & { results: Row[]; warnings: string[]; params: Row; recordings: Row[] }> {
  const r = await run(['--json', ...args]);
  expect(r.code, r.err).toBe(0);
  const doc = JSON.parse(r.out);
  expectValidOutput(doc);
  return doc;
}

/**
 * Columns of 100 Hz sines at 2000 Hz with the given amplitudes (mV), `seconds` long; with
 * `silenceS`, that much silence before and after the tone.
 */
function tones(amplitudes: Record<string, number>, seconds: number, silenceS = 0): string {
  const fs = 2000;
  const names = Object.keys(amplitudes);
  const lines = [`# fs=${fs}`, names.map((n) => `${n} (mV)`).join(',')];
  const pad = silenceS * fs;
  for (let i = -pad; i < fs * seconds + pad; i++) {
    const on = i >= 0 && i < fs * seconds;
    lines.push(names.map((n) => String(on ? amplitudes[n] * Math.sin((2 * Math.PI * 100 * i) / fs) : 0)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Mean of |sin| over the 20 samples of one period at 2000 Hz: (1/10)·Σₖ₌₀⁹ sin(kπ/10) = cot(π/20)/10 (2/π = 0.6366 only in the limit). */
const MEAN_ABS_SIN = 1 / (10 * Math.tan(Math.PI / 20));

const REC = writeTemp(dir, 'sub-07_task-hold_emg.csv', tones({ ES_R: 2, GMed_R: 1, MF_R: 0.5 }, 4));
writeTemp(dir, 'sub-07_task-hold_events.tsv', 'onset\tduration\ttrial_type\n1.0\t1.0\thold\n2.5\t1.5\thold\n');

describe('activation: hand-worked values on pure tones', () => {
  // A 100 Hz sine of amplitude A passes the 20–450 Hz band-pass unchanged (|H| = 1 − 1e-6) and,
  // rectified and smoothed at 6 Hz, has the envelope A·m, m = MEAN_ABS_SIN (the mean of the
  // sampled |sin|; the 200 Hz ripple is attenuated by ~1e-6). Over 1 s (100 whole periods) in the
  // middle of the recording:
  //   RMS = A/√2 (the sampled sin² averages 1/2 exactly); envelope mean = A·m; ratio GMed/ES = 1/2;
  //   Falconer–Winter = 2·min/(a + b) × 100 = 2·m/(3·m) × 100 = 200/3 %;
  //   Rudolph = (lower/higher)·(lower + higher) = (1/2)·(3·m) = 1.5·m mV.
  const TOL = { rtol: 1e-4 };
  it('RMS, envelope mean, ratio and both co-contraction indices', async () => {
    const doc = await runJson([REC, '--window', '1.5,2.5', '--ratio', 'GMed_R/ES_R', '--co-contraction', 'ES_R:GMed_R']);
    const v = (channel: string, measure: string) => doc.results.find((r) => r.trial === '1' && r.channel === channel && r.measure === measure)?.value as number;
    expectClose(v('ES_R', 'rms'), 2 / Math.SQRT2, TOL, 'RMS');
    expectClose(v('ES_R', 'envelope_mean'), 2 * MEAN_ABS_SIN, TOL, 'envelope mean');
    expectClose(v('GMed_R/ES_R', 'envelope_mean_ratio'), 0.5, TOL, 'ratio');
    expectClose(v('ES_R:GMed_R', 'cci_falconer_winter_pct'), 200 / 3, TOL, 'Falconer-Winter');
    expectClose(v('ES_R:GMed_R', 'cci_rudolph'), 1.5 * MEAN_ABS_SIN, TOL, 'Rudolph');
    expect(doc.params.co_contraction_formulas).toEqual({
      cci_falconer_winter_pct: 'CCI = 2 * integral(min(a, b)) / integral(a + b) * 100',
      cci_rudolph: 'CCI = mean over samples of (lower / higher) * (lower + higher)',
    });
    // Not normalised: the warning says ratios and indices then depend on gain.
    expect(doc.warnings.some((w) => /not normalised to MVC depend on each channel's gain/.test(w))).toBe(true);
  });

  it('a recording sampled below 1000 Hz: the default band-pass high corner becomes 0.45 × fs, with a warning', async () => {
    // A 100 Hz tone of amplitude 2 mV sampled at 500 Hz, where 20–450 Hz would lie above Nyquist.
    const lines = ['# fs=500', 'ES_R (mV)'];
    for (let i = 0; i < 2000; i++) lines.push(String(2 * Math.sin((2 * Math.PI * 100 * i) / 500)));
    const slow = writeTemp(dir, 'slow500.csv', `${lines.join('\n')}\n`);
    const doc = await runJson([slow, '--window', '1,3']);
    expect(doc.warnings).toContain(`${slow}: sampled at 500 Hz, so the default band-pass is 20–225 Hz (high corner 0.45 × fs; --bandpass sets it)`);
    expect(doc.recordings[0].bandpass_hz).toEqual([20, 225]);
    expect(doc.params.bandpass_hz).toEqual([20, 225]);
    // 100 Hz lies in the pass band: the RMS is the tone's, 2/√2 (the order-4 corners take < 0.1 %).
    const rms = doc.results.find((r) => r.trial === '1' && r.channel === 'ES_R' && r.measure === 'rms')?.value as number;
    expectClose(rms, 2 / Math.SQRT2, { rtol: 1e-3 }, 'RMS');
    // Corners given explicitly are never changed.
    const bad = await run([slow, '--window', '1,3', '--bandpass', '20,450']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Butterworth band-pass high corner 450 Hz must be below Nyquist 250 Hz (fs 500 Hz)');
  });

  it('%MVC: amplitudes divided by the MVC references; a tone of twice the amplitude as MVC gives about 50 %', async () => {
    // The zero-phase filters' start-up at the MVC recording's edges moves its largest 500 ms
    // window by up to about half a percent, so the hand-worked 50 % holds to 1 %; the exact
    // normalisation is checked against the references the output reports (and against SciPy in
    // activation-reference.test.ts).
    writeTemp(dir, 'sub-07_task-mvc_emg.csv', tones({ ES_R: 4, GMed_R: 2, MF_R: 1 }, 3));
    const args = [REC, '--events', 'bids', '--window-ms', '0,1000', '--channels', 'ES_R'];
    const doc = await runJson([...args, '--mvc', 'bids']);
    const raw = await runJson(args);
    const ref = (doc.recordings[0] as { mvc_references: Row[] }).mvc_references[0];
    expect(ref).toMatchObject({ channel: 'ES_R', unit: 'mV', envelope_source: `${dir}/sub-07_task-mvc_emg.csv` });
    for (const trial of ['1', '2']) {
      const get = (d: typeof doc, m: string) => d.results.find((r) => r.trial === trial && r.channel === 'ES_R' && r.measure === m);
      for (const [m, refKey] of [['rms', 'rms_mvc'], ['envelope_mean', 'envelope_mvc']]) {
        const pct = get(doc, `${m}_pct_mvc`);
        expect(pct?.unit).toBe('%MVC');
        expectClose(pct?.value as number, ((get(raw, m)?.value as number) / (ref[refKey] as number)) * 100, { rtol: 1e-12 }, `${m} trial ${trial}`);
        expectClose(pct?.value as number, 50, { rtol: 1e-2 }, `${m} trial ${trial} ≈ 50 %`);
      }
    }
    expect(doc.recordings[0]).toMatchObject({ subject: 'sub-07', task: 'hold', mvc: [`${dir}/sub-07_task-mvc_emg.csv`] });
    expect(doc.params).toMatchObject({ normalisation: 'mvc', mvc_window_ms: 500, bandpass_hz: [20, 450], bandpass_order: 4, envelope: 'lowpass:6', envelope_order: 2 });
  });

  it('windows from events over their own durations; subject from --subject; --csv columns', async () => {
    const doc = await runJson([REC, '--events', `${dir}/sub-07_task-hold_events.tsv`, '--subject', 'P7', '--channels', 'MF_R']);
    const w = (doc.recordings[0] as { windows: Row[] }).windows;
    expect(w.map((x) => [x.start_s, x.end_s])).toEqual([
      [1, 2],
      [2.5, 4],
    ]);
    expect(doc.results.every((r) => r.subject === 'P7')).toBe(true);
    // Trial 2 lasts 1.5 s: three 500 ms epochs, so it has a slope; trial 1 has two and none.
    expect(doc.results.filter((r) => r.measure === 'mdf_slope_hz_per_s').map((r) => r.trial)).toEqual(['2', 'mean']);
    const csv = await run(['--csv', REC, '--channels', 'MF_R']);
    expect(csv.out.split('\n')[0]).toBe('subject,group,task,trial,channel,measure,value,unit,ci_lower,ci_upper,n_trials,window_start_s,window_end_s,recording');
    expect(csv.out.split('\n')[1]).toMatch(/^sub-07,,hold,1,MF_R,rms,0\.3535\d*,mV,,,,0,4,/);
  });

  it('--records subjects keeps the per-subject rows only (one per subject and measure, as compare reads them); trials the trial rows', async () => {
    const args = [REC, '--events', `${dir}/sub-07_task-hold_events.tsv`, '--channels', 'ES_R'];
    const subjects = await runJson([...args, '--records', 'subjects']);
    expect(new Set(subjects.results.map((r) => r.trial))).toEqual(new Set(['mean']));
    expect(subjects.params.records).toBe('subjects');
    const trials = await runJson([...args, '--records', 'trials']);
    expect(new Set(trials.results.map((r) => r.trial))).toEqual(new Set(['1', '2']));
  });

  it('events outside the recording are skipped with a warning', async () => {
    const events = writeTemp(dir, 'late_events.tsv', 'onset\tduration\ttrial_type\n1\t0\tgo\n3.5\t0\tgo\n');
    const doc = await runJson([REC, '--events', events, '--window-ms', '0,1000', '--channels', 'ES_R']);
    expect(doc.warnings).toContain(`${REC}: trial 2 skipped: event "go" at 3.5 s: window 3.5–4.5 s lies outside the recording (0–4 s)`);
    expect(new Set(doc.results.map((r) => r.trial))).toEqual(new Set(['1', 'mean']));
  });
});

describe('activation: usage errors (exit 2)', () => {
  const cases: [string[], string][] = [
    [['--ratio', 'GMed_R/GMax_R'], `unknown channel "GMax_R" in ${REC} (channels: ES_R, GMed_R, MF_R)`],
    [['--channels', 'TrA'], `unknown channel "TrA" in ${REC} (channels: ES_R, GMed_R, MF_R)`],
    [['--ratio', 'ES_R'], '--ratio "ES_R" must name two channels as A/B'],
    [['--co-contraction', 'ES_R:ES_R'], '--co-contraction "ES_R:ES_R" names the same channel twice'],
    [['--window', '1,2', '--events', 'bids'], '--window (absolute) and --events cannot be combined'],
    [['--window-ms', '0,500'], '--window-ms is relative to event onsets: give --events FILE or --events bids'],
    [['--events', 'a.tsv,b.tsv'], '--events names 2 files for 1 recordings; give one per recording, in order, or "bids"'],
    [['--envelope', 'hilbert'], '--envelope "hilbert" must be lowpass:HZ or rms:MS'],
    [['--bandpass', '20,1200'], '1200 Hz'],
    [['--bandpass', '450,20'], '--bandpass low corner 450 Hz must be below the high corner 20 Hz'],
    [['--order', '2.5'], '--order 2.5 must be a whole number'],
    [['--window', '1,1.1'], 'Welch segment 250 ms (500 samples) is longer than the 100 ms window (200 samples at 2000 Hz)'],
    [['--window', '3,5'], '--window: window 3–5 s lies outside the recording (0–4 s)'],
    [['--mvc', 'bids', '--subject', 'sub-99'], `--mvc bids: no sub-99_task-mvc…_emg recording beside ${REC}`],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const r = await run([REC, ...args]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(message);
      expect(r.out).toBe('');
    });
  }
  it('--events bids needs BIDS file names', async () => {
    const plain = writeTemp(dir, 'plain.csv', tones({ A: 1 }, 1));
    const r = await run([plain, '--events', 'bids']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`myoscope: error: --events bids: ${plain} is not named like a BIDS recording (<entities>_emg.<ext>)\n`);
  });
});

describe('activation: bad input (exit 3)', () => {
  it('an MVC recording without a channel of the task', async () => {
    const mvc = writeTemp(dir, 'mvc-short.csv', tones({ ES_R: 4 }, 1));
    const r = await run([REC, '--mvc', mvc, '--channels', 'ES_R,MF_R']);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${mvc}: MVC recording has no channel "MF_R" (channels: ES_R)\n`);
  });
  it('an MVC recording at another sample rate', async () => {
    const mvc = writeTemp(dir, 'mvc-1k.csv', '# fs=1000\nES_R (mV)\n' + Array.from({ length: 1000 }, (_, i) => String(Math.sin(i))).join('\n') + '\n');
    const r = await run([REC, '--mvc', mvc, '--channels', 'ES_R']);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${mvc}: MVC recording at 1000 Hz, but ${REC} is at 2000 Hz: they must share the sample rate\n`);
  });
  it('a malformed sample names file, line and column', async () => {
    const bad = writeTemp(dir, 'bad.csv', '# fs=1000\nA (mV),B (mV)\n0.1,0.2\n0.3,abc\n');
    const r = await run([bad]);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${bad}:4:2: "abc" is not a number\n`);
  });
  it('a missing sample in a channel that is used', async () => {
    const gap = writeTemp(dir, 'gap.csv', '# fs=1000\nA (mV),B (mV)\n' + Array.from({ length: 600 }, (_, i) => (i === 300 ? '0.1,' : `${Math.sin(i)},${Math.cos(i)}`)).join('\n') + '\n');
    const r = await run([gap, '--channels', 'B']);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${gap}: channel "B" has a missing value at sample 301 (t = 0.300000 s): filtering needs every sample\n`);
    const ok = await run([gap, '--channels', 'A', '--welch-segment-ms', '100']);
    expect(ok.code, ok.err).toBe(0);
  });
  it('an events file with an onset that is not a number', async () => {
    const events = writeTemp(dir, 'bad_events.tsv', 'onset\tduration\ttrial_type\n1\t0\tgo\nsoon\t0\tgo\n');
    const r = await run([REC, '--events', events, '--window-ms', '0,1000']);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${events}:3:1: onset "soon" is not a number of seconds\n`);
  });
});

describe('activation: the built binary', () => {
  it('prints the per-subject table, warnings on stderr, valid JSON with --json', () => {
    const r = runCli(['activation', REC, '--window', '0.5,3.5', '--ratio', 'GMed_R/ES_R']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/activation per subject and channel \(mean over trials\)/);
    expect(r.stdout).toMatch(/GMed_R\/ES_R/);
    expect(r.stderr).toMatch(/^myoscope: warning: ratios and co-contraction indices of envelopes not normalised/m);
    const j = runCli(['activation', '--json', REC, '--window', '0.5,3.5']);
    expect(j.code).toBe(0);
    expectValidOutput(JSON.parse(j.stdout));
  });
});
