/**
 * Tidy CSV: one header row of snake_case keys, RFC 4180 quoting, numbers in the shortest form that
 * reads back to the same double (`String(x)`), booleans as `true`/`false`, missing as empty.
 */

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvOptions {
  /** Column order; defaults to the union of record keys in first-seen order. */
  columns?: string[];
  /**
   * Neutralise text cells that a spreadsheet would run as a formula (`=HYPERLINK(…)`) by
   * prefixing a single quote. Numbers are never touched.
   */
  spreadsheetSafe?: boolean;
}

export function csvCell(value: unknown, spreadsheetSafe = false): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (spreadsheetSafe && FORMULA_START.test(s) && !/^[+-]?\d/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(records: Record<string, unknown>[], opts: CsvOptions = {}): string {
  const columns = opts.columns ?? unionKeys(records);
  const lines = [columns.map((c) => csvCell(c, opts.spreadsheetSafe)).join(',')];
  for (const r of records) lines.push(columns.map((c) => csvCell(r[c], opts.spreadsheetSafe)).join(','));
  return `${lines.join('\n')}\n`;
}

export function unionKeys(records: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}
