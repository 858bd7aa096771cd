import { Buffer } from 'node:buffer';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sampleCount, type Recording } from '../model/recording.js';
import { writeRecordingRows } from './write-recording-rows.js';

/** Options of {@link writeRecordingCsv}. */
export interface WriteRecordingOptions {
  /** Threads that format rows (default: one per core; 1 formats on the calling thread). */
  jobs?: number;
}

/**
 * Writes a recording as a wide CSV that `readRecording` reads back to the same doubles: a `time_s`
 * column with the input's time stamps in seconds (or `# fs=` metadata when it had none), then one column per channel
 * headed `name (unit)`. Numbers use the shortest text that round-trips (`String(x)`); NaN is an
 * empty cell. Written to a temporary file and renamed into place, so a failure never leaves a
 * half-written output.
 *
 * Long recordings are formatted in blocks of rows on worker threads and written in order (see
 * `writeRecordingRows`); the file is the same byte for byte whatever `jobs` is.
 *
 * @param comments lines written first, each prefixed with `# `
 */
export async function writeRecordingCsv(path: string, rec: Recording, comments: string[] = [], options: WriteRecordingOptions = {}): Promise<void> {
  await mkdir(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const file = await open(tmp, 'w');
  let closed = false;
  const write = async (bytes: Uint8Array) => {
    for (let off = 0; off < bytes.length; ) off += (await file.write(bytes, off, bytes.length - off)).bytesWritten;
  };
  try {
    const head = comments.map((c) => `# ${c}\n`);
    if (!rec.time) head.push(`# fs=${rec.fsHz}\n`);
    const names = rec.channels.map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name));
    if (rec.time) names.unshift('time_s');
    head.push(`${names.map(csvName).join(',')}\n`);
    await write(Buffer.from(head.join(''), 'utf8'));
    const cols = rec.channels.map((c) => c.samples);
    if (rec.time) cols.unshift(rec.time.valuesS);
    await writeRecordingRows(cols, sampleCount(rec), write, options.jobs);
    closed = true;
    await file.close();
    await rename(tmp, path);
  } catch (err) {
    if (!closed) await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

function csvName(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
