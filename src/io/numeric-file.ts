/**
 * Chunked loading of the numeric body of a delimited file through {@link NumericCsvParser}: from a
 * plain file (read into one reused buffer) or from any byte stream (e.g. a gunzip stream).
 */
import { open } from 'node:fs/promises';
import { NumericCsvParser, type NumericColumns, type NumericCsvOptions } from './numeric-csv.js';
import { estimateNumericRows } from './numeric-estimate-rows.js';

/** Options of {@link parseNumericFile}: the parser options plus the read size. */
export interface NumericFileOptions extends NumericCsvOptions {
  /** Bytes per read (default 1 MiB). */
  chunkBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;

/**
 * Parses the numeric rows of the plain file `path` from byte `offset` (the first byte after the
 * header) to its end. Without `opts.expectedRows`, the row count is estimated from the first chunk
 * and the file size, so the columns are allocated once. Errors of the parser propagate unchanged
 * (their line numbers count from `opts.firstLine`).
 */
export async function parseNumericFile(path: string, offset: number, opts: NumericFileOptions): Promise<NumericColumns> {
  const chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1) throw new RangeError(`chunkBytes ${chunkBytes} must be a positive integer`);
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset ${offset} must be a non-negative integer`);
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const buf = new Uint8Array(chunkBytes);
    let position = offset;
    let parser: NumericCsvParser | undefined;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, chunkBytes, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buf.subarray(0, bytesRead);
      if (parser === undefined) {
        const expectedRows = opts.expectedRows ?? estimateNumericRows(chunk, size - offset);
        parser = new NumericCsvParser({ ...opts, expectedRows });
      }
      parser.push(chunk);
    }
    return (parser ?? new NumericCsvParser({ ...opts, expectedRows: 0 })).end();
  } finally {
    await fh.close();
  }
}

/** Options of {@link parseNumericStream}: the parser options plus the expected stream length. */
export interface NumericStreamOptions extends NumericCsvOptions {
  /**
   * Bytes the stream will yield, when known (e.g. from a gzip trailer's ISIZE, minus the header):
   * without `expectedRows`, the row count is then estimated from the first chunk.
   */
  dataBytes?: number;
}

/**
 * Parses the numeric rows of a byte stream (a Node `Readable` such as a gunzip stream, or any async
 * iterable of byte chunks) to its end. Give `opts.expectedRows` or `opts.dataBytes` when possible;
 * without either, the columns grow by doubling (more copying, higher peak memory).
 */
export async function parseNumericStream(stream: AsyncIterable<Uint8Array>, opts: NumericStreamOptions): Promise<NumericColumns> {
  let parser: NumericCsvParser | undefined;
  for await (const chunk of stream) {
    if (parser === undefined) {
      const { dataBytes, ...parserOpts } = opts;
      const expectedRows = opts.expectedRows ?? (dataBytes !== undefined ? estimateNumericRows(chunk, dataBytes) : undefined);
      parser = new NumericCsvParser({ ...parserOpts, expectedRows });
    }
    parser.push(chunk);
  }
  return (parser ?? new NumericCsvParser({ ...opts, expectedRows: 0 })).end();
}
