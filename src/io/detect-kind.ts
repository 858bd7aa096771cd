import { InputError } from '../errors.js';
import { isWfdbPath } from './wfdb.js';
import { readHead } from './read-bytes.js';
import { findColumn } from './read-table.js';
import { isThicknessHeader } from './read-thickness.js';
import { looksNumeric } from './parse-cell.js';

export type InputKind = 'recording' | 'thickness' | 'events' | 'table' | 'study';

/** Documents that are neither recordings nor tables, by extension. */
const DOCUMENTS = /\.(md|markdown|pdf|docx?|html?|json|log|rtf|odt|png|jpe?g|svg)$/i;

/**
 * What kind of file this is, from its name and first lines: a WFDB record or numeric recording,
 * a thickness table, a BIDS events table, another text table (participants and the like), or a
 * study config (YAML). Documents and text without numbers are input errors saying so.
 */
export async function detectKind(path: string): Promise<InputKind> {
  if (isWfdbPath(path)) return 'recording';
  if (/\.ya?ml$/i.test(path)) return 'study';
  if (DOCUMENTS.test(path)) throw new InputError({ file: path }, 'is a document, not a recording, table or study config');
  const { head } = await readHead(path, 64 * 1024);
  if (head.includes(0)) return 'recording'; // binary: the recording reader says what is wrong
  const lines = new TextDecoder('latin1')
    .decode(head)
    .replace(/^\uFEFF|^ï»¿/, '')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (lines.length === 0) return 'recording';
  const first = lines[0];
  const delimiter = first.includes('\t') ? '\t' : first.includes(';') ? ';' : ',';
  const header = first.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  if (isThicknessHeader(header)) return 'thickness';
  if (findColumn(header, ['onset']) >= 0 && (findColumn(header, ['duration']) >= 0 || findColumn(header, ['trial_type']) >= 0)) return 'events';
  const numeric = (l: string) => l.split(delimiter).every((c) => c.trim() === '' || looksNumeric(c, delimiter === ';'));
  if (!numeric(first) && lines.length > 1 && !numeric(lines[1]) && header.length > 1 && lines[1].split(delimiter).length === header.length) {
    return 'table';
  }
  // A recording has rows of numbers near its start (after at most a header block).
  const sample = lines.slice(0, 200);
  const numberRow = (l: string) => {
    const cells = l.split(/[\t;,]/);
    return cells.every((c) => c.trim() === '' || looksNumeric(c, true)) && cells.some((c) => looksNumeric(c, true));
  };
  // (A lone header row is left to the reader, which says precisely that the data rows are missing.)
  if (lines.length > 1 && !sample.some(numberRow)) {
    throw new InputError({ file: path }, 'has no rows of numbers near its start: not a recording or table myoscope reads');
  }
  return 'recording';
}
