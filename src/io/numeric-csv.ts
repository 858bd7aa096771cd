/**
 * Byte-level parser for the numeric body of a delimited EMG recording: every field a decimal number
 * or a missing token, every row the same number of fields. It is the fast path of the CSV reader;
 * anything outside that shape (a quote character, a bare carriage return) throws
 * {@link FastPathUnsupported} so the caller can re-parse the file with csv-parse.
 *
 * Values are exactly `Number(text)` (after replacing a decimal comma by `.`): numbers whose
 * significant digits form an integer below 2^53 (at most 15 digits, or 16 below 2^53) and whose
 * decimal exponent is within ±22 take Clinger's fast path (one correctly rounded multiplication or
 * division of two exactly representable values); every other field is handed to `Number()` itself,
 * decoding only that field.
 */

/** Options of {@link NumericCsvParser}. */
export interface NumericCsvOptions {
  /** Field delimiter as a byte: 44 `,`, 59 `;`, 9 tab (tab or ASCII punctuation except `+-."`). */
  delimiter: number;
  /** `0,0021` means 0.0021 (European vendor exports; a `.` is still read as a decimal point). */
  decimalComma: boolean;
  /** Fields per row, from the header or the first row. */
  columns: number;
  /** 1-based line number of the first byte pushed, for error messages. */
  firstLine: number;
  /** Expected number of rows: the initial capacity of every column (a good hint saves copies). */
  expectedRows?: number;
  /**
   * Comment byte (e.g. 35 `#`): a line whose first non-blank byte is this one is skipped. The byte
   * anywhere else in a line throws {@link FastPathUnsupported}. Absent: no comment lines.
   */
  comment?: number;
}

/** Result of {@link NumericCsvParser.end}: one array per field, each `rows` long. */
export interface NumericColumns {
  columns: Float64Array[];
  rows: number;
}

/**
 * The input has a feature the fast path does not handle (a quote character, a bare carriage return,
 * an infix comment). The caller should parse the file with the general CSV parser instead.
 */
