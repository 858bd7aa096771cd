import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FastPathUnsupported,
  NumericCellError,
  NumericCsvParser,
  type NumericCsvOptions,
} from '../../src/io/numeric-csv.js';

// The reference for every value is JavaScript's own `Number(text)` (ECMA-262 StringToNumber, which
// rounds decimal strings correctly), with a decimal comma replaced by '.'; values are compared with
// Object.is so that -0 and NaN are checked too.

const encoder = new TextEncoder();

type Opts = Partial<NumericCsvOptions> & { columns: number };

/** Parses `text` pushed in pieces cut at `cuts` (byte offsets, any order, duplicates allowed). */
function parse(text: string | Uint8Array, opts: Opts, cuts: number[] = []) {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const parser = new NumericCsvParser({ delimiter: 44, decimalComma: false, firstLine: 1, ...opts });
  const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const c of [...at, bytes.length]) {
    // A copy, so that a parser keeping a reference to a pushed chunk would be caught.
    parser.push(bytes.slice(from, c));
    from = c;
  }
  return parser.end();
}

/** Values as plain arrays, one per column. */
function values(text: string, opts: Opts, cuts: number[] = []): number[][] {
  return parse(text, opts, cuts).columns.map((c) => Array.from(c));
}

/** Indices where `actual` and `expected` differ by Object.is (empty when identical). */
function mismatches(actual: ArrayLike<number>, expected: ArrayLike<number>): string[] {
  const out: string[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (!Object.is(actual[i], expected[i])) out.push(`[${i}] ${actual[i]} != ${expected[i]}`);
  }
  return out;
}

