import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { onsetCommand } from '../../src/commands/onset.js';
import { memoryIo } from '../../src/io/io.js';
import { runCli, tempDir, writeTemp } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';
import { recordingCsv, syntheticRecording } from './synthetic-recording.js';

// A BIDS-named recording with its events beside it: REF starts 200 ms after each event, MUS 30 ms
// before REF, QUIET never; TRIG carries a 5 V pulse at each event.
const dir = tempDir('myoscope-onset-');
const EVENTS_S = [1.5, 3.5];
const rec = syntheticRecording(1000, 5000, {
  REF: EVENTS_S.map((e) => ({ startMs: e * 1000 + 200, lengthMs: 400, rms: 10 })),
  MUS: EVENTS_S.map((e) => ({ startMs: e * 1000 + 170, lengthMs: 400, rms: 10 })),
  QUIET: [],
});
const pulses = new Float64Array(5000);
for (const e of EVENTS_S) pulses.fill(5, e * 1000, e * 1000 + 50);
rec.channels.push({ name: 'TRIG', unit: 'V', samples: pulses });
const file = writeTemp(dir, 'sub-T01_task-test_emg.csv', recordingCsv(rec));
const events = writeTemp(dir, 'sub-T01_task-test_events.tsv', `onset\tduration\ttrial_type\n${EVENTS_S.map((e) => `${e}\t0\tcue`).join('\n')}\n`);
// The same recording under a name with no BIDS events beside it.
const plain = join(dir, 'plain.csv');
copyFileSync(file, plain);

