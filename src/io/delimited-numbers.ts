import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { parseCell } from './parse-cell.js';

/**
 * The general path for the numeric body of a recording: csv-parse (quotes and all), then each
 * cell through {@link parseCell}. Slower than the byte-level fast path; used when that path
 * meets something it does not understand, so a value is never guessed. Empty lines are skipped.
 */
export function parseDelimitedNumbers(
  text: string,
  opts: { delimiter: number; decimalComma: boolean; columns: number; firstLine: number; file: string },
): Float64Array[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: String.fromCharCode(opts.delimiter),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      relax_quotes: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    const line = e.lines !== undefined ? opts.firstLine + e.lines - 1 : undefined;
    throw new InputError({ file: opts.file, line }, `malformed CSV (${e.message})`);
  }
  const rows = records.length;
  const columns = Array.from({ length: opts.columns }, () => new Float64Array(rows));
  for (let r = 0; r < rows; r++) {
    const { record, info } = records[r];
    const line = opts.firstLine + info.lines - 1;
    if (record.length !== opts.columns) {
      const column = Math.min(record.length, opts.columns) + 1;
      throw new InputError({ file: opts.file, line, column }, `row has ${record.length} fields, expected ${opts.columns}`);
    }
    for (let c = 0; c < opts.columns; c++) {
      const cell = parseCell(record[c], opts.decimalComma);
      if (!cell.ok) throw new InputError({ file: opts.file, line, column: c + 1 }, `"${record[c]}" ${cell.reason}`);
      columns[c][r] = cell.value;
    }
  }
  return columns;
}