/** Runs `fn` and returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

function cellError(fn: () => unknown): NumericCellError {
  const err = thrown(fn);
  expect(err).toBeInstanceOf(NumericCellError);
  return err as NumericCellError;
}

describe('NumericCsvParser values', () => {
  it('reads the number forms Number() reads, exactly', () => {
    const text = ['-0,+1,.5,5.', '1e5,1E-07,00012,-000000000000000000000000000000001.5', '-0.0e99,+.25e+2,7.E-1,0.0000'].join('\n');
    const cols = values(text, { columns: 4 });
    expect(mismatches(cols[0], [-0, 100000, -0])).toEqual([]);
    expect(mismatches(cols[1], [1, 1e-7, 25])).toEqual([]);
    expect(mismatches(cols[2], [0.5, 12, 0.7])).toEqual([]);
    expect(mismatches(cols[3], [5, -1.5, 0])).toEqual([]);
  });

  it('hands long mantissas and large exponents to Number()', () => {
    const fields = [
      '0.1234567890123456789012345',
      '123456789012345678901234567890',
      '9007199254740993',
      '0.000000000000000000000000000000000000001',
      '1.7976931348623157e308',
      '4.9e-324',
      '1e-400',
      '-1e-400',
      '2.2250738585072011e-308',
      '1e23',
      '8.98846567431158e307',
      '1.00000000000000000000000000000000000000000000000000000000000000001',
      '9007199254740991',
      '-0.9007199254740993',
      '9.007199254740993e22',
      '0.0000000000000000000000123',
    ];
    const cols = values(fields.join(','), { columns: fields.length });
    const expected = [
      0.12345678901234568, 1.2345678901234568e29, 9007199254740992, 1e-39, 1.7976931348623157e308, 5e-324, 0, -0,
      2.225073858507201e-308, 1e23, 8.98846567431158e307, 1, 9007199254740991, -0.9007199254740993, 9.007199254740994e22,
      1.23e-23,
    ];
    expect(mismatches(cols.map((c) => c[0]), expected)).toEqual([]);
  });

  it('reads empty, NaN, nan and NA as missing', () => {
    const cols = values('1,,NaN\nnan, NA ,2\n', { columns: 3 });
    expect(mismatches(cols.flat(), [1, NaN, NaN, NaN, NaN, 2])).toEqual([]);
  });

  it('reads a decimal comma, and a point as well', () => {
    const cols = values('0,0021;-1,5e-3;2.5\n;,5;7,\n', { columns: 3, delimiter: 59, decimalComma: true });
    expect(mismatches(cols.flat(), [0.0021, NaN, -0.0015, 0.5, 2.5, 7])).toEqual([]);
  });

  it('ignores spaces and tabs around fields, but a tab delimiter is a delimiter', () => {
    expect(values(' 1 ,\t2\t, 3\n', { columns: 3 })).toEqual([[1], [2], [3]]);
    expect(values(' 1 \t\t 3 \n', { columns: 3, delimiter: 9 }).map((c) => c[0])).toEqual([1, NaN, 3]);
  });

  it('skips blank lines, a byte-order mark, CRLF, and reads a last line without a line end', () => {
    const text = '\ufeff1,2\r\n\r\n  \n\t\r\n3,4\n\n5,6\r';
    expect(values(text, { columns: 2 })).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it('skips comment lines when a comment byte is given', () => {
    expect(values('# fs=2000\n1,2\n  # note\r\n3,4\n', { columns: 2, comment: 35 })).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it('returns empty columns for no rows', () => {
    const r = parse('\n\n', { columns: 3 });
    expect(r.rows).toBe(0);
    expect(r.columns.map((c) => c.length)).toEqual([0, 0, 0]);
  });
});

describe('NumericCsvParser errors', () => {
  const text = (bad: string) => `1,2,3\r\n\r\n4,5,6\n4, ${bad} ,6\n`;
  it.each([
    ['Infinity', 'is not finite'],
    ['-Infinity', 'is not finite'],
    ['1e400', 'is not finite'],
    ['-1e309', 'is not finite'],
    ['0x1A', 'is not a number'],
    ['1_000', 'is not a number'],
    ['abc', 'is not a number'],
    ['1e', 'is not a number'],
    ['.', 'is not a number'],
    ['-', 'is not a number'],
    ['e5', 'is not a number'],
    ['1.2.3', 'is not a number'],
    ['--1', 'is not a number'],
    ['1e5.5', 'is not a number'],
    ['1 2', 'is not a number'],
    ['-NaN', 'is not a number'],
    ['NAN', 'is not a number'],
    ['µV', 'is not a number'],
  ])('%s %s, with line and column', (bad, reason) => {
    const err = cellError(() => parse(text(bad), { columns: 3, firstLine: 10 }));
    expect(err.line).toBe(13);
    expect(err.column).toBe(2);
    expect(err.text).toBe(bad);
    expect(err.reason).toBe(reason);
    expect(err.detail).toBe(`"${bad}" ${reason}`);
    expect(err.message).toBe(`13:2: "${bad}" ${reason}`);
  });

  it('names the decimal-comma text as written', () => {
    const err = cellError(() => parse('1;2\n0,0021x;3\n', { columns: 2, delimiter: 59, decimalComma: true, firstLine: 1042 }));
    expect(err.message).toBe('1043:1: "0,0021x" is not a number');
  });

  it('reports a short row at its first missing field', () => {
    const err = cellError(() => parse('1,2,3\n4,5\n', { columns: 3, firstLine: 2 }));
    expect([err.line, err.column, err.reason, err.text]).toEqual([3, 3, 'has 2 fields, expected 3', '4,5']);
    expect(err.detail).toBe('row has 2 fields, expected 3');
  });

  it('reports a long row at its first extra field', () => {
    const err = cellError(() => parse('1,2,3\r\n4,5,6,7,8\r\n', { columns: 3, firstLine: 2 }));
    expect([err.line, err.column, err.reason, err.text]).toEqual([3, 4, 'has 5 fields, expected 3', '4,5,6,7,8']);
  });

  it('reports a trailing delimiter as an extra field', () => {
    const err = cellError(() => parse('1,2,\n', { columns: 2 }));
    expect([err.line, err.column, err.reason]).toEqual([1, 3, 'has 3 fields, expected 2']);
  });

  it('gives up on quotes, bare carriage returns and infix comments', () => {
    for (const [text, line, reason, comment] of [
      ['1,2\n3,"4"\n', 2, 'quote character', undefined],
      ['1,2\n3,4\r5,6\n', 2, 'bare carriage return', undefined],
      ['1,2\n\n3,4 # note\n', 3, 'comment character inside a line', 35],
    ] as const) {
      const err = thrown(() => parse(text, { columns: 2, comment }));
      expect(err).toBeInstanceOf(FastPathUnsupported);
      expect([(err as FastPathUnsupported).line, (err as FastPathUnsupported).reason]).toEqual([line, reason]);
    }
  });

  it('reads a comment byte as text when no comment byte is given', () => {
    const err = cellError(() => parse('1,2\n# note\n', { columns: 2 }));
    expect([err.line, err.column, err.text]).toEqual([2, 1, '# note']);
  });

  it('rejects options it cannot honour, and use after end()', () => {
    expect(() => new NumericCsvParser({ delimiter: 44, decimalComma: true, columns: 2, firstLine: 1 })).toThrow(RangeError);
    expect(() => new NumericCsvParser({ delimiter: 46, decimalComma: false, columns: 2, firstLine: 1 })).toThrow(RangeError);
    expect(() => new NumericCsvParser({ delimiter: 44, decimalComma: false, columns: 0, firstLine: 1 })).toThrow(RangeError);
    const p = new NumericCsvParser({ delimiter: 44, decimalComma: false, columns: 1, firstLine: 1 });
    p.end();
    expect(() => p.push(encoder.encode('1\n'))).toThrow(/after end/);
  });
});

describe('NumericCsvParser memory', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i},${-i - 1}`).join('\n');

  it('returns views of the column buffers when at most 25 % is unused', () => {
    const r = parse(rows(80), { columns: 2, expectedRows: 100 });
    expect(r.rows).toBe(80);
    expect(r.columns[0].length).toBe(80);
    expect(r.columns[0].buffer.byteLength).toBe(800);
  });

  it('copies the columns when more than 25 % is unused', () => {
    const r = parse(rows(70), { columns: 2, expectedRows: 100 });
    expect(r.columns[1].length).toBe(70);
    expect(r.columns[1].buffer.byteLength).toBe(560);
  });

  it('grows past the capacity hint and keeps every value', () => {
    const r = parse(rows(5000), { columns: 2, expectedRows: 10 }, [7, 1000, 1001, 20000]);
    expect(r.rows).toBe(5000);
    expect(r.columns[0].length).toBe(5000);
    const expected = Array.from({ length: 5000 }, (_, i) => -i - 1);
    expect(mismatches(r.columns[1], expected)).toEqual([]);
  });
});

// ---- property tests over generated files ---------------------------------------------------------

const digits = (maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength });

/** Decimal number text in the grammar Number() reads: sign, leading zeros, point, exponent. */
const decimalText = fc
  .record({
    sign: fc.constantFrom('', '', '-', '+'),
    zeros: fc.constantFrom('', '', '0', '00', '0000000000000000000000'),
    int: digits(22),
    point: fc.boolean(),
    frac: digits(24),
    exp: fc.option(
      fc.record({
        e: fc.constantFrom('e', 'E'),
        sign: fc.constantFrom('', '+', '-'),
        zeros: fc.constantFrom('', '0', '00'),
        value: fc.oneof(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 400 })),
      }),
    ),
  })
  .map(({ sign, zeros, int, point, frac, exp }) => {
    let body = zeros + int + (point ? '.' : '') + (point ? frac : '');
    if (!/\d/.test(body)) body += '0';
    const e = exp === null ? '' : `${exp.e}${exp.sign}${exp.zeros}${exp.value}`;
    return Number.isFinite(Number(sign + body + e)) ? sign + body + e : sign + body;
  });

