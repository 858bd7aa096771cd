import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

/**
 * Copies the sample study's EMG folders of `subjects` into `dir/emg/` and writes `dir/participants.tsv`
 * with the header and those subjects' rows only: a small study for tests that run `run` or `report`.
 */
export function copySampleSubjects(dir: string, subjects: readonly string[]): void {
  for (const s of subjects) cpSync(join(ROOT, 'samples/emg', s), join(dir, 'emg', s), { recursive: true });
  const participants = readFileSync(join(ROOT, 'samples/participants.tsv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'participants.tsv'), [participants[0], ...participants.filter((l) => subjects.some((s) => l.startsWith(`${s}\t`)))].join('\n') + '\n');
}
