import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Turns a Node file-system error into an {@link InputError} that names the file. */
export function fileError(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : `cannot be read (${(err as Error)?.message ?? String(err)})`;
  return new InputError({ file: path }, why);
}

export interface FileHead {
  /** Total size on disk in bytes. */
  sizeBytes: number;
  gzip: boolean;
  /**
   * The first bytes of the (decompressed) content: the whole content when it is at most
   * `headBytes` long (then `complete` is true).
   */
  head: Uint8Array;
  complete: boolean;
}

/** Reads the start of a file (decompressing gzip) without reading all of a large file. */
export async function readHead(path: string, headBytes: number): Promise<FileHead> {
  let sizeBytes: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    sizeBytes = st.size;
  } catch (err) {
    throw fileError(path, err);
  }
  const fh = await open(path, 'r').catch((err) => {
    throw fileError(path, err);
  });
  try {
    const magic = Buffer.alloc(2);
    await fh.read(magic, 0, 2, 0);
    if (sizeBytes >= 2 && isGzip(magic)) {
      // Decompress only as much as the head needs.
      const parts: Buffer[] = [];
      let got = 0;
      let complete = true;
      for await (const chunk of streamFrom(path, 0, true, 64 * 1024)) {
        parts.push(Buffer.from(chunk));
        got += chunk.length;
        if (got > headBytes) {
          complete = false;
          break;
        }
      }
      const all = Buffer.concat(parts);
      return { sizeBytes, gzip: true, head: all.subarray(0, Math.min(headBytes, all.length)), complete };
    }
    const n = Math.min(headBytes, sizeBytes);
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const { bytesRead } = await fh.read(buf, got, n - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { sizeBytes, gzip: false, head: buf.subarray(0, got), complete: got >= sizeBytes };
  } finally {
    await fh.close();
  }
}

/** Reads a whole file, decompressing gzip. */
export async function readAll(path: string): Promise<Buffer> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (err) {
    throw fileError(path, err);
  }
  if (isGzip(raw)) {
    try {
      return gunzipSync(raw);
    } catch (err) {
      throw new InputError({ file: path }, `is not valid gzip data (${(err as Error).message})`);
    }
  }
  return raw;
}

/**
 * Streams a file's (decompressed) bytes starting at byte `offset` of the content,
 * in chunks of about `chunkBytes`.
 */
export async function* streamFrom(path: string, offset: number, gzip: boolean, chunkBytes = 1 << 20): AsyncGenerator<Uint8Array> {
  if (!gzip) {
    const stream = createReadStream(path, { start: offset, highWaterMark: chunkBytes });
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (err) {
      throw fileError(path, err);
    }
    return;
  }
  const stream = createReadStream(path, { highWaterMark: chunkBytes }).pipe(createGunzip({ chunkSize: chunkBytes }));
  let skip = offset;
  try {
    for await (const c of stream) {
      let chunk = c as Buffer;
      if (skip > 0) {
        if (chunk.length <= skip) {
          skip -= chunk.length;
          continue;
        }
        chunk = chunk.subarray(skip);
        skip = 0;
      }
      yield chunk;
    }
  } catch (err) {
    throw new InputError({ file: path }, `is not valid gzip data (${(err as Error).message})`);
  }
}

/**
 * Uncompressed size recorded in a gzip file's trailer (ISIZE: the size modulo 2^32), for sizing
 * buffers; undefined when the file is too short to have one.
 */
export async function gzipUncompressedSize(path: string): Promise<number | undefined> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size < 18) return undefined;
    const b = Buffer.alloc(4);
    await fh.read(b, 0, 4, size - 4);
    return b.readUInt32LE(0);
  } finally {
    await fh.close();
  }
}
