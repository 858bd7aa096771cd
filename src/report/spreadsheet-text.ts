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
