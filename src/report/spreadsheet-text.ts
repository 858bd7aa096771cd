/** Characters that make a spreadsheet treat a cell as a formula (as `render/csv.ts`). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will show as text: one that would start a formula (`=HYPERLINK(…)`,
 * `+1+1`, `@SUM(…)`) gets a leading single quote; numbers written as text (`-1.5`) are left alone.
 * The same rule as `csvCell(…, spreadsheetSafe)`, for records whose CSV the caller does not write.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) && !/^[+-]?\d/.test(text) ? `'${text}` : text;
}

/** A record with every string value passed through {@link spreadsheetText}. */
export function spreadsheetRecord(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = typeof v === 'string' ? spreadsheetText(v) : v;
  return out;
}

/**
 * Undoes {@link spreadsheetText} on a cell read back from a table myoscope wrote for spreadsheets
 * (`subjects.csv`, `trials.csv`, `exclusions.csv`): `'=HYPERLINK(…)` is the subject
 * `=HYPERLINK(…)` again. (A value that itself began with a quote before a formula character cannot
 * be told apart and loses its quote.)
 */
export function fromSpreadsheetText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) && !/^[+-]?\d/.test(text.slice(1)) ? text.slice(1) : text;
}
