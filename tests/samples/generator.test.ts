import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamples, type GenerateSummary } from '../../scripts/sim/generate-samples.js';
import { SEEDS } from '../../scripts/sim/model.js';
import { thicknessSeed } from '../../scripts/sim/thickness-seed.js';

const committed = new URL('../../samples/', import.meta.url).pathname;
const SUBJECT = 'sub-L03';

/** File content as text, gunzipped when the name ends in `.gz`. */
function text(dir: string, rel: string): string {
  const raw = readFileSync(join(dir, rel));
  return (rel.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}

/** Header plus the rows of `subject` (first column) of a committed ground-truth table. */
function rowsOf(dir: string, rel: string, subject: string): string {
  const lines = text(dir, rel).split('\n').filter((l) => l.length > 0);
  return [lines[0], ...lines.slice(1).filter((l) => l.split('\t')[0] === subject)].join('\n') + '\n';
}

describe('sample generator', () => {
  let first: string;
  let second: string;
  let summary: GenerateSummary;

  beforeAll(() => {
    first = mkdtempSync(join(tmpdir(), 'myoscope-samples-'));
    second = mkdtempSync(join(tmpdir(), 'myoscope-samples-'));
    summary = generateSamples({ outDir: first, subjects: [SUBJECT] });
    generateSamples({ outDir: second, subjects: [SUBJECT] });
  });
  afterAll(() => {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it('writes the subset it was asked for', () => {
    expect(summary.files).toEqual([
      'participants.tsv',
      'thickness.csv',
      `emg/${SUBJECT}/${SUBJECT}_task-armraise_emg.csv.gz`,
      `emg/${SUBJECT}/${SUBJECT}_task-armraise_events.tsv`,
      `emg/${SUBJECT}/${SUBJECT}_task-mvc_emg.csv.gz`,
      `emg/${SUBJECT}/${SUBJECT}_task-mvc_events.tsv`,
      'emg/ground_truth_onsets.tsv',
      'emg/ground_truth_mvc.tsv',
    ]);
  });

  it('gives byte-identical files when run twice', () => {
    for (const rel of summary.files) {
      expect(readFileSync(join(second, rel)).equals(readFileSync(join(first, rel))), rel).toBe(true);
    }
  });

  it('reproduces the committed samples (gzip content compared, not gzip bytes)', () => {
    for (const rel of summary.files) {
      if (rel.startsWith('emg/ground_truth')) {
        expect(text(first, rel), rel).toBe(rowsOf(committed, rel, SUBJECT));
      } else {
        expect(text(first, rel), rel).toBe(text(committed, rel));
      }
    }
  });

  it('uses the thickness seed that the documented search finds', () => {
    expect(thicknessSeed()).toBe(SEEDS.thickness);
  });

  it('refuses an unknown subject', () => {
    expect(() => generateSamples({ outDir: first, subjects: ['sub-X99'] })).toThrow(/no EMG participant named sub-X99/);
  });
});
