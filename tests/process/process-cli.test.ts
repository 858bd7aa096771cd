import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../../src/io/read-recording.js';
import { conditionChannel } from '../../src/pipeline/condition-channel.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { ROOT, runCli, tempDir, writeTemp } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

interface Case {
  name: string;
  input: string;
  fs_hz: number;
  flags: string[];
  chain: string;
  expected: Record<string, number[]>;
}
// Made by scripts/fixtures/process.py (SciPy 1.10.1): the same chain run by sosfiltfilt/filtfilt.
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/process/expected.json'), 'utf8')) as { cases: Case[] };
const dir = tempDir('myoscope-process-');

describe('process agrees with SciPy through its CSV output', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: ${c.flags.join(' ')}`, async () => {
      const out = join(dir, `${c.name}.out.csv`);
      const r = runCli(['process', join(ROOT, c.input), ...c.flags, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const { recording } = await readRecording(out);
      expect(recording.fsHz).toBe(c.fs_hz);
      expect(recording.channels.map((ch) => ch.name)).toEqual(Object.keys(c.expected));
      for (const ch of recording.channels) {
        const expected = c.expected[ch.name];
        const peak = Math.max(...expected.map(Math.abs));
        // The agreement bound: within 1e-9 of the signal's peak magnitude.
        expectAllClose(ch.samples, expected, { atol: 1e-9 * peak }, `${c.name} ${ch.name}`);
      }
    });
  }

  it('the output CSV reads back to exactly the doubles computed', async () => {
    const c = fixture.cases[0];
    const out = join(dir, 'roundtrip.csv');
    expect(runCli(['process', join(ROOT, c.input), ...c.flags, '--out', out, '--jobs', '2']).code).toBe(0);
    const { recording: input } = await readRecording(join(ROOT, c.input));
    const { recording: written } = await readRecording(out);
    const params = {
      dc: true,
      filters: [{ type: 'bandpass' as const, cutoffHz: [20, 450] as [number, number], order: 4 }],
      notch: { f0Hz: 50, q: 30, harmonics: 1 },
      rectify: true,
      envelope: { method: 'lowpass' as const, cutoffHz: 6, order: 2 },
    };
    input.channels.forEach((ch, j) => {
      const y = conditionChannel(ch.samples, input.fsHz, params);
      expect(Array.from(written.channels[j].samples)).toEqual(Array.from(y));
    });
    // The time column is kept as read.
    expect(Array.from(written.time?.valuesS ?? [])).toEqual(Array.from(input.time?.valuesS ?? []));
  });

  it('--json reports every resolved parameter and per-channel summaries; no --out writes nothing', () => {
    const c = fixture.cases[0];
    const r = runCli(['process', join(ROOT, c.input), '--bandpass', '20,450', '--rectify', '--envelope', 'lowpass:6', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.params).toMatchObject({
      fs_hz: 2000,
      dc_removal: false,
      filters: [{ type: 'bandpass', order: 4, low_hz: 20, high_hz: 450 }],
      notch: null,
      rectify: true,
      envelope: { method: 'lowpass', cutoff_hz: 6, order: 2 },
      normalize: { method: 'none' },
      out: null,
    });
    expect(doc.results.map((x: { channel: string }) => x.channel)).toEqual(['M1', 'M2', 'M3']);
  });
});

describe('process normalisation', () => {
  it('MVC: reference = largest 500 ms envelope mean of the MVC recording; values in %MVC', async () => {
    // Task: constant 2 mV after rectification; MVC: 1 s at 1 mV then 1 s at 4 mV.
    const fs = 1000;
    const task = writeTemp(dir, 'task.csv', `# fs=${fs}\nES (mV)\n${Array.from({ length: 2000 }, (_, i) => (i % 2 ? 2 : -2)).join('\n')}\n`);
    const mvc = writeTemp(dir, 'mvc.csv', `# fs=${fs}\nES (mV)\n${Array.from({ length: 2000 }, (_, i) => (i < 1000 ? 1 : 4) * (i % 2 ? 1 : -1)).join('\n')}\n`);
    const r = runCli(['process', task, '--rectify', '--envelope', 'rms:100', '--normalize', `mvc:${mvc}`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    const es = doc.results[0];
    expect(es.unit_out).toBe('%MVC');
    expect(es.reference_source).toBe(mvc);
    expect(es.reference_value).toBeCloseTo(4, 12);
    expect(es.reference_window_ms).toBe(500);
    expect(es.mean).toBeCloseTo(50, 10);
    expect(doc.inputs.map((i: { path: string }) => i.path)).toEqual([task, mvc]);
  });
});

describe('process: bad options exit 2, bad data exit 3', () => {
  const input = join(ROOT, 'tests/fixtures/process/short-near-nyquist-500.csv');
  const cases: [string, string[], number, RegExp][] = [
    ['corner above Nyquist', ['--bandpass', '20,600'], 2, /600 Hz.*Nyquist 250 Hz/],
    ['negative order', ['--lowpass', '50', '--order', '-2'], 2, /--order -2 must be at least 1/],
    ['order not a whole number', ['--lowpass', '50', '--order', '2.5'], 2, /--order 2.5 must be a whole number/],
    ['RMS window longer than the signal', ['--envelope', 'rms:5000'], 2, /window .*5000 ms|2500 samples/],
    ['envelope lowpass without rectify', ['--envelope', 'lowpass:6'], 2, /--envelope lowpass needs --rectify/],
    ['unknown channel', ['--channels', 'M9'], 2, /unknown channel "M9" .*\(channels: M1\)/],
    ['notch above Nyquist', ['--notch', '300'], 2, /300 Hz.*Nyquist 250 Hz/],
    ['normalize without amplitude', ['--normalize', 'peak'], 2, /--normalize needs an amplitude/],
    ['--out is the input', ['--out', input], 2, /inputs are never overwritten/],
  ];
  for (const [name, flags, code, message] of cases) {
    it(name, () => {
      const r = runCli(['process', input, ...flags]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }
  it('a signal not longer than the filter padding is a usage error naming both lengths', () => {
    const f = writeTemp(dir, 'short.csv', `# fs=500\na\n${Array.from({ length: 20 }, (_, i) => Math.sin(i)).join('\n')}\n`);
    const r = runCli(['process', f, '--bandpass', '5,100', '--order', '4']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/20 samples/);
    expect(r.stderr).toMatch(/pad/);
  });
  it('a missing sample in a channel to filter is exit 3 naming the sample', () => {
    const f = writeTemp(dir, 'gap.csv', 'time,a\n0,1\n0.001,\n0.002,3\n0.003,4\n');
    const r = runCli(['process', f, '--rectify']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`myoscope: error: ${f}: channel "a" has a missing value at sample 2 (t = 0.001000 s): filtering needs every sample\n`);
  });
});
