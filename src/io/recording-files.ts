import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256File, type InputRef } from './output.js';
import { isWfdbPath } from './wfdb.js';

/**
 * The files a recording is read from: the file itself, or for a WFDB record its header and every
 * signal file the header names (so a changed `.dat` changes the recorded hashes too).
 */
export function recordingFiles(path: string): string[] {
  if (!isWfdbPath(path)) return [path];
  const hea = path.replace(/\.dat$/i, '.hea');
  if (!existsSync(hea)) return [path];
  const lines = readFileSync(hea, 'latin1')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const nsig = Number(lines[0]?.split(/\s+/)[1]);
  const dats = lines.slice(1, 1 + (Number.isInteger(nsig) ? nsig : 0)).map((l) => join(dirname(hea), l.split(/\s+/)[0]));
  return [hea, ...new Set(dats.filter((d) => existsSync(d)))];
}

/** `{path, sha256}` of every file a recording is read from (see {@link recordingFiles}). */
export async function recordingInputs(path: string): Promise<InputRef[]> {
  return Promise.all(recordingFiles(path).map(async (p) => ({ path: p, sha256: await sha256File(p) })));
}
