import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bufferOf, csvRowsMaxBytes, formatCsvRows } from './format-csv-rows.js';

/** Rows formatted per block: large enough to keep a thread busy, small enough to bound memory. */
export const ROWS_PER_BLOCK = 8192;
/** Blocks handed to each worker ahead of the one being written, so no worker waits for the disk. */
const AHEAD_PER_WORKER = 2;

/** The compiled worker beside this module (absent when running from TypeScript sources). */
const WORKER_URL = new URL('./write-recording-worker.js', import.meta.url);

/** One block of rows for a worker: `width` columns of `rows` values each, one after the other. */
export interface FormatRequest {
  id: number;
  values: ArrayBuffer;
  rows: number;
  width: number;
  /** A buffer to write the text into, when one is free for reuse. */
  text: ArrayBuffer | null;
}

export type FormatReply =
  | { id: number; ok: true; values: ArrayBuffer; text: ArrayBuffer; length: number }
  | { id: number; ok: false; message: string };

/** Where the text goes: called once per block, in row order, and awaited before the next call. */
export type WriteBytes = (bytes: Uint8Array) => Promise<void>;

/**
 * Formats `n` rows of `cols` as CSV lines (`formatCsvRows`) and hands them to `write` in row order,
 * block by block. With `jobs` > 1 (and a compiled worker beside this module) blocks are formatted
 * on up to `jobs` worker threads while earlier blocks are written; each block's values are copied
 * into a small buffer that moves to a thread and back, so the columns themselves are never shared,
 * moved or modified. Otherwise, and for recordings of one or two blocks, on this thread. The bytes
 * are the same either way.
 */
export async function writeRecordingRows(cols: readonly Float64Array[], n: number, write: WriteBytes, jobs = availableParallelism()): Promise<void> {
  for (const c of cols) if (c.length < n) throw new Error(`a column has ${c.length} values where ${n} rows are written`);
  const blocks = Math.ceil(n / ROWS_PER_BLOCK);
  const workers = Math.min(jobs, blocks);
  if (workers < 2 || blocks < 3 || !existsSync(fileURLToPath(WORKER_URL))) {
    await writeRowsHere(cols, n, write);
    return;
  }
  await writeRowsOnWorkers(cols, n, write, workers, blocks);
}

async function writeRowsHere(cols: readonly Float64Array[], n: number, write: WriteBytes): Promise<void> {
  const out = bufferOf(new ArrayBuffer(csvRowsMaxBytes(Math.min(n, ROWS_PER_BLOCK), cols.length)));
  for (let start = 0; start < n; start += ROWS_PER_BLOCK) {
    const end = Math.min(n, start + ROWS_PER_BLOCK);
    const length = formatCsvRows(cols, start, end, out, 0);
    await write(out.subarray(0, length));
  }
}

async function writeRowsOnWorkers(cols: readonly Float64Array[], n: number, write: WriteBytes, workerCount: number, blocks: number): Promise<void> {
  const width = cols.length;
  const freeValues: ArrayBuffer[] = [];
  const freeText: ArrayBuffer[] = [];
  const done = new Map<number, { text: ArrayBuffer; length: number }>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const pool = Array.from({ length: workerCount }, () => {
    const worker = new Worker(WORKER_URL, { execArgv: [] });
    worker.on('message', (reply: FormatReply) => {
      if (reply.ok) {
        freeValues.push(reply.values);
        done.set(reply.id, { text: reply.text, length: reply.length });
      } else failure ??= new Error(`formatting rows failed: ${reply.message}`);
      notify();
    });
    worker.on('error', (err) => {
      failure ??= err;
      notify();
    });
    return worker;
  });
  let nextSend = 0;
  const send = (worker: Worker) => {
    const id = nextSend++;
    const start = id * ROWS_PER_BLOCK;
    const rows = Math.min(n, start + ROWS_PER_BLOCK) - start;
    const values = freeValues.pop() ?? new ArrayBuffer(8 * width * ROWS_PER_BLOCK);
    for (let j = 0; j < width; j++) new Float64Array(values, 8 * j * rows, rows).set(cols[j].subarray(start, start + rows));
    const text = freeText.pop() ?? null;
    const req: FormatRequest = { id, values, rows, width, text };
    worker.postMessage(req, text ? [values, text] : [values]);
  };
  try {
    // Block id goes to worker id mod workerCount, so each worker's queue stays AHEAD_PER_WORKER deep.
    while (nextSend < blocks && nextSend < workerCount * AHEAD_PER_WORKER) send(pool[nextSend % workerCount]);
    for (let next = 0; next < blocks; next++) {
      while (!done.has(next)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (failure) throw failure;
      const block = done.get(next) as { text: ArrayBuffer; length: number };
      done.delete(next);
      if (nextSend < blocks) send(pool[nextSend % workerCount]);
      await write(new Uint8Array(block.text, 0, block.length));
      freeText.push(block.text);
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
