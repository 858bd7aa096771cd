import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Recording } from '../../src/model/recording.js';
import { writeRecordingCsv as writeFromSources } from '../../src/io/write-recording.js';
import { ROWS_PER_BLOCK } from '../../src/io/write-recording-rows.js';
import { ROOT, tempDir } from '../helpers/run-cli.js';
import { noiseSignal } from './arbitraries.js';

// The writer formats blocks of rows on worker threads and writes bytes straight into buffers; the
// file must stay byte for byte what the plain formatting below writes (a header, then each row as
// String(x) joined by commas, NaN as an empty cell). From the TypeScript sources there is no
// compiled worker, so the threaded path is taken from the build (as the CLI tests use it).
const BUILT = join(ROOT, 'dist', 'io', 'write-recording.js');
const { writeRecordingCsv: writeFromBuild } = (await import(BUILT)) as { writeRecordingCsv: typeof writeFromSources };

function plainCsv(rec: Recording, comments: string[]): string {
  let s = comments.map((c) => `# ${c}\n`).join('');
  if (!rec.time) s += `# fs=${rec.fsHz}\n`;
  const names = rec.channels.map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name));
  if (rec.time) names.unshift('time_s');
  s += `${names.map((n) => (/[",\n\r]/.test(n) ? `"${n.replace(/"/g, '""')}"` : n)).join(',')}\n`;
  const cols = rec.channels.map((c) => c.samples);
  if (rec.time) cols.unshift(rec.time.valuesS);
  const n = rec.channels[0]?.samples.length ?? 0;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`${cols.map((c) => (Number.isNaN(c[i]) ? '' : String(c[i]))).join(',')}\n`);
  return s + lines.join('');
}

/** Values of every kind String(x) writes differently: exponents, integers, −0, tiny and huge, infinities. */
function awkward(n: number, seed: number): Float64Array {
  const specials = [0, -0, 1, -1, 1e21, 1e-7, 9.999999999999999e20, 1.0000000000000001e-7, 123456789012345680000, 5e-324, -1.7976931348623157e308, 0.1, 1 / 3, 2 ** 53, Infinity, -Infinity];
  const x = noiseSignal(n, seed);
  for (let i = 0; i < n; i++) {
    if (i % 7 === 3) x[i] = specials[(i >> 3) % specials.length];
    else if (i % 11 === 5) x[i] *= 10 ** ((i % 41) - 20);
  }
  return x;
}

/** Values whose text is as long as String(x) gets: 25 characters, such as -0.0000012345678901234567. */
function longest(n: number, seed: number): Float64Array {
  const pool = Array.from(noiseSignal(4 * n, seed), (v) => -(1 + v) * 1e-6).filter((v) => String(v).length === 25);
  expect(pool.length).toBeGreaterThanOrEqual(n);
  return Float64Array.from(pool.slice(0, n));
}

function recording(n: number, channels: number, opts: { time?: boolean; nanEvery?: number; seed?: number } = {}): Recording {
  const seed = opts.seed ?? 1;
  const chans = Array.from({ length: channels }, (_, k) => {
    const samples = k === 1 ? awkward(n, seed + k) : noiseSignal(n, seed + k).map((v) => v * 0.0137);
    if (opts.nanEvery) for (let i = k; i < n; i += opts.nanEvery) samples[i] = NaN;
    return { name: k === 2 ? 'GM "L", deep' : `CH${k + 1}`, unit: k === 0 ? 'mV' : k === 1 ? '' : 'µV', samples };
  });
  return {
    fsHz: 2000,
    startS: 0.25,
    time: opts.time ? { name: 'time', valuesS: Float64Array.from({ length: n }, (_, i) => 0.25 + i / 2000) } : undefined,
    channels: chans,
    events: [],
    source: { path: 'memory', format: 'csv', metadata: {} },
  };
}

const dir = tempDir('myoscope-write-');
const comments = ['processed by myoscope from in–memory data', 'step 1: Butterworth bandpass, order 4, 20–450 Hz'];

describe('writeRecordingCsv writes the plain formatting byte for byte', () => {
  const B = ROWS_PER_BLOCK;
  const cases: [string, Recording][] = [
    ['no rows', recording(0, 2)],
    ['one row, one channel', recording(1, 1)],
    ['one channel, no time column, a block and one row', recording(B + 1, 1)],
    ['time column and NaN cells, one row short of three blocks', recording(3 * B - 1, 3, { time: true, nanEvery: 5 })],
    ['time column, exactly three blocks', recording(3 * B, 4, { time: true })],
    ['no time column, NaN cells, odd row count past five blocks', recording(5 * B + 7, 3, { nanEvery: 13, seed: 9 })],
    // Every cell as long as String(x) gets (25 characters): the buffers must hold the worst case.
    ['the longest numbers in every cell', { ...recording(3 * B + 1, 3), channels: [0, 1, 2].map((k) => ({ name: `V${k}`, unit: 'V', samples: longest(3 * B + 1, k + 5) })) }],
    ['a column of NaN only', { ...recording(2 * B + 3, 2, { time: true }), channels: [{ name: 'gap', unit: '', samples: new Float64Array(2 * B + 3).fill(NaN) }] }],
  ];
  for (const [name, rec] of cases) {
    it(name, async () => {
      const expected = plainCsv(rec, comments);
      for (const [label, write, jobs] of [
        ['sources, one thread', writeFromSources, 1],
        ['sources, default threads', writeFromSources, undefined],
        ['build, one thread', writeFromBuild, 1],
        ['build, two threads', writeFromBuild, 2],
        ['build, three threads', writeFromBuild, 3],
      ] as const) {
        const path = join(dir, `${name.replace(/\W+/g, '-')}-${label.replace(/\W+/g, '-')}.csv`);
        await write(path, rec, comments, { jobs });
        expect(readFileSync(path, 'utf8') === expected, `${label}: file differs from the plain formatting`).toBe(true);
      }
    });
  }

  it('the threaded path is the one under test (the build has its worker)', () => {
    expect(existsSync(join(ROOT, 'dist', 'io', 'write-recording-worker.js'))).toBe(true);
  });

  it('a failure leaves no temporary file and the previous output untouched', async () => {
    const sub = tempDir('myoscope-write-fail-');
    const path = join(sub, 'out.csv');
    writeFileSync(path, 'previous\n');
    const rec = recording(3 * B, 2, { time: true });
    // A time column shorter than the channels cannot be written.
    const broken: Recording = { ...rec, time: { name: 'time', valuesS: rec.time!.valuesS.subarray(0, B) } };
    for (const write of [writeFromSources, writeFromBuild]) {
      await expect(write(path, broken, [], { jobs: 2 })).rejects.toThrow(/values where/);
      expect(readFileSync(path, 'utf8')).toBe('previous\n');
      expect(readdirSync(sub)).toEqual(['out.csv']);
    }
  });
});