describe('onset on the command line', () => {
  it('--json: BIDS subject and events, latency to the reference, schema-valid', () => {
    const r = runCli(['onset', file, '--reference', 'REF', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.command).toBe('onset');
    expect(doc.inputs.map((i: { path: string }) => i.path)).toEqual([file, events]);
    expect(doc.files).toEqual([
      { path: file, subject: 'sub-T01', fs_hz: 1000, trials_from: 'events', events, trigger_level: null, trigger_hysteresis: null, n_trials: 2, channels: ['REF', 'MUS', 'QUIET', 'TRIG'], baseline_ms: [-500, 0], search_ms: [0, 1000], bandpass_hz: [20, 450] },
    ]);
    expect(doc.params).toMatchObject({ method: 'risefit', reference: 'REF', baseline_ms: [-500, 0], search_ms: [0, 1000], feedforward_ms: [-100, 50], bandpass_hz: [20, 450], order: 4 });
    expect(doc.params.methods.risefit).toMatchObject({ envelope_cutoff_hz: 10, threshold_sd: 4, min_above_ms: 50, max_rise_ms: 60, margin_ms: 200 });
    expect(doc.params.risefit_fit).toMatch(/^onsets fitted on the conditioning chain run once forward \(causal\), offsets on it run once backward/);
    const mus = doc.results.filter((x: { channel: string }) => x.channel === 'MUS');
    expect(mus).toHaveLength(2);
    for (const m of mus) {
      expect(m.subject).toBe('sub-T01');
      expect(Math.abs(m.latency_ms + 30)).toBeLessThanOrEqual(12);
      expect(m.feedforward).toBe(true);
    }
    expect(doc.summary.find((s: { channel: string }) => s.channel === 'QUIET')).toMatchObject({ n_trials: 2, n_detected: 0, n_flagged: 2 });
  });
  it('--csv: one tidy row per trial and channel', () => {
    const r = runCli(['onset', file, '--reference', 'REF', '--channels', 'MUS,QUIET', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('subject,file,trial,burst,event_s,channel,method,onset_s,offset_s,latency_ms,reference,feedforward,baseline_mean,baseline_sd,baseline_unit,spread_ms,flags');
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(lines[3]).toMatch(/^sub-T01,.*,1,1,1.5,QUIET,risefit,,,,,,[^,]+,[^,]+,uV,,no_onset$/);
  });
  it('human output: the trial table and the per-channel summary', () => {
    const r = runCli(['onset', file, '--reference', 'REF']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sub-T01 {2}2 trials from events/);
    expect(r.stdout).toMatch(/summary per channel/);
    expect(r.stdout).toMatch(/│ MUS +│ risefit +│ +2 │ +2 │ +0 │/);
  });
  it('--method all: every detector and a consensus with its spread', () => {
    const r = runCli(['onset', file, '--reference', 'REF', '--channels', 'MUS', '--method', 'all', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.results.map((x: { method: string }) => x.method)).toEqual(['risefit', 'hodges-bui', 'bonato', 'tkeo', 'consensus', 'risefit', 'hodges-bui', 'bonato', 'tkeo', 'consensus']);
    const c = doc.results.filter((x: { method: string }) => x.method === 'consensus');
    for (const x of c) expect(x.spread_ms).toBeGreaterThanOrEqual(0);
    expect(Object.keys(doc.params.methods)).toEqual(['risefit', 'hodges-bui', 'bonato', 'tkeo']);
  });
  it('--trigger: trials at the pulses of a trigger channel, which is then not analysed', () => {
    const r = runCli(['onset', plain, '--trigger', 'TRIG', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.files[0]).toMatchObject({ trials_from: 'trigger', n_trials: 2, trigger_level: 2.5, subject: null, channels: ['REF', 'MUS', 'QUIET'] });
    const ref = doc.results.filter((x: { channel: string }) => x.channel === 'REF');
    for (const x of ref) expect(Math.abs(x.latency_ms - 200)).toBeLessThanOrEqual(10);
    expect(ref[0].reference).toBe('trigger');
  });
  it('no events, trigger or reference: every burst of the whole recording', () => {
    const r = runCli(['onset', plain, '--channels', 'REF', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.files[0].trials_from).toBe('continuous');
    expect(doc.results.map((x: { trial: number | null; burst: number }) => [x.trial, x.burst])).toEqual([[null, 1], [null, 2]]);
  });
  it('a recording sampled below 1000 Hz: the default band-pass high corner becomes 0.45 × fs, with a warning', () => {
    // 500 Hz (Bonato et al.'s rate): 20–450 Hz would lie above Nyquist. Six trials, bursts 170 ms after each event.
    const cues = [1.5, 3.5, 5.5, 7.5, 9.5, 11.5];
    const slow = syntheticRecording(500, 13000, { MUS: cues.map((e) => ({ startMs: e * 1000 + 170, lengthMs: 400, rms: 10 })) }, 7);
    const f = writeTemp(dir, 'slow.csv', recordingCsv(slow));
    const ev = writeTemp(dir, 'slow_events.tsv', `onset\tduration\ttrial_type\n${cues.map((e) => `${e}\t0\tcue`).join('\n')}\n`);
    const r = runCli(['onset', f, '--events', ev, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}: sampled at 500 Hz, so the default band-pass is 20–225 Hz (high corner 0.45 × fs; --bandpass sets it)`);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.files[0].bandpass_hz).toEqual([20, 225]);
    expect(doc.params.bandpass_hz).toEqual([20, 225]);
    // The bursts rise over 25 ms at about 20 dB: median error 4 ms, 95th percentile 13 ms in the
    // benchmark (2000 Hz); here samples are 2 ms apart.
    const errors = doc.results.map((x: { onset_s: number }, k: number) => Math.abs(x.onset_s - (cues[k] + 0.17)) * 1000).sort((a: number, b: number) => a - b);
    expect(errors).toHaveLength(6);
    expect((errors[2] + errors[3]) / 2).toBeLessThanOrEqual(8);
    expect(errors[5]).toBeLessThanOrEqual(20);
    // Corners given explicitly are never changed: 450 Hz at 500 Hz is a usage error naming Nyquist.
    const bad = runCli(['onset', f, '--events', ev, '--bandpass', '20,450']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Butterworth band-pass high corner 450 Hz must be below Nyquist 250 Hz (fs 500 Hz)');
  });
});

describe('onset: malformed input and bad usage', () => {
  const outside = writeTemp(dir, 'outside_events.tsv', 'onset\tduration\ttrial_type\n1.5\t0\tcue\n3.5\t0\tcue\n99\t0\tcue\n');
  const badOnset = writeTemp(dir, 'bad_events.tsv', 'onset\tduration\ttrial_type\n1.5\t0\tcue\nsoon\t0\tcue\n');
  // [name, arguments, exit code, message, also run as a child process]
  const cases: [string, string[], number, string, boolean?][] = [
    ['unknown reference channel', ['onset', file, '--reference', 'DELT'], 2, `--reference "DELT" is not a channel of ${file} (channels: REF, MUS, QUIET, TRIG)`, true],
    ['unknown channel in --channels', ['onset', file, '--channels', 'MUS,TrA'], 2, `--channels "TrA" is not a channel of ${file} (channels: REF, MUS, QUIET, TRIG)`],
    ['empty baseline window', ['onset', file, '--baseline-ms', '0,0'], 2, '--baseline-ms 0,0: the window is empty (start 0 ms must be before end 0 ms)', true],
    ['baseline window of one sample', ['onset', file, '--baseline-ms', '-1,0'], 2, '--baseline-ms -1,0: the baseline window holds 1 samples at 1000 Hz; it needs at least 4'],
    ['reversed feed-forward window', ['onset', file, '--feedforward-ms', '50,-100'], 2, '--feedforward-ms 50,-100: the window is empty (start 50 ms must be before end -100 ms)'],
    ['non-numeric window', ['onset', file, '--search-ms', '0,1s'], 2, '--search-ms "1s" is not a number'],
    ['event outside the recording', ['onset', file, '--events', outside], 3, `${outside}:4:1: event at 99 s lies outside the recording ${file} (0 s to 5 s)`, true],
    ['event onset not a number', ['onset', file, '--events', badOnset], 3, `${badOnset}:3:1: onset "soon" is not a number of seconds`],
    ['negative longest rise', ['onset', file, '--max-rise-ms=-5'], 2, '--max-rise-ms -5 ms must be at least 0 ms'],
    ['longest rise beyond the fitted stretch', ['onset', file, '--max-rise-ms', '151'], 2, '--max-rise-ms 151 ms must be at most 150 ms'],
    ['prior probability above 1', ['onset', file, '--step-prior', '1.5'], 2, '--step-prior 1.5 must be at most 1'],
    ['threshold of zero SDs', ['onset', file, '--threshold-sd', '0'], 2, '--threshold-sd 0 must be greater than 0'],
    ['negative minimum time above the threshold', ['onset', file, '--min-above-ms=-25'], 2, '--min-above-ms -25 ms must be greater than 0 ms'],
    ['envelope corner at Nyquist', ['onset', file, '--envelope-hz', '500'], 2, `--envelope-hz 500 Hz must be below Nyquist 500 Hz of ${file} (fs 1000 Hz)`, true],
    ['envelope rule for the double threshold', ['onset', file, '--method', 'bonato', '--min-below-ms', '40'], 2, '--min-below-ms sets the threshold rule of the envelope detectors (risefit, hodges-bui, tkeo); bonato sets its threshold from a false-alarm probability'],
    ['event label that matches nothing', ['onset', file, '--event', 'raise'], 2, `--event "raise" matches no event in ${events} (trial types: cue)`],
    ['events and trigger together', ['onset', file, '--events', events, '--trigger', 'TRIG'], 2, '--events and --trigger both define the trials: give one of them'],
    ['kinematic reference without a reference', ['onset', file, '--reference-kind', 'kinematic'], 2, '--reference-kind kinematic needs --reference CHANNEL'],
  ];
  for (const [name, args, code, message, spawned] of cases) {
    it(name, async () => {
      // In process through the CLI's own error-to-exit-code mapping (main), and, for a few, as a child process.
      const io = memoryIo();
      expect(await main(args, io)).toBe(code);
      expect(io.out.join('')).toBe('');
      expect(io.err.join('')).toBe(`myoscope: error: ${message}\n`);
      if (spawned) {
        const r = runCli(args);
        expect(r.code, r.stderr).toBe(code);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`myoscope: error: ${message}\n`);
      }
    });
  }
  it('an events file with no events, or a trigger that never crosses: a warning naming the file, no trials', async () => {
    const empty = writeTemp(dir, 'empty_events.tsv', 'onset\tduration\ttrial_type\n');
    const r = runCli(['onset', file, '--events', empty, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`myoscope: warning: ${file}: ${empty} holds no events; no trials\n`);
    const doc = JSON.parse(r.stdout);
    expect(doc.results).toEqual([]);
    expect(doc.files[0].n_trials).toBe(0);
    const io = memoryIo();
    expect(await main(['onset', file, '--trigger', 'TRIG', '--trigger-level', '6', '--csv'], io)).toBe(0);
    expect(io.err.join('')).toBe(`myoscope: warning: ${file}: trigger channel TRIG never crosses 6 (rising); no trials\n`);
  });
  it('an unknown method is a usage error listing the choices', async () => {
    const io = memoryIo();
    expect(await main(['onset', file, '--method', 'visual'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/argument 'visual' is invalid. Allowed choices are risefit, hodges-bui, bonato, tkeo, all/);
  });
});

describe('onset run() in process', () => {
  it('resolves every default into params and warns about a notch before detection', async () => {
    const io = memoryIo();
    const result = await onsetCommand.run([file], { method: 'hodges-bui', triggerEdge: 'rising', referenceKind: 'emg', feedforwardMs: '-100,50', disagreeMs: '20', bandpass: '20,450', order: '4', notch: '50' }, io);
    expect(result.params).toMatchObject({
      method: 'hodges-bui', methods: { 'hodges-bui': { envelope_cutoff_hz: 50, envelope_order: 2, threshold_sd: 3, min_above_ms: 25, min_below_ms: 25, margin_ms: 200 } },
      notch_hz: 50, notch_q: 30, edge_ms: 5, noisy_baseline_ratio: 2, quiet_baseline: { length_ms: 500, step_ms: 10, quantile: 0.5 },
    });
    expect(result.warnings).toEqual(['--notch 50: a zero-phase notch rings for a few hundred ms and can move onsets of large bursts earlier']);
    // Without a reference the latency is measured from the event, and feed-forward does not apply.
    const ref = result.results.filter((x) => x.channel === 'REF');
    expect(ref.map((x) => x.reference)).toEqual(['event', 'event']);
    expect(ref.map((x) => x.feedforward)).toEqual([null, null]);
  });
  it('the envelope rule options reach risefit, hodges-bui and tkeo, not bonato, and change detection', async () => {
    const base = { method: 'all', triggerEdge: 'rising', referenceKind: 'emg', feedforwardMs: '-100,50', disagreeMs: '20', bandpass: '20,450', order: '4', channels: 'MUS,REF' };
    const rule = { thresholdSd: '1.5', minAboveMs: '30', minBelowMs: '40', envelopeHz: '20' };
    const r = await onsetCommand.run([file], { ...base, ...rule }, memoryIo());
    const given = { envelope_cutoff_hz: 20, threshold_sd: 1.5, min_above_ms: 30, min_below_ms: 40 };
    expect(r.params).toMatchObject({ methods: { risefit: { ...given, envelope_order: 2, max_rise_ms: 60 }, 'hodges-bui': { ...given, envelope_order: 2 }, tkeo: { ...given, envelope_order: 2 } } });
    expect(r.params.methods).toMatchObject({ bonato: { false_alarm_probability: 0.05, window_ms: 10, min_above_ms: 2, min_active_ms: 30, min_inactive_ms: 30 } });

    // Hodges–Bui alone: every run above k = 3 SD for 25 ms lies inside a run above 1 SD at least as
    // long, so the lower threshold finds each onset no later; the bursts last 400 ms, so requiring
    // 600 ms above the threshold finds none.
    const hb = { ...base, method: 'hodges-bui' };
    const onsets = (x: Awaited<ReturnType<typeof onsetCommand.run>>) => x.results.map((y) => y.onset_s as number | null);
    const dflt = onsets(await onsetCommand.run([file], hb, memoryIo()));
    const low = onsets(await onsetCommand.run([file], { ...hb, thresholdSd: '1' }, memoryIo()));
    expect(dflt).toHaveLength(4);
    dflt.forEach((o, i) => {
      expect(o).not.toBeNull();
      expect(low[i]).not.toBeNull();
      expect(low[i]!).toBeLessThanOrEqual(o!);
    });
    const long = await onsetCommand.run([file], { ...hb, minAboveMs: '600' }, memoryIo());
    expect(long.results.map((y) => [y.onset_s, y.flags])).toEqual(Array(4).fill([null, 'no_onset']));
  });
  it('--step-prior reaches the risefit parameters; favouring gradual rises moves onsets earlier', async () => {
    const base = { method: 'risefit', triggerEdge: 'rising', referenceKind: 'emg', feedforwardMs: '-100,50', disagreeMs: '20', bandpass: '20,450', order: '4', channels: 'MUS,REF' };
    const run = (stepPrior: string) => onsetCommand.run([file], { ...base, stepPrior }, memoryIo());
    const [gradual, dflt, abrupt] = await Promise.all([run('0.05'), run('0.5'), run('0.95')]);
    expect(gradual.params).toMatchObject({ methods: { risefit: { step_prior: 0.05, max_rise_ms: 60 } } });
    expect(dflt.params).toMatchObject({ methods: { risefit: { step_prior: 0.5 } } });
    const onsets = (r: typeof dflt) => r.results.map((x) => x.onset_s as number);
    expect(onsets(dflt)).toHaveLength(4);
    // The posterior mixes the step's and the gradual rises' posteriors of the onset, and the gradual
    // ones lie earlier on these bursts, so its median moves later as the step's share grows.
    onsets(dflt).forEach((o, i) => {
      expect(onsets(gradual)[i]).toBeLessThanOrEqual(o);
      expect(onsets(abrupt)[i]).toBeGreaterThanOrEqual(o);
    });
    expect(onsets(gradual)).not.toEqual(onsets(abrupt));
  });
  it('--max-rise-ms reaches the risefit parameters and changes the fit', async () => {
    const base = { method: 'risefit', triggerEdge: 'rising', referenceKind: 'emg', feedforwardMs: '-100,50', disagreeMs: '20', bandpass: '20,450', order: '4', channels: 'MUS' };
    const dflt = await onsetCommand.run([file], base, memoryIo());
    const step = await onsetCommand.run([file], { ...base, maxRiseMs: '0' }, memoryIo());
    expect(dflt.params).toMatchObject({ methods: { risefit: { max_rise_ms: 60, rise_step_ms: 2.5 } } });
    expect(step.params).toMatchObject({ methods: { risefit: { max_rise_ms: 0 } } });
    const onsets = (r: typeof dflt) => r.results.map((x) => x.onset_s as number);
    expect(onsets(step)).toHaveLength(onsets(dflt).length);
    // The default also weighs gradual rises, which start earlier: on this file's bursts its onsets come
    // first, and the step model's differ from them.
    onsets(step).forEach((o, i) => expect(o).toBeGreaterThanOrEqual(onsets(dflt)[i]));
    expect(onsets(step)).not.toEqual(onsets(dflt));
  });
});
