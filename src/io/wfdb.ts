import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { Channel } from '../model/recording.js';
import { fileError } from './read-bytes.js';
import type { ReadRecordingOptions, ReadRecordingResult } from './read-recording.js';
import { canonicalUnit } from './units.js';

/** A WFDB record is named by its `.hea` header or its `.dat` signal file. */
export function isWfdbPath(path: string): boolean {
  return /\.(hea|dat)$/i.test(path);
}

interface SignalSpec {
  file: string;
  format: number;
  gain: number;
  baseline: number;
  unit: string;
  description: string;
  line: number;
}

/**
 * Reads a PhysioNet WFDB record (header + format-16 signal file: 16-bit little-endian two's
 * complement, signals interleaved). Physical value = (adu − baseline) / gain.
 */
export async function readWfdb(path: string, opts: ReadRecordingOptions): Promise<ReadRecordingResult> {
  const hea = path.replace(/\.dat$/i, '.hea');
  let text: string;
  try {
    text = await readFile(hea, 'latin1');
  } catch (err) {
    if (hea !== path) throw new InputError({ file: path }, `is a WFDB signal file without its header ${hea}`);
    throw fileError(path, err);
  }
  const lines = text.split(/\r?\n/).map((t, i) => ({ t: t.trim(), n: i + 1 })).filter((l) => l.t !== '' && !l.t.startsWith('#'));
  if (lines.length === 0) throw new InputError({ file: hea }, 'is empty');
  const rec = lines[0].t.split(/\s+/);
  const nsig = Number(rec[1]);
  const fsField = (rec[2] ?? '').split('/')[0].replace(/\(.*\)$/, '');
  const fsHz = fsField === '' ? 250 : Number(fsField);
  const nsamp = rec[3] !== undefined ? Number(rec[3]) : undefined;
  if (!Number.isInteger(nsig) || nsig < 1) throw new InputError({ file: hea, line: lines[0].n, column: 2 }, `"${rec[1]}" is not a signal count`);
  if (!(fsHz > 0)) throw new InputError({ file: hea, line: lines[0].n, column: 3 }, `"${rec[2]}" is not a sample rate`);
  const specs: SignalSpec[] = [];
  for (let s = 0; s < nsig; s++) {
    const l = lines[1 + s];
    if (!l) throw new InputError({ file: hea }, `header names ${nsig} signals but describes ${s}`);
    const f = l.t.split(/\s+/);
    const format = Number(f[1].split(/[x:+]/)[0]);
    const gainField = f[2] ?? '200';
    const gm = /^([-+0-9.eE]+)(?:\(([-+0-9]+)\))?(?:\/(.+))?$/.exec(gainField);
    if (!gm) throw new InputError({ file: hea, line: l.n, column: 3 }, `"${gainField}" is not a WFDB gain`);
    const gain = Number(gm[1]) || 200;
    const adcZero = Number(f[4] ?? 0);
    const baseline = gm[2] !== undefined ? Number(gm[2]) : adcZero;
    const unitText = gm[3] ?? 'mV';
    const unit = canonicalUnit(unitText);
    if (unit === undefined) throw new InputError({ file: hea, line: l.n, column: 3 }, `unknown unit "${unitText}"`);
    specs.push({ file: f[0], format, gain, baseline, unit, description: f.slice(8).join(' '), line: l.n });
  }
  for (const s of specs) {
    if (s.format !== 16) {
      throw new InputError({ file: hea, line: s.line, column: 2 }, `WFDB format ${s.format} is not supported (only format 16)`);
    }
    if (s.file !== specs[0].file) throw new InputError({ file: hea, line: s.line, column: 1 }, 'signals in more than one .dat file are not supported');
  }
  const datPath = join(dirname(hea), specs[0].file);
  let dat: Buffer;
  try {
    dat = await readFile(datPath);
  } catch (err) {
    throw fileError(datPath, err);
  }
  const frames = Math.floor(dat.length / (2 * nsig));
  if (nsamp !== undefined && nsamp > 0 && frames < nsamp) {
    throw new InputError({ file: datPath }, `holds ${frames} samples per signal but the header says ${nsamp}`);
  }
  const n = nsamp !== undefined && nsamp > 0 ? nsamp : frames;
  const channels: Channel[] = specs.map((s, j) => {
    const samples = new Float64Array(n);
    for (let i = 0; i < n; i++) samples[i] = (dat.readInt16LE(2 * (i * nsig + j)) - s.baseline) / s.gain;
    const name = s.description !== '' ? s.description : `ch${j + 1}`;
    return { name, unit: s.unit, samples };
  });
  const names = new Set<string>();
  for (const [j, c] of channels.entries()) {
    if (names.has(c.name)) c.name = `${c.name}_${j + 1}`;
    names.add(c.name);
  }
  if (opts.names) {
    if (opts.names.length !== channels.length) throw new InputError({ file: hea }, `--names gives ${opts.names.length} names for ${channels.length} signals`);
    opts.names.forEach((nm, j) => (channels[j].name = nm));
  }
  const warnings: string[] = [];
  if (opts.fsHz !== undefined && opts.fsHz !== fsHz) warnings.push(`${hea}: --fs ${opts.fsHz} Hz overrides the header's ${fsHz} Hz`);
  const comments = text.split(/\r?\n/).filter((t) => t.startsWith('#')).map((t) => t.slice(1).trim());
  return {
    recording: {
      fsHz: opts.fsHz ?? fsHz,
      startS: 0,
      channels,
      events: [],
      source: { path, format: 'wfdb', metadata: comments.length > 0 ? { comments: comments.join(' ') } : {} },
    },
    warnings,
  };
}
