import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NumericCellError } from '../../src/io/numeric-csv.js';
import { estimateNumericRows } from '../../src/io/numeric-estimate-rows.js';
import { parseNumericFile, parseNumericStream } from '../../src/io/numeric-file.js';

const header = 'time_s,CH01 (mV),CH02 (mV)\r\n';
const n = 3000;
/** Rows whose values are the literal texts below, so Number(text) is the reference. */
const rowTexts = Array.from({ length: n }, (_, i) => [(i / 2000).toFixed(4), (((i * 7919) % 20001) - 10000) / 1e5, i === 0 ? '-0' : -i * 1e-7]);
const body = rowTexts.map((r) => r.map(String).join(',')).join('\r\n') + '\r\n';
const expected = [0, 1, 2].map((j) => rowTexts.map((r) => Number(r[j])));
const opts = { delimiter: 44, decimalComma: false, columns: 3, firstLine: 2 };

let dir = '';
let path = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'numeric-csv-'));
  path = join(dir, 'rec.csv');
  await writeFile(path, header + body);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectColumns(columns: Float64Array[]): void {
  expect(columns).toHaveLength(3);
  columns.forEach((col, j) => {
    expect(col.length).toBe(n);
    const bad = expected[j].findIndex((v, i) => !Object.is(col[i], v));
    expect(bad, `column ${j + 1} first mismatch`).toBe(-1);
  });
}

describe('parseNumericFile', () => {
  it('reads from the offset to the end in small chunks, estimating the row count', async () => {
    const r = await parseNumericFile(path, header.length, { ...opts, chunkBytes: 4093 });
    expect(r.rows).toBe(n);
    expectColumns(r.columns);
    // The estimate was close: no copy, the columns are views of a buffer at most 25 % larger.
    expect(r.columns[0].buffer.byteLength).toBeGreaterThan(n * 8);
    expect(r.columns[0].buffer.byteLength).toBeLessThanOrEqual((n * 8) / 0.75);
  });

  it('honours a capacity hint and the default chunk size', async () => {
    const r = await parseNumericFile(path, header.length, { ...opts, expectedRows: 10 });
    expectColumns(r.columns);
  });

  it('reports errors with line numbers counted from firstLine', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, header + '0,1,2\r\n0.5,abc,3\r\n');
    const err = await parseNumericFile(bad, header.length, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NumericCellError);
    expect((err as NumericCellError).message).toBe('3:2: "abc" is not a number');
  });

  it('returns empty columns for a file with a header only', async () => {
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, header);
    const r = await parseNumericFile(empty, header.length, opts);
    expect([r.rows, r.columns.map((c) => c.length)]).toEqual([0, [0, 0, 0]]);
  });
});

describe('parseNumericStream', () => {
  it('reads a gzip stream', async () => {
    const gz = Readable.from([gzipSync(Buffer.from(body))]).pipe(createGunzip({ chunkSize: 1000 }));
    const r = await parseNumericStream(gz, { ...opts, expectedRows: n });
    expect(r.rows).toBe(n);
    expectColumns(r.columns);
  });

  it('estimates the row count from the first chunk and dataBytes', async () => {
    const bytes = new TextEncoder().encode(body);
    const r = await parseNumericStream(Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)]), {
      ...opts,
      dataBytes: bytes.length,
    });
    expectColumns(r.columns);
    // Allocated once near the right size: views, not copies, of buffers at most 25 % larger.
    expect(r.columns[0].buffer.byteLength).toBeGreaterThan(n * 8);
    expect(r.columns[0].buffer.byteLength).toBeLessThanOrEqual((n * 8) / 0.75);
  });

  it('reads any async iterable of byte chunks', async () => {
    const bytes = new TextEncoder().encode(body);
    async function* pieces() {
      for (let p = 0; p < bytes.length; p += 777) yield bytes.subarray(p, p + 777);
    }
    const r = await parseNumericStream(pieces(), opts);
    expectColumns(r.columns);
  });
});

describe('estimateNumericRows', () => {
  it('scales the sample rows by the total size, with 5 % and 16 rows to spare', () => {
    const sample = new TextEncoder().encode('0.1234,5.678901\n'.repeat(10)); // 16 bytes a row
    expect(estimateNumericRows(sample, 16_000)).toBe(Math.ceil(1000 * 1.05) + 16);
  });

  it('counts the rows of a sample that is the whole input', () => {
    const sample = new TextEncoder().encode('1\n2\n3');
    expect(estimateNumericRows(sample, sample.length)).toBe(3);
  });
});
