import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { readAll } from './read-bytes.js';

/** A small delimited text table (events, participants, thickness), read whole as strings. */
export interface TextTable {
  path: string;
  header: string[];
  /** 1-based line of the header row. */
  headerLine: number;
  rows: { cells: string[]; line: number }[];
  delimiter: string;
  /** Remarks made while reading (a renamed row-name column), for the command's warnings. */
  warnings: string[];
}

/** Name given to the unnamed first column of a table written by R's `write.csv` (row names). */
export const ROW_NAME_COLUMN = 'row_name';

/**
 * Reads a CSV/TSV/semicolon table with a header row. `#` lines before the header are skipped.
 * Every row must have as many fields as the header (else exit 3 naming line and column). An empty
 * first header cell is what R's `write.csv` writes above its row names (`row.names = TRUE`, the
 * default): that column is named {@link ROW_NAME_COLUMN}, with a warning, so tables written from R
 * load as they are; any other empty header cell is an error.
 */
export async function readTable(path: string): Promise<TextTable> {
  const bytes = await readAll(path);
  let text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) text = bytes.toString('latin1');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseTable(text, path);
}

export function parseTable(text: string, path: string): TextTable {
  if (text.trim() === '') throw new InputError({ file: path }, 'is empty');
  const lines = text.split('\n');
  let headerIdx = 0;
  while (headerIdx < lines.length && (lines[headerIdx].trim() === '' || lines[headerIdx].trimStart().startsWith('#'))) headerIdx++;
  if (headerIdx >= lines.length) throw new InputError({ file: path }, 'has no header row (only comments)');
  const headerText = lines[headerIdx];
  const delimiter = headerText.includes('\t') ? '\t' : headerText.includes(';') ? ';' : ',';
  const body = lines.slice(headerIdx).join('\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
      comment: '#',
      comment_no_infix: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new InputError({ file: path, line: e.lines !== undefined ? headerIdx + e.lines : undefined }, `malformed table (${e.message})`);
  }
  const header = records[0].record;
  const headerLine = headerIdx + records[0].info.lines;
  const warnings: string[] = [];
  if (header.length > 1 && header[0] === '' && !header.some((h, j) => j > 0 && h.toLowerCase() === ROW_NAME_COLUMN)) {
    header[0] = ROW_NAME_COLUMN;
    warnings.push(`${path}: the first column has no name (row names, as R's write.csv writes them); read as "${ROW_NAME_COLUMN}"`);
  }
  const seen = new Map<string, number>();
  header.forEach((h, j) => {
    const key = h.toLowerCase();
    if (h === '') throw new InputError({ file: path, line: headerLine, column: j + 1 }, 'header cell is empty');
    if (seen.has(key)) throw new InputError({ file: path, line: headerLine, column: j + 1 }, `duplicate column "${h}" (also column ${seen.get(key)})`);
    seen.set(key, j + 1);
  });
  const rows = records.slice(1).map(({ record, info }) => {
    const line = headerIdx + info.lines;
    if (record.length !== header.length) {
      throw new InputError(
        { file: path, line, column: Math.min(record.length, header.length) + 1 },
        `row has ${record.length} fields, expected ${header.length} as in the header`,
      );
    }
    return { cells: record, line };
  });
  return { path, header, headerLine, rows, delimiter, warnings };
}

/** Index of the first header cell matching any alias (case-insensitive, spaces/dashes as `_`), or -1. */
export function findColumn(header: string[], aliases: readonly string[]): number {
  const norm = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  for (const a of aliases) {
    const j = norm.indexOf(a);
    if (j >= 0) return j;
  }
  return -1;
}
