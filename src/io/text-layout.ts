import { InputError } from '../errors.js';
import { canonicalUnit } from './units.js';
import { looksNumeric } from './parse-cell.js';

/**
 * Where the numbers start in a delimited text recording, and what comes before them:
 * `#` comment lines with `key=value` metadata, an optional vendor header block that ends at the
 * first blank line, an optional header row.
 */
export interface TextLayout {
  /** Byte offset of the first data row in the (decompressed) content. */
  dataOffset: number;
  /** 1-based line number of the first data row. */
  dataLine: number;
  /** Delimiter byte: 44 `,`, 59 `;`, 9 tab. */
  delimiter: number;
  decimalComma: boolean;
  /** Header row cells, or null when the first row holds numbers. */
  header: string[] | null;
  headerLine: number | null;
  /** Number of fields per data row. */
  columns: number;
  /** Metadata from comments (`# fs=2000`, `# Sampling Rate (Hz):= 1000.00`) and the vendor block. */
  metadata: Record<string, string>;
  /** Channel descriptions from a vendor header block (`Channel 4: 'Recto Femoral', … units: mV`). */
  vendorChannels: { name: string; unit: string }[] | null;
  /** `csv` (header row), `text` (numbers only), `vendor-text` (vendor block). */
  format: 'csv' | 'text' | 'vendor-text';
  /** Sample rate named in the metadata, if any. */
  metadataFsHz?: number;
  /** Channel labels named in the metadata (`# Labels:= EMG`), if any. */
  metadataLabels?: string[];
}

interface Line {
  text: string;
  offset: number;
  number: number;
}

const DELIMITERS = [9, 59, 44];

function splitLines(head: Uint8Array, complete: boolean): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  // A UTF-8 byte-order mark is not part of the first line.
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const latin1 = new TextDecoder('latin1');
  for (let i = start; i <= head.length; i++) {
    if (i === head.length && !complete) break; // the last partial line is not needed
    if (i === head.length || head[i] === 10) {
      let end = i;
      if (end > start && head[end - 1] === 13) end--;
      const bytes = head.subarray(start, end);
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        text = latin1.decode(bytes);
      }
      if (!(i === head.length && bytes.length === 0)) lines.push({ text, offset: start, number });
      start = i + 1;
      number++;
    }
  }
  return lines;
}

function detectDelimiter(line: string): number {
  for (const d of DELIMITERS) if (line.includes(String.fromCharCode(d))) return d;
  return 44;
}

function splitFields(line: string, delimiter: number): string[] {
  return line.split(String.fromCharCode(delimiter)).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

function isNumericRow(line: string): boolean {
  const d = detectDelimiter(line);
  const fields = splitFields(line, d);
  return fields.length > 0 && fields.every((f) => looksNumeric(f, d === 59) || f === '');
}

const COMMENT_META = /^#\s*([^=:]+?)\s*(?::=|=|:)\s*(.*?)\s*$/;
const FS_KEYS = /^(fs|fs_hz|fshz|sampling[ _]?rate|sample[ _]?rate|samplerate|sampling[ _]?frequency|sampling rate \(hz\)|sample rate \(hz\))$/i;
const LABEL_KEYS = /^(labels?|channels?|channel names)$/i;
const VENDOR_CHANNEL = /^Channel\s+\d+\s*:\s*'([^']*)'.*?engineering units:\s*([^,\s]*)/i;

/**
 * Analyses the start of a text recording. `head` must hold at least the preamble, the header
 * row and a few data rows; `complete` says whether it is the whole content.
 */
