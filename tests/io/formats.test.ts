import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../../src/io/read-recording.js';
import { readEvents } from '../../src/io/read-events.js';
import { tempDir, writeTemp } from '../helpers/run-cli.js';

const dir = tempDir();
const read = (name: string, content: string | Uint8Array, opts = {}) => readRecording(writeTemp(dir, name, content), opts);

describe('wide CSV recordings', () => {
  it('time column in seconds gives the rate; units from parentheses, brackets and _uV suffixes', async () => {
    const { recording } = await read('a.csv', 'time_s,ES_L (mV),TrA_R_uV,GM [µV],MF_R\n0,1,2,3,4\n0.0005,5,6,7,8\n0.001,9,10,11,12\n');
    expect(recording.fsHz).toBe(2000);
    expect(recording.channels.map((c) => [c.name, c.unit])).toEqual([
      ['ES_L', 'mV'],
      ['TrA_R', 'uV'],
      ['GM', 'uV'],
      ['MF_R', ''],
    ]);
    expect(Array.from(recording.channels[3].samples)).toEqual([4, 8, 12]);
    expect(Array.from(recording.time?.valuesS ?? [])).toEqual([0, 0.0005, 0.001]);
  });
  it('Time (ms) is converted to seconds', async () => {
    const { recording } = await read('ms.csv', 'Time (ms),a\n10,1\n11,2\n12,3\n');
    expect(recording.fsHz).toBe(1000);
    expect(recording.startS).toBeCloseTo(0.01, 15);
  });
  it('semicolon files with decimal commas, BOM and CRLF', async () => {
    const text = '\uFEFFtime;ES_L (mV);ES_R (mV)\r\n0;0,0021;-1,5\r\n0,001;0,5;2\r\n0,002;1e-3;-0,25\r\n';
    const { recording } = await read('eu.csv', text);
    expect(recording.fsHz).toBe(1000);
    expect(Array.from(recording.channels[0].samples)).toEqual([0.0021, 0.5, 0.001]);
    expect(Array.from(recording.channels[1].samples)).toEqual([-1.5, 2, -0.25]);
  });
  it('tab-separated with # comment metadata giving the rate', async () => {
    const { recording } = await read('t.tsv', '# exported by a lab system\n# fs=2000\nA\tB\n1\t2\n3\t4\n');
    expect(recording.fsHz).toBe(2000);
    expect(recording.source.metadata.fs).toBe('2000');
    expect(recording.channels.map((c) => c.name)).toEqual(['A', 'B']);
  });
  it('no header row: channels ch1…chN, or --names', async () => {
    const a = await read('nh.csv', '1,2,3\n4,5,6\n', { fsHz: 500 });
    expect(a.recording.channels.map((c) => c.name)).toEqual(['ch1', 'ch2', 'ch3']);
    const b = await read('nh2.csv', '1,2,3\n4,5,6\n', { fsHz: 500, names: ['TrA', 'MF', 'ES'], unit: 'uV' });
    expect(b.recording.channels.map((c) => [c.name, c.unit])).toEqual([
      ['TrA', 'uV'],
      ['MF', 'uV'],
      ['ES', 'uV'],
    ]);
  });
  it('empty cells and NaN/NA are missing values', async () => {
    const { recording } = await read('m.csv', 'a,b\n1,\nNaN,2\nNA,3\n', { fsHz: 100 });
    expect(Array.from(recording.channels[0].samples).map((v) => Number.isNaN(v))).toEqual([false, true, true]);
    expect(Number.isNaN(recording.channels[1].samples[0])).toBe(true);
  });
  it('gzip content is read as it is, whatever the name', async () => {
    const { recording } = await read('z.csv.gz', gzipSync('t,a\n0,1\n0.01,2\n'));
    expect(recording.fsHz).toBe(100);
    expect(Array.from(recording.channels[0].samples)).toEqual([1, 2]);
  });
  it('time printed with rounding (3 kHz at 4 decimals) passes the jitter check', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${(i / 3000).toFixed(4)},${i}`).join('\n');
    const { recording } = await read('r.csv', `time,a\n${rows}\n`);
    expect(recording.fsHz).toBe(3000);
  });
  it('--fs that disagrees with the time column is a usage error', async () => {
    await expect(read('d.csv', 'time,a\n0,1\n0.001,2\n', { fsHz: 2000 })).rejects.toThrow(/--fs 2000 Hz disagrees with the time column.*1000 Hz/);
  });
});

describe('events.tsv', () => {
  it('reads onset, duration (n/a allowed) and trial_type', async () => {
    const p = writeTemp(dir, 'events.tsv', 'onset\tduration\ttrial_type\n1.5\t0.2\tarm_raise\n3.25\tn/a\tarm_raise\n');
    expect(await readEvents(p)).toEqual([
      { onsetS: 1.5, durationS: 0.2, label: 'arm_raise' },
      { onsetS: 3.25, durationS: 0, label: 'arm_raise' },
    ]);
  });
});
