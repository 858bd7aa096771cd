import { extname } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import type { Channel, Recording } from '../model/recording.js';
import { parseDelimitedNumbers } from './delimited-numbers.js';
import { FastPathUnsupported, NumericCellError, NumericCsvParser } from './numeric-csv.js';
import { parseNumericFile, parseNumericStream } from './numeric-file.js';
import { gzipUncompressedSize, readAll, readHead, streamFrom } from './read-bytes.js';
import { analyseTextLayout, type TextLayout } from './text-layout.js';
import { DEFAULT_TIME_TOLERANCE, sampleRateFromTime } from './time-column.js';
import { canonicalUnit, knownUnits, parseHeaderCell } from './units.js';
import { isWfdbPath, readWfdb } from './wfdb.js';

export interface ReadRecordingOptions {
  /** Sample rate when the file has no time column (and to override comment metadata). */
  fsHz?: number;
  /** Unit for channels whose header gives none. */
  unit?: string;
  /** Channel names, in column order (time column excluded). */
  names?: string[];
  /** Jitter tolerance of the time column, in sample periods. */
  timeTolerance?: number;
}

export interface ReadRecordingResult {
  recording: Recording;
  warnings: string[];
}

/** Bytes read to find the header; enough for any vendor preamble we know plus some rows. */
const HEAD_BYTES = 256 * 1024;

const TIME_NAMES = /^(time|t|times|timestamp|time_s|time_sec|seconds|sec|time_ms)$/i;

/**
 * Reads an EMG recording: delimited text (CSV/TSV/semicolon, optionally gzip-compressed) or a
 * WFDB record (`.hea` with format-16 `.dat`). See DESIGN.md "Input files".
 */
export async function readRecording(path: string, opts: ReadRecordingOptions = {}): Promise<ReadRecordingResult> {
  if (opts.unit !== undefined && canonicalUnit(opts.unit) === undefined) {
    throw new UsageError(`--unit "${opts.unit}" is not a unit we know (known: ${knownUnits().join(', ')})`);
  }
  if (isWfdbPath(path)) return readWfdb(path, opts);
  const head = await readHead(path, HEAD_BYTES);
  if (head.sizeBytes === 0 || (head.complete && head.head.every((b) => b === 10 || b === 13 || b === 32 || b === 9))) {
    throw new InputError({ file: path }, 'is empty');
  }
  if (head.head.includes(0)) throw new InputError({ file: path }, `is a binary file, not a text recording (${extname(path) || 'no extension'})`);
  const layout = analyseTextLayout(head.head, head.complete, path);
  const columns = await parseBody(path, layout, head.gzip, head.complete ? head.head : null);
  return assemble(path, layout, columns, opts);
}

/**
 * Parses the numeric body: the byte-level fast path first (exact to `Number()`); anything it does
 * not understand (quotes, bare CR) goes to csv-parse instead, so a value is never guessed.
 */
async function parseBody(path: string, layout: TextLayout, gzip: boolean, whole: Uint8Array | null): Promise<Float64Array[]> {
  const opts = { delimiter: layout.delimiter, decimalComma: layout.decimalComma, columns: layout.columns, firstLine: layout.dataLine };
  try {
    let parsed: { columns: Float64Array[]; rows: number };
    if (whole) {
      const parser = new NumericCsvParser(opts);
      parser.push(whole.subarray(layout.dataOffset));
      parsed = parser.end();
    } else if (gzip) {
      const size = await gzipUncompressedSize(path);
      parsed = await parseNumericStream(streamFrom(path, layout.dataOffset, true), {
        ...opts,
        dataBytes: size !== undefined ? Math.max(0, size - layout.dataOffset) : undefined,
      });
    } else {
      parsed = await parseNumericFile(path, layout.dataOffset, opts);
    }
    return parsed.columns;
  } catch (err) {
    if (err instanceof NumericCellError) throw new InputError({ file: path, line: err.line, column: err.column }, err.detail);
    if (!(err instanceof FastPathUnsupported)) throw err;
  }
  const content = whole ?? (await readAll(path));
  const text = Buffer.from(content.buffer, content.byteOffset + layout.dataOffset, content.length - layout.dataOffset).toString('latin1');
  return parseDelimitedNumbers(text, { ...opts, file: path });
}

/**
 * Rows at the end in which every value is missing (`\t\t\t\t` closing some vendor exports) carry
 * nothing and are dropped. Such rows elsewhere stay: they are missing samples, and dropping them
 * would shift the time of every later sample.
 */
function trimMissingTail(columns: Float64Array[]): Float64Array[] {
  let rows = columns.length > 0 ? columns[0].length : 0;
  while (rows > 0 && columns.every((c) => Number.isNaN(c[rows - 1]))) rows--;
  return rows === (columns[0]?.length ?? 0) ? columns : columns.map((c) => c.subarray(0, rows));
}