export class FastPathUnsupported extends Error {
  /** 1-based line where the feature was found. */
  readonly line: number;
  /** What was found, e.g. `quote character`. */
  readonly reason: string;
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason} (not handled by the numeric fast path)`);
    this.name = 'FastPathUnsupported';
    this.line = line;
    this.reason = reason;
  }
}

/**
 * A field that is not a finite decimal number nor a missing token, or a row with the wrong number of
 * fields. `detail` is the message without the location, for `InputError(location, detail)`.
 */
export class NumericCellError extends Error {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based field index; for a wrong field count, the first missing or extra field. */
  readonly column: number;
  /** The field text without surrounding blanks; for a wrong field count, the row (shortened). */
  readonly text: string;
  /** `is not a number`, `is not finite`, or `has N fields, expected M`. */
  readonly reason: string;
  /** `"0,0021x" is not a number` or `row has 3 fields, expected 17`. */
  readonly detail: string;
  constructor(line: number, column: number, text: string, reason: string, detail: string) {
    super(`${line}:${column}: ${detail}`);
    this.name = 'NumericCellError';
    this.line = line;
    this.column = column;
    this.text = text;
    this.reason = reason;
    this.detail = detail;
  }
}

/** 10^0 … 10^22: every one exactly representable as a double. */
const POW10 = new Float64Array(23);
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10[k] = p;

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const DOT = 46;
/** Exponent values are capped here while reading (any larger one over- or underflows anyway). */
const EXP_CAP = 100_000;
const TWO_53 = 2 ** 53;
/** The decimal grammar `Number()` accepts, without `Infinity` and without blanks. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?Infinity$/;
const utf8 = new TextDecoder('utf-8');

/**
 * Streaming parser for the numeric rows of a delimited file. Push the bytes after the header in any
 * chunking (rows and numbers may be split across chunks; the chunk may be reused by the caller after
 * `push` returns), then call {@link NumericCsvParser.end}.
 *
 * Rules: LF or CRLF line ends; blank lines skipped; spaces and tabs around a field ignored (tabs
 * only when the tab is not the delimiter); an empty field, `NaN`, `nan` or `NA` is missing (NaN);
 * anything else must be a finite decimal number as `Number()` reads it, else
 * {@link NumericCellError}. A UTF-8 byte-order mark at the very start is skipped. After an error
 * the parser is unusable.
 */
export class NumericCsvParser {
  private readonly delimiter: number;
  /** Byte accepted as the decimal point besides `.`. */
  private readonly decimalByte: number;
  /** Tab when it counts as a blank, else a second copy of the space byte. */
  private readonly tabBlank: number;
  private readonly commentByte: number;
  private readonly decimalComma: boolean;
  private readonly ncol: number;
  private readonly hinted: boolean;
  private cols: Float64Array[];
  private capacity: number;
  private rows = 0;
  /** Line number of the next line to be parsed. */
  private line: number;
  private carry = new Uint8Array(256);
  private carryLen = 0;
  private atStart = true;
  private failed = false;
  private ended = false;

  constructor(opts: NumericCsvOptions) {
    const { delimiter, decimalComma, columns, firstLine } = opts;
    if (!Number.isInteger(delimiter) || delimiter < 0 || delimiter > 255 || !isPossibleDelimiter(delimiter)) {
      throw new RangeError(`delimiter byte ${delimiter} cannot separate numeric fields`);
    }
    if (decimalComma && delimiter === 44) {
      throw new RangeError('a decimal comma needs a delimiter other than the comma');
    }
    if (!Number.isInteger(columns) || columns < 1) {
      throw new RangeError(`columns ${columns} must be a positive integer`);
    }
    if (!Number.isInteger(firstLine) || firstLine < 1) {
      throw new RangeError(`firstLine ${firstLine} must be a positive integer`);
    }
    const comment = opts.comment;
    if (comment !== undefined && (comment === delimiter || !isPossibleDelimiter(comment))) {
      throw new RangeError(`comment byte ${comment} cannot mark comment lines here`);
    }
    this.delimiter = delimiter;
    this.decimalComma = decimalComma;
    this.decimalByte = decimalComma ? 44 : DOT;
    this.tabBlank = delimiter === TAB ? SPACE : TAB;
    this.commentByte = comment ?? -1;
    this.ncol = columns;
    this.line = firstLine;
    const hint = opts.expectedRows;
    this.hinted = hint !== undefined && Number.isFinite(hint) && hint > 0;
    this.capacity = this.hinted ? Math.ceil(hint as number) : 4096;
    this.cols = [];
    for (let j = 0; j < columns; j++) this.cols.push(new Float64Array(this.capacity));
  }

  /** Parses the complete lines in `chunk` and keeps the unfinished last line for the next call. */
  push(bytes: Uint8Array): void {
    this.checkUsable();
    // A plain Uint8Array view keeps the byte loads monomorphic (a Buffer is a subclass).
    const chunk = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const n = chunk.length;
    let start = 0;
    try {
      if (this.carryLen > 0) {
        const nl = chunk.indexOf(LF);
        if (nl < 0) {
          this.appendCarry(chunk, 0, n);
          return;
        }
        this.appendCarry(chunk, 0, nl + 1);
        const len = this.carryLen;
        this.carryLen = 0;
        this.parseLines(this.carry, 0, len);
        start = nl + 1;
      }
      const last = chunk.lastIndexOf(LF);
      if (last >= start) {
        this.parseLines(chunk, start, last + 1);
        start = last + 1;
      }
      if (start < n) this.appendCarry(chunk, start, n);
    } catch (err) {
      this.failed = true;
      throw err;
    }
  }

  /** Parses a last line without a line end and returns the columns, each exactly `rows` long. */
  end(): NumericColumns {
    this.checkUsable();
    try {
      if (this.carryLen > 0) {
        this.appendCarry(Uint8Array.of(LF), 0, 1);
        const len = this.carryLen;
        this.carryLen = 0;
        this.parseLines(this.carry, 0, len);
      }
    } catch (err) {
      this.failed = true;
      throw err;
    }
    this.ended = true;
    const rows = this.rows;
    const copy = this.capacity - rows > 0.25 * this.capacity;
    const columns = this.cols.map((c) => (copy ? c.slice(0, rows) : c.subarray(0, rows)));
    this.cols = [];
    this.carry = new Uint8Array(0);
    return { columns, rows };
  }

  private checkUsable(): void {
    if (this.failed) throw new Error('NumericCsvParser used after it threw');
    if (this.ended) throw new Error('NumericCsvParser used after end()');
  }

  private appendCarry(src: Uint8Array, from: number, to: number): void {
    const need = this.carryLen + (to - from);
    if (need > this.carry.length) {
      const grown = new Uint8Array(Math.max(need, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLen));
      this.carry = grown;
    }
    this.carry.set(src.subarray(from, to), this.carryLen);
    this.carryLen = need;
  }

  /** Grows every column: ×1.25 past a capacity hint (it was nearly right), else ×2. */
  private grow(): void {
    const cap = this.capacity;
    const next = this.hinted ? Math.max(cap + (cap >> 2), cap + 1024) : cap * 2;
    for (let j = 0; j < this.ncol; j++) {
      const c = new Float64Array(next);
      c.set(this.cols[j]);
      this.cols[j] = c;
    }
    this.capacity = next;
  }

  /**
   * Parses the complete lines in `buf[pos, end)`; `buf[end - 1]` is a line feed, which stops every
   * scanning loop below without a bounds check.
   */
  private parseLines(buf: Uint8Array, pos: number, end: number): void {
    const ncol = this.ncol;
    const delim = this.delimiter;
    const decimalByte = this.decimalByte;
    const tabBlank = this.tabBlank;
    const commentByte = this.commentByte;
    let cols = this.cols;
    let cap = this.capacity;
    let row = this.rows;
    let line = this.line;
    let i = pos;
    if (this.atStart) {
      this.atStart = false;
      if (end - i >= 3 && buf[i] === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) i += 3;
    }
    while (i < end) {
      // A blank line (only spaces, tabs, a CR) or a comment line is skipped.
      let c = buf[i];
      if (c === LF) {
        i++;
        line++;
        continue;
      }
      if (c === SPACE || c === tabBlank || c === CR || c === commentByte) {
        let k = i;
        while (buf[k] === SPACE || buf[k] === tabBlank) k++;
        if (buf[k] === commentByte) {
          i = this.skipComment(buf, k);
          line++;
          continue;
        }
        if (buf[k] === CR && buf[k + 1] === LF) k++;
        if (buf[k] === LF) {
          i = k + 1;
          line++;
          continue;
        }
      }
      if (row === cap) {
        this.rows = row;
        this.grow();
        cols = this.cols;
        cap = this.capacity;
      }
      for (let j = 0; ; ) {
        const fieldStart = i;
        c = buf[i];
        while (c === SPACE || c === tabBlank) c = buf[++i];
        const textStart = i;
        let neg = false;
        if (c === 45) {
          neg = true;
          c = buf[++i];
        } else if (c === 43) {
          c = buf[++i];
        }
        // Mantissa: `m` collects the significant digits (leading zeros dropped), `nd` counts them,
        // `exp` is the decimal exponent to apply; `seen` tells that at least one digit was read.
        const numStart = i;
        let m = 0;
        let exp = 0;
        let d = 0;
        while (c === 48) c = buf[++i];
        const intStart = i;
        while ((d = c - 48) >>> 0 < 10) {
          m = m * 10 + d;
          c = buf[++i];
        }
        let nd = i - intStart;
        let seen = i > numStart;
        if (c === DOT || c === decimalByte) {
          c = buf[++i];
          const fracStart = i;
          if (m === 0) {
            while (c === 48) c = buf[++i];
          }
          const sigStart = i;
          while ((d = c - 48) >>> 0 < 10) {
            m = m * 10 + d;
            c = buf[++i];
          }
          nd += i - sigStart;
          exp = fracStart - i;
          seen = seen || i > fracStart;
        }
        let v: number;
        if (!seen) {
          v = this.slowField(buf, fieldStart, line, j);
          i = this.slowEnd;
          c = buf[i];
        } else {
          let ok = true;
          if (c === 101 || c === 69) {
            c = buf[++i];
            let eneg = false;
            if (c === 45) {
              eneg = true;
              c = buf[++i];
            } else if (c === 43) {
              c = buf[++i];
            }
            let e = 0;
            ok = false;
            while ((d = c - 48) >>> 0 < 10) {
              if (e < EXP_CAP) e = e * 10 + d;
              ok = true;
              c = buf[++i];
            }
            exp += eneg ? -e : e;
          }
          const textEnd = i;
          while (c === SPACE || c === tabBlank) c = buf[++i];
          if (ok && (c === delim || c === LF || c === CR)) {
            // Clinger: m < 2^53 and 10^|exp| exact, so one IEEE operation rounds the exact value.
            if ((nd <= 15 || (nd === 16 && m < TWO_53)) && exp >= -22 && exp <= 22) {
              v = exp < 0 ? m / POW10[-exp] : m * POW10[exp];
              if (neg) v = -v;
            } else if (m === 0) {
              v = neg ? -0 : 0;
            } else {
              v = this.decimalValue(buf, textStart, textEnd, line, j); // signed already
            }
          } else {
            v = this.slowField(buf, fieldStart, line, j);
            i = this.slowEnd;
            c = buf[i];
          }
        }
        if (c === delim) {
          cols[j][row] = v;
          i++;
          if (++j === ncol) this.fieldCountError(buf, i, line, ncol + 1);
          continue;
        }
        if (c === CR) {
          if (buf[i + 1] !== LF) throw new FastPathUnsupported(line, 'bare carriage return');
          i++;
        }
        // c is now a line feed: slowField stops only at the delimiter, a CR before LF, or LF.
        if (j + 1 !== ncol) this.fieldCountError(buf, i, line, j + 2);
        cols[j][row] = v;
        i++;
        line++;
        row++;
        break;
      }
    }
    this.rows = row;
    this.line = line;
  }

  /**
   * `Number()` of `buf[s, e)`, a number the scanner has checked against the decimal grammar.
   * Throws for a value that overflows to ±Infinity.
   */
  private decimalValue(buf: Uint8Array, s: number, e: number, line: number, j: number): number {
    const bytes = buf.subarray(s, e);
    let text = e - s <= 64 ? String.fromCharCode.apply(null, bytes as unknown as number[]) : utf8.decode(bytes);
    if (this.decimalComma) text = text.replace(',', '.');
    const v = Number(text);
    if (v === Infinity || v === -Infinity) return this.slowField(buf, s, line, j);
    return v;
  }

  /** Index after the field that {@link slowField} parsed: its delimiter, CR (before LF) or LF. */
  private slowEnd = 0;

  /**
   * Parses one field starting at `start` the careful way: missing tokens, `Number()` for numbers
   * outside the fast path, and the errors.
   */
  private slowField(buf: Uint8Array, start: number, line: number, j: number): number {
    const delim = this.delimiter;
    let k = start;
    for (;;) {
      const c = buf[k];
      if (c === delim || c === LF || (c === CR && buf[k + 1] === LF)) break;
      if (c === QUOTE) throw new FastPathUnsupported(line, 'quote character');
      if (c === CR) throw new FastPathUnsupported(line, 'bare carriage return');
      if (c === this.commentByte) throw new FastPathUnsupported(line, 'comment character inside a line');
      k++;
    }
    this.slowEnd = k;
    let s = start;
    let e = k;
    while (s < e && (buf[s] === SPACE || buf[s] === this.tabBlank)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === this.tabBlank)) e--;
    if (s === e || isMissingToken(buf, s, e)) return NaN;
    const text = utf8.decode(buf.subarray(s, e));
    const decimal = this.decimalComma ? text.replaceAll(',', '.') : text;
    if (DECIMAL.test(decimal)) {
      const v = Number(decimal);
      if (Number.isFinite(v)) return v;
      throw new NumericCellError(line, j + 1, text, 'is not finite', `"${text}" is not finite`);
    }
    const reason = INFINITY.test(text) ? 'is not finite' : 'is not a number';
    throw new NumericCellError(line, j + 1, text, reason, `"${text}" ${reason}`);
  }

  /** Throws the wrong-field-count error for the row around `at`; `column` is 1-based. */
  private fieldCountError(buf: Uint8Array, at: number, line: number, column: number): never {
    let s = at;
    while (s > 0 && buf[s - 1] !== LF) s--;
    let e = at;
    while (buf[e] !== LF) e++;
    if (e > s && buf[e - 1] === CR) e--;
    let fields = 1;
    for (let k = s; k < e; k++) {
      const c = buf[k];
      if (c === QUOTE) throw new FastPathUnsupported(line, 'quote character');
      if (c === this.delimiter) fields++;
    }
    let text = utf8.decode(buf.subarray(s, Math.min(e, s + 80)));
    if (e - s > 80) text += '…';
    const reason = `has ${fields} fields, expected ${this.ncol}`;
    throw new NumericCellError(line, column, text, reason, `row ${reason}`);
  }

  /** Index after the line feed that ends the comment line containing `at`. */
  private skipComment(buf: Uint8Array, at: number): number {
    let k = at;
    while (buf[k] !== LF) k++;
    return k + 1;
  }
}

/** `NaN`, `nan` or `NA` in `buf[s, e)`. */
function isMissingToken(buf: Uint8Array, s: number, e: number): boolean {
  const a = buf[s];
  const b = buf[s + 1];
  if (e - s === 2) return a === 78 && b === 65; // NA
  if (e - s !== 3) return false;
  const c = buf[s + 2];
  return (a === 78 && b === 97 && c === 78) || (a === 110 && b === 97 && c === 110); // NaN, nan
}

/** A byte that can separate numbers: tab, or ASCII punctuation other than a sign, point or quote. */
function isPossibleDelimiter(b: number): boolean {
  if (b === TAB) return true;
  const punctuation = (b > 32 && b < 48) || (b > 57 && b < 65) || (b > 90 && b < 97) || (b > 122 && b < 127);
  return punctuation && b !== 43 && b !== 45 && b !== DOT && b !== QUOTE;
}
