import { Buffer } from 'node:buffer';

/**
 * Longest text of one cell: `String(x)` of a double is at most 25 characters
 * (`-0.0000012345678901234567`; `-1.2345678901234567e-308` has 24), plus its separator.
 */
const MAX_CELL_BYTES = 26;

/** Bytes that {@link formatCsvRows} may write for `rows` rows of `width` columns, at most. */
export function csvRowsMaxBytes(rows: number, width: number): number {
  return rows * (width * MAX_CELL_BYTES + 1);
}

/**
 * Writes rows `start` … `end − 1` of the columns `cols` as CSV lines into `out` from byte `offset`:
 * cells separated by `,`, each line ended by `\n`, a number as `String(x)` (the shortest text that
 * reads back to the same double), NaN as an empty cell. Every column must have at least `end`
 * values; `out` must have room for {@link csvRowsMaxBytes} bytes. Returns the offset after the
 * last byte written.
 *
 * A row of finite numbers is formatted by one `JSON.stringify` of the row (brackets dropped), which
 * writes each finite number as `String(x)` does (ECMA-262 SerializeJSONProperty: ToString) without
 * making a string per number; a row with a NaN or an infinity (which JSON writes as `null`) cell by
 * cell. The text goes straight into the buffer (latin1: the text is ASCII).
 */
export function formatCsvRows(cols: readonly Float64Array[], start: number, end: number, out: Buffer, offset: number): number {
  const width = cols.length;
  // A packed array of doubles: JSON.stringify's fastest path.
  const row = new Array<number>(width).fill(0.5);
  let p = offset;
  for (let i = start; i < end; i++) {
    let finite = true;
    for (let j = 0; j < width; j++) {
      const v = cols[j][i];
      row[j] = v;
      if (v - v !== 0) finite = false;
    }
    if (finite && width > 0) {
      const s = JSON.stringify(row);
      p += put(out, s.substring(1, s.length - 1), p);
    } else {
      for (let j = 0; j < width; j++) {
        if (j > 0) out[p++] = 0x2c;
        const v = row[j];
        if (v === v) p += put(out, String(v), p);
      }
    }
    out[p++] = 0x0a;
  }
  return p;
}

/** Writes `s` at `p`; Buffer#write would silently cut it short where the buffer ends. */
function put(out: Buffer, s: string, p: number): number {
  const n = out.write(s, p, 'latin1');
  if (n !== s.length) throw new Error(`CSV text overflows its buffer at byte ${p}`);
  return n;
}

/** A Buffer view of an ArrayBuffer (no copy). */
export function bufferOf(bytes: ArrayBuffer, length = bytes.byteLength): Buffer {
  return Buffer.from(bytes, 0, length);
}