/** What JavaScript prints for doubles: shortest round-trip, exponent, fixed and precision forms. */
const printedDouble = fc
  .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 20 }))
  .map(([x, form, k]) =>
    form === 0 ? String(x) : form === 1 ? x.toExponential(k) : form === 2 ? x.toPrecision(k) : form === 3 ? x.toFixed(k) : String(x * 1e-3),
  );

/** EMG-like fixed-point values, the common case. */
const emgValue = fc
  .tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 9 }))
  .map(([n, dec]) => (n / 1e6).toFixed(dec));

const fieldText = fc.oneof(
  { arbitrary: decimalText, weight: 4 },
  { arbitrary: printedDouble, weight: 3 },
  { arbitrary: emgValue, weight: 3 },
  { arbitrary: fc.constantFrom('', 'NaN', 'nan', 'NA'), weight: 1 },
);

const fileShape = fc.record({
  delimiter: fc.constantFrom(44, 59, 9),
  decimalComma: fc.boolean(),
  columns: fc.integer({ min: 1, max: 5 }),
  firstLine: fc.integer({ min: 1, max: 50 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  bom: fc.boolean(),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/** One sample of `fileShape`. */
interface Shape {
  delimiter: number;
  decimalComma: boolean;
  columns: number;
  firstLine: number;
  crlf: boolean;
  finalNewline: boolean;
  bom: boolean;
  seed: number;
}

interface GeneratedFile {
  text: string;
  opts: Opts;
  expected: number[][];
  /** Line number and field position of every field, for error placement. */
  cells: { line: number; row: number; column: number; written: string }[];
}

/**
 * Builds a file from fields and a shape; `extra` drives blank lines, padding and line ends with a
 * small deterministic generator so that one fast-check sample fixes the whole file.
 */
function buildFile(shape: Shape, fields: string[]): GeneratedFile {
  const { delimiter, columns, firstLine, crlf, finalNewline, bom } = shape;
  const decimalComma = shape.decimalComma && delimiter !== 44;
  const sep = String.fromCharCode(delimiter);
  let s = shape.seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) / 16777216;
  const blanks = delimiter === 9 ? [' ', '  '] : [' ', '\t', ' \t'];
  const pad = () => (rand() < 0.15 ? blanks[Math.floor(rand() * blanks.length)] : '');
  const eol = () => (crlf || rand() < 0.1 ? '\r\n' : '\n');
  const expected: number[][] = Array.from({ length: columns }, () => []);
  const cells: GeneratedFile['cells'] = [];
  const lines: string[] = [];
  const usable = columns === 1 ? fields.filter((f) => f !== '') : fields;
  const nRows = Math.floor(usable.length / columns);
  for (let r = 0; r < nRows; r++) {
    while (rand() < 0.1) lines.push(rand() < 0.5 ? '' : pad());
    const row: string[] = [];
    for (let j = 0; j < columns; j++) {
      const f = usable[r * columns + j];
      const isMissing = f === '' || f === 'NaN' || f === 'nan' || f === 'NA';
      expected[j].push(isMissing ? NaN : Number(f));
      const written = decimalComma && rand() < 0.8 ? f.replace('.', ',') : f;
      row.push(pad() + written + pad());
      cells.push({ line: firstLine + lines.length, row: r, column: j + 1, written });
    }
    lines.push(row.join(sep));
  }
  let text = lines.map((l, k) => (k < lines.length - 1 || finalNewline ? l + eol() : l)).join('');
  if (bom) text = '\ufeff' + text;
  return { text, opts: { delimiter, decimalComma, columns, firstLine }, expected, cells };
}

/** Cut points: random offsets, plus every offset when the file is tiny. */
const cutsArb = fc.array(fc.nat({ max: 4000 }), { maxLength: 40 });

describe('NumericCsvParser properties', () => {
  it('gives exactly Number(text) for every field, for any chunking', () => {
    fc.assert(
      fc.property(fileShape, fc.array(fieldText, { maxLength: 120 }), cutsArb, fc.boolean(), (shape, fields, cuts, byteWise) => {
        const file = buildFile(shape, fields);
        const bytes = encoder.encode(file.text);
        const at = byteWise && bytes.length < 600 ? Array.from(bytes.keys()) : cuts.map((c) => c % (bytes.length + 1));
        const r = parse(bytes, file.opts, at);
        expect(r.rows).toBe(file.expected[0].length);
        r.columns.forEach((col, j) => expect(mismatches(col, file.expected[j]), `column ${j + 1}`).toEqual([]));
      }),
      { seed: 20240501, numRuns: 400 },
    );
  });

  const badText = fc.constantFrom('Infinity', '-Infinity', '1e400', '0x10', '1_000', 'abc', '1e', '.', '-', '1.2.3', 'e5', '1e5.5');

  it('places a bad field at its exact line and column', () => {
    fc.assert(
      fc.property(fileShape, fc.array(emgValue, { minLength: 5, maxLength: 60 }), fc.nat(), badText, cutsArb, (shape, fields, pick, bad, cuts) => {
        const file0 = buildFile(shape, fields);
        const cell = file0.cells[pick % file0.cells.length];
        const k = file0.cells.indexOf(cell);
        const file = buildFile(shape, fields.map((f, i) => (i === k ? bad : f)));
        const bytes = encoder.encode(file.text);
        const err = cellError(() => parse(bytes, file.opts, cuts.map((c) => c % (bytes.length + 1))));
        // The generator is replayed with the same seed, so the bad field sits where `cell` was.
        expect([err.line, err.column, err.text]).toEqual([cell.line, cell.column, file.cells[k].written]);
        expect(err.reason).toBe(/Infinity|1e400/.test(bad) ? 'is not finite' : 'is not a number');
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
