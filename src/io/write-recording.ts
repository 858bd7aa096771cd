import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sampleCount, type Recording } from '../model/recording.js';

/** Rows formatted per write: large enough to keep the stream busy, small enough to bound memory. */
const ROWS_PER_BLOCK = 8192;

/**
 * Writes a recording as a wide CSV that `readRecording` reads back to the same doubles: a `time_s`
 * column with the input's time stamps in seconds (or `# fs=` metadata when it had none), then one column per channel
 * headed `name (unit)`. Numbers use the shortest text that round-trips (`String(x)`); NaN is an
 * empty cell. Written to a temporary file and renamed into place, so a failure never leaves a
 * half-written output.
 *
 * @param comments lines written first, each prefixed with `# `
 */
export async function writeRecordingCsv(path: string, rec: Recording, comments: string[] = []): Promise<void> {
  await mkdir(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  let failed: Error | undefined;
  out.on('error', (err) => (failed = err));
  const write = (s: string) =>
    new Promise<void>((resolve, reject) => {
      if (failed) reject(failed);
      else if (out.write(s)) resolve();
      else out.once('drain', () => (failed ? reject(failed) : resolve()));
    });
  try {
    const head = comments.map((c) => `# ${c}\n`);
    if (!rec.time) head.push(`# fs=${rec.fsHz}\n`);
    const names = rec.channels.map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name));
    if (rec.time) names.unshift('time_s');
    head.push(`${names.map(csvName).join(',')}\n`);
    await write(head.join(''));
    const n = sampleCount(rec);
    const cols = rec.channels.map((c) => c.samples);
    if (rec.time) cols.unshift(rec.time.valuesS);
    const width = cols.length;
    for (let start = 0; start < n; start += ROWS_PER_BLOCK) {
      const end = Math.min(n, start + ROWS_PER_BLOCK);
      let block = '';
      for (let i = start; i < end; i++) {
        let line = '';
        for (let j = 0; j < width; j++) {
          const v = cols[j][i];
          line += (j === 0 ? '' : ',') + (v === v ? String(v) : '');
        }
        block += `${line}\n`;
      }
      await write(block);
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(tmp, path);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

function csvName(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
