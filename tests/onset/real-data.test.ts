import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import type { OnsetRecord } from '../../src/pipeline/onset-recording.js';
import { ROOT, SHARED_DATA } from '../helpers/run-cli.js';

async function onsetJson(args: string[]): Promise<{ results: OnsetRecord[]; files: { n_trials: number }[] }> {
  const io = memoryIo();
  const code = await main(['onset', ...args, '--json'], io);
  expect(code, io.err.join('')).toBe(0);
  return JSON.parse(io.out.join(''));
}

describe('BioSPPy emg_1.txt: the detected bursts follow the visible burst/rest pattern', () => {
  // How the pattern was established, independently of the detectors: the file was band-passed
  // (SciPy butter(4, [20, 450]) + sosfiltfilt) and plotted with matplotlib as the raw trace and as a
  // 100 ms moving RMS on a log scale; the plots were inspected by eye. Rest sits at an RMS of 5–7 ADC
  // units. Four large bursts stand out in the raw trace, their RMS 20–30 dB above rest (RMS > 10× rest):
  // onsets read off a zoomed plot at 1.47, 15.48, 25.63 and 26.35 s (the last rises in two steps from
  // about 26.30 s). Low-level activity, 4–10 dB above rest, is visible in the RMS plot at 9.6–9.8,
  // 10.6–10.9, 17–21.4, 23.2–23.6, 35.9–41 and 45.0 s. Everything else is rest: 2.5–9.3, 11.5–15.3,
  // 27.2–35.5 and 46–63.9 s. A threshold detector splits the long low-level stretches into several
  // bursts, so the test counts bursts where the pattern is unambiguous (the four large ones) and checks
  // the rest by where bursts may and may not start.
  const major = [
    { onset: 1.47, span: [1.45, 1.9] },
    { onset: 15.48, span: [15.45, 16.95] },
    { onset: 25.63, span: [25.6, 25.9] },
    { onset: 26.35, span: [26.3, 26.75] },
  ];
  const lowLevel = [[9.55, 9.85], [10.55, 10.9], [17.0, 21.5], [23.1, 23.7], [35.8, 41.1], [44.9, 45.2]];
  const rest = [[2.5, 9.3], [11.5, 15.3], [27.2, 35.5], [46, 63.9]];

  it('default detector: each of the 4 large bursts is one detected burst, nothing starts in the rest stretches', async () => {
    const { results } = await onsetJson([join(SHARED_DATA, 'biosppy-emg-examples', 'emg_1.txt')]);
    const bursts = results.filter((r) => r.onset_s !== null).map((r) => ({ on: r.onset_s!, off: r.offset_s ?? Infinity }));
    const overlapping = major.map((m) => bursts.filter((b) => b.on < m.span[1] && b.off > m.span[0]));
    expect(overlapping.map((o) => o.length)).toEqual([1, 1, 1, 1]);
    overlapping.forEach((o, k) => expect(Math.abs(o[0].on - major[k].onset)).toBeLessThanOrEqual(0.06));
    for (const [a, b] of rest) expect(bursts.filter((x) => x.on >= a && x.on <= b)).toEqual([]);
    for (const [a, b] of lowLevel) expect(bursts.some((x) => x.on >= a && x.on <= b)).toBe(true);
    // Every detected burst starts in one of the active stretches.
    for (const x of bursts) expect([...major.map((m) => [m.span[0] - 0.1, m.span[1]]), ...lowLevel].some(([a, b]) => x.on >= a && x.on <= b)).toBe(true);
  });
});

describe('sample study (samples/): transversus abdominis before the deltoid in controls, after it in LBP', () => {
  const subjects = ['sub-C01', 'sub-C02', 'sub-L01', 'sub-L02'];
  const truth = new Map<string, number>();
  for (const line of readFileSync(join(ROOT, 'samples', 'emg', 'ground_truth_onsets.tsv'), 'utf8').trim().split('\n').slice(1)) {
    const [subject, trial, channel, onsetS] = line.split('\t');
    truth.set(`${subject} ${trial} ${channel}`, Number(onsetS));
  }

  it('latencies to deltoid onset, feed-forward share and onset errors against the simulated truth', async () => {
    const files = subjects.map((s) => join(ROOT, 'samples', 'emg', s, `${s}_task-armraise_emg.csv.gz`));
    const { results, files: info } = await onsetJson([...files, '--reference', 'DELT_R']);
    expect(info.map((f) => f.n_trials)).toEqual([5, 5, 5, 5]);
    for (const s of subjects) {
      const tra = results.filter((r) => r.subject === s && r.channel === 'TrA_R');
      const lat = tra.map((r) => r.latency_ms!).sort((a, b) => a - b);
      expect(lat).toHaveLength(5);
      if (s.startsWith('sub-C')) {
        expect(lat[2]).toBeLessThan(-20);
        expect(tra.every((r) => r.feedforward === true)).toBe(true);
      } else {
        expect(lat[2]).toBeGreaterThan(20);
      }
    }
    // Onsets against the generator's true onsets (first sample of each simulated burst).
    const errors = results.map((r) => Math.abs(r.onset_s! - truth.get(`${r.subject} ${r.trial} ${r.channel}`)!) * 1000).sort((a, b) => a - b);
    expect(errors).toHaveLength(4 * 5 * 5);
    // The sample bursts rise over 20–50 ms, which the default places a few ms late: on such rises the
    // benchmark's median |error| is 5 ms at 20 dB and 11 ms at 10 dB (docs/onset.md); these are 13–32 dB.
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThanOrEqual(7);
    expect(errors[Math.floor(0.95 * errors.length)]).toBeLessThanOrEqual(20);
  });
});

describe('UCI lower-limb EMG, seated knee extension: quadriceps onset relative to movement onset', () => {
  it('3Nsen: four extensions from the goniometer; rectus femoris and vastus medialis start before the knee moves', async () => {
    // The goniometer trace (FX) shows four extensions, rising from about −80° to −10° (plotted and
    // counted by eye); the trigger at their mid-level finds the same four.
    const { results, files } = await onsetJson([
      join(SHARED_DATA, 'uci-lower-limb-emg', 'N_TXT', '3Nsen.txt.gz'),
      '--fs', '1000', '--names', 'RF,BF,VM,ST,FX', '--trigger', 'FX', '--trigger-edge', 'rising',
      '--reference', 'FX', '--reference-kind', 'kinematic', '--baseline-ms', '-1000,-700', '--search-ms', '-700,300',
    ]);
    expect(files[0].n_trials).toBe(4);
    const quads = results.filter((r) => r.channel === 'RF' || r.channel === 'VM');
    expect(quads).toHaveLength(8);
    for (const r of quads) {
      expect(r.reference).toBe('FX');
      expect(r.latency_ms).toBeGreaterThan(-450);
      expect(r.latency_ms).toBeLessThan(-100);
    }
  });
});