function assemble(path: string, layout: TextLayout, parsed: Float64Array[], opts: ReadRecordingOptions): ReadRecordingResult {
  const warnings: string[] = [];
  const columns = trimMissingTail(parsed);
  const rows = columns.length > 0 ? columns[0].length : 0;
  if (rows === 0) throw new InputError({ file: path, line: layout.dataLine }, 'has no data rows');

  // Names and units per column.
  let cells: { name: string; unit: string; column: number }[];
  let timeIndex = -1;
  let timeScale = 1;
  if (layout.header) {
    cells = layout.header.map((raw, j) => {
      const cell = parseHeaderCell(raw);
      if (cell.unknownUnit !== undefined) {
        throw new InputError(
          { file: path, line: layout.headerLine ?? undefined, column: j + 1 },
          `unknown unit "${cell.unknownUnit}" in column "${raw}" (known: ${knownUnits().join(', ')})`,
        );
      }
      if (cell.name === '') throw new InputError({ file: path, line: layout.headerLine ?? undefined, column: j + 1 }, 'column has no name');
      return { name: cell.name, unit: cell.unit, column: j + 1 };
    });
    timeIndex = cells.findIndex((c) => TIME_NAMES.test(c.name) && (c.unit === '' || c.unit === 's' || c.unit === 'ms'));
    if (timeIndex >= 0) {
      const c = cells[timeIndex];
      timeScale = c.unit === 'ms' || /_ms$/i.test(c.name) ? 1e-3 : 1;
    }
  } else if (layout.vendorChannels && layout.vendorChannels.length === layout.columns) {
    cells = layout.vendorChannels.map((ch, j) => {
      if (ch.unit !== '' && canonicalUnit(ch.unit) === undefined) {
        throw new InputError({ file: path }, `unknown unit "${ch.unit}" for channel "${ch.name}" in the header block`);
      }
      return { name: ch.name, unit: ch.unit, column: j + 1 };
    });
  } else {
    if (layout.vendorChannels) {
      warnings.push(
        `${path}: the header block describes ${layout.vendorChannels.length} channels but rows have ${layout.columns} fields; channels named ch1…ch${layout.columns}`,
      );
    }
    const labels = layout.metadataLabels && layout.metadataLabels.length === layout.columns ? layout.metadataLabels : null;
    cells = Array.from({ length: layout.columns }, (_, j) => ({ name: labels ? labels[j] : `ch${j + 1}`, unit: '', column: j + 1 }));
  }

  const channelCells = cells.filter((_, j) => j !== timeIndex);
  const channelColumns = columns.filter((_, j) => j !== timeIndex);
  if (opts.names) {
    if (opts.names.length !== channelCells.length) {
      throw new UsageError(`--names gives ${opts.names.length} names but ${path} has ${channelCells.length} channels`);
    }
    opts.names.forEach((n, j) => (channelCells[j] = { ...channelCells[j], name: n }));
  }
  const seen = new Map<string, number>();
  for (const c of channelCells) {
    const prev = seen.get(c.name);
    if (prev !== undefined) {
      throw new InputError(
        { file: path, line: layout.headerLine ?? undefined, column: c.column },
        `duplicate channel name "${c.name}" (also column ${prev})`,
      );
    }
    seen.set(c.name, c.column);
  }
  if (channelCells.length === 0) throw new InputError({ file: path, line: layout.headerLine ?? undefined }, 'has a time column but no channels');

  // Sample rate.
  let fsHz: number;
  let startS = 0;
  let time: Recording['time'];
  const tolerance = opts.timeTolerance ?? DEFAULT_TIME_TOLERANCE;
  if (timeIndex >= 0) {
    const raw = columns[timeIndex];
    const valuesS = timeScale === 1 ? raw : raw.map((t) => t * timeScale);
    const derived = sampleRateFromTime(valuesS, { file: path, firstLine: layout.dataLine, column: timeIndex + 1, tolerance });
    fsHz = derived.fsHz;
    startS = derived.startS;
    time = { name: layout.header ? layout.header[timeIndex] : 'time', valuesS };
    if (opts.fsHz !== undefined && Math.abs(opts.fsHz - fsHz) > 1e-6 * fsHz) {
      throw new UsageError(`--fs ${opts.fsHz} Hz disagrees with the time column of ${path}, which gives ${fsHz} Hz`);
    }
  } else if (opts.fsHz !== undefined) {
    fsHz = opts.fsHz;
    if (layout.metadataFsHz !== undefined && Math.abs(layout.metadataFsHz - fsHz) > 1e-9 * fsHz) {
      warnings.push(`${path}: --fs ${fsHz} Hz overrides the file's own ${layout.metadataFsHz} Hz`);
    }
  } else if (layout.metadataFsHz !== undefined) {
    fsHz = layout.metadataFsHz;
  } else {
    throw new InputError(
      { file: path },
      'has no time column and no sample rate in its metadata: give the sample rate with --fs HZ',
    );
  }

  const unitDefault = opts.unit !== undefined ? (canonicalUnit(opts.unit) as string) : '';
  const channels: Channel[] = channelCells.map((c, j) => ({
    name: c.name,
    unit: c.unit !== '' ? c.unit : unitDefault,
    samples: channelColumns[j],
  }));
  const recording: Recording = {
    fsHz,
    startS,
    time,
    channels,
    events: [],
    source: { path, format: layout.format, metadata: layout.metadata },
  };
  return { recording, warnings };
}
