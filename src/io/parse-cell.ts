/**
 * The one definition of a numeric cell in a recording: what is a number, what is missing,
 * what is an error. The byte-level fast path must agree with it exactly.
 */

const MISSING = new Set(['', 'nan', 'na']);

/** A number, missing (`NaN`), or the reason the text is not acceptable. */
export type CellValue = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Parses one field. Empty, `NaN`, `nan`, `NA` mean missing (NaN). Otherwise the value is exactly
 * `Number(text)` (with a decimal comma read as a point when `decimalComma`), and must be finite and
 * plain decimal notation (no hex, no `Infinity`).
 */
export function parseCell(raw: string, decimalComma: boolean): CellValue {
  const text = raw.trim();
  if (MISSING.has(text.toLowerCase())) return { ok: true, value: Number.NaN };
  const t = decimalComma ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { ok: false, reason: 'is not a number' };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, reason: 'is not finite' };
  return { ok: true, value };
}

/** Whether a field looks numeric (a number or a missing marker other than empty). */
export function looksNumeric(raw: string, decimalComma: boolean): boolean {
  const text = raw.trim();
  if (text === '') return false;
  return parseCell(text, decimalComma).ok;
}