export function analyseTextLayout(head: Uint8Array, complete: boolean, file: string): TextLayout {
  const lines = splitLines(head, complete);
  const metadata: Record<string, string> = {};
  let i = 0;
  // 1. `#` comment lines and blank lines before anything else.
  for (; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (t === '') continue;
    if (!t.startsWith('#')) break;
    const m = COMMENT_META.exec(t);
    if (m) metadata[m[1]] = m[2];
  }
  if (i >= lines.length) {
    throw new InputError({ file }, lines.length === 0 ? 'is empty' : 'has no data rows (only comments)');
  }

  // 2. A vendor header block: non-numeric lines that end at the first blank line, followed by numbers.
  let vendorChannels: { name: string; unit: string }[] | null = null;
  let format: TextLayout['format'] = 'csv';
  if (!isNumericRow(lines[i].text)) {
    const next = lines[i + 1];
    const headerThenData = next !== undefined && next.text.trim() !== '' && isNumericRow(next.text);
    if (!headerThenData) {
      let blank = -1;
      for (let j = i + 1; j < Math.min(lines.length, i + 200); j++) {
        if (lines[j].text.trim() === '') {
          blank = j;
          break;
        }
      }
      let after = blank + 1;
      while (blank >= 0 && after < lines.length && lines[after].text.trim() === '') after++;
      if (blank >= 0 && after < lines.length && isNumericRow(lines[after].text)) {
        const channels: { name: string; unit: string }[] = [];
        for (let j = i; j < blank; j++) {
          const t = lines[j].text.trim();
          const ch = VENDOR_CHANNEL.exec(t);
          if (ch) {
            channels.push({ name: ch[1].trim(), unit: ch[2] });
            continue;
          }
          const kv = /^([^:]+?)\s*:\s*(.*)$/.exec(t);
          if (kv) {
            metadata[kv[1]] = kv[2];
            // Vendor lines that describe an extra column without the "Channel N:" form
            // (`Digitals combined (…): 22896 values, .`).
            if (/\bvalues\b/.test(kv[2]) && channels.length > 0) channels.push({ name: kv[1].replace(/\s*\(.*\)$/, ''), unit: '' });
          }
        }
        vendorChannels = channels.length > 0 ? channels : null;
        format = 'vendor-text';
        i = after;
      }
    }
  }

  // 3. Header row or first data row.
  const first = lines[i];
  const delimiter = detectDelimiter(first.text);
  const decimalComma = delimiter === 59;
  const cells = splitFields(first.text, delimiter);
  let header: string[] | null = null;
  let headerLine: number | null = null;
  let dataIndex = i;
  if (!isNumericRow(first.text)) {
    if (format === 'vendor-text') {
      throw new InputError({ file, line: first.number, column: 1 }, 'expected numeric data after the header block');
    }
    header = cells;
    headerLine = first.number;
    dataIndex = i + 1;
    while (dataIndex < lines.length && lines[dataIndex].text.trim() === '') dataIndex++;
    if (dataIndex >= lines.length) {
      if (complete) throw new InputError({ file, line: first.number + 1 }, 'has a header row but no data rows');
      throw new InputError({ file, line: first.number }, 'header block is too long to analyse');
    }
  } else if (format === 'csv') {
    format = 'text';
  }
  const dataLine = lines[dataIndex];

  const layout: TextLayout = {
    dataOffset: dataLine.offset,
    dataLine: dataLine.number,
    delimiter,
    decimalComma,
    header,
    headerLine,
    columns: header ? header.length : splitFields(dataLine.text, delimiter).length,
    metadata,
    vendorChannels,
    format,
  };
  for (const [k, v] of Object.entries(metadata)) {
    if (FS_KEYS.test(k.trim())) {
      const fs = Number(v.replace(/\s*hz$/i, ''));
      if (Number.isFinite(fs) && fs > 0) layout.metadataFsHz = fs;
    } else if (LABEL_KEYS.test(k.trim())) {
      layout.metadataLabels = v.split(/[\t,;]+|\s+/).filter((s) => s !== '');
    }
  }
  // Vendor units must be ones we know; an unknown one is reported where it stands.
  if (vendorChannels) for (const ch of vendorChannels) ch.unit = ch.unit === '' ? '' : (canonicalUnit(ch.unit) ?? ch.unit);
  return layout;
}
