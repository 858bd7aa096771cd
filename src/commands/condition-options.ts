import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { BANDPASS_HZ, ENVELOPE_ORDER, MVC_WINDOW_MS, NOTCH_Q, BANDPASS_ORDER, defaultBandpassHz } from '../dsp/defaults.js';
import type { ConditionParams, EnvelopeStage, FilterStage } from '../pipeline/condition-channel.js';
import { parseNumber, parseNumberList } from './options.js';

/** `--help` text of a command whose band-pass has a default (`onset`, `activation`). */
export const DEFAULT_BANDPASS_HELP = `band-pass corners, Hz (default ${BANDPASS_HZ.join(',')}; below 1000 Hz sampling the high corner is 0.45 × fs)`;

/**
 * The warning for `path` when, at its rate `fsHz`, the default band-pass's high corner had to move
 * below BANDPASS_HZ's (`defaultBandpassHz`); null when the default applies unchanged.
 */
export function defaultBandWarning(path: string, fsHz: number): string | null {
  const band = defaultBandpassHz(fsHz);
  return band[1] === BANDPASS_HZ[1] ? null : `${path}: sampled at ${fsHz} Hz, so the default band-pass is ${band[0]}–${band[1]} Hz (high corner 0.45 × fs; --bandpass sets it)`;
}

/**
 * The conditioning flags shared by `process`, `onset` and `activation`, and their translation into
 * complete {@link ConditionParams}. Steps always run in one order:
 * DC removal → band-pass / high-pass / low-pass → notch(es) → rectification → envelope → normalisation.
 */
export function addConditionOptions(cmd: Command): Command {
  return cmd
    .option('--dc', 'remove the mean (DC offset) first')
    .option('--bandpass <low,high>', 'Butterworth band-pass corners in Hz, zero-phase')
    .option('--highpass <hz>', 'Butterworth high-pass corner in Hz, zero-phase')
    .option('--lowpass <hz>', 'Butterworth low-pass corner in Hz, zero-phase')
    .option('--order <n>', "Butterworth order of the band-pass/high-pass/low-pass (SciPy's N)", String(BANDPASS_ORDER))
    .option('--notch <hz>', 'mains notch frequency in Hz (50 or 60), zero-phase')
    .option('--notch-q <q>', 'notch quality factor Q', String(NOTCH_Q))
    .option('--notch-harmonics <k>', 'notches at f0, 2·f0, …, k·f0 (below Nyquist)', '1')
    .option('--rectify', 'full-wave rectification')
    .option('--envelope <method>', 'envelope: lowpass:HZ (linear envelope, needs --rectify) or rms:MS (moving RMS)')
    .option('--envelope-order <n>', "Butterworth order of the envelope low-pass (SciPy's N)", String(ENVELOPE_ORDER));
}

export interface ConditionFlagValues {
  dc?: boolean;
  bandpass?: string;
  highpass?: string;
  lowpass?: string;
  order?: string;
  notch?: string;
  notchQ?: string;
  notchHarmonics?: string;
  rectify?: boolean;
  envelope?: string;
  envelopeOrder?: string;
}

/** Resolves the conditioning flags (defaults included) into complete parameters; bad values exit 2. */
export function conditionParams(o: ConditionFlagValues): ConditionParams {
  const order = parseNumber('--order', o.order ?? String(BANDPASS_ORDER), { integer: true, min: 1, max: 20 });
  const filters: FilterStage[] = [];
  if (o.bandpass !== undefined) {
    if (o.highpass !== undefined || o.lowpass !== undefined) throw new UsageError('--bandpass cannot be combined with --highpass or --lowpass');
    const [lowHz, highHz] = parseNumberList('--bandpass', o.bandpass, 2, { min: 0, exclusiveMin: true, unit: 'Hz' });
    if (!(lowHz < highHz)) throw new UsageError(`--bandpass low corner ${lowHz} Hz must be below the high corner ${highHz} Hz`);
    filters.push({ type: 'bandpass', cutoffHz: [lowHz, highHz], order });
  }
  if (o.highpass !== undefined) filters.push({ type: 'highpass', cutoffHz: parseNumber('--highpass', o.highpass, { min: 0, exclusiveMin: true, unit: 'Hz' }), order });
  if (o.lowpass !== undefined) filters.push({ type: 'lowpass', cutoffHz: parseNumber('--lowpass', o.lowpass, { min: 0, exclusiveMin: true, unit: 'Hz' }), order });
  const notch =
    o.notch !== undefined
      ? {
          f0Hz: parseNumber('--notch', o.notch, { min: 0, exclusiveMin: true, unit: 'Hz' }),
          q: parseNumber('--notch-q', o.notchQ ?? String(NOTCH_Q), { min: 0, exclusiveMin: true }),
          harmonics: parseNumber('--notch-harmonics', o.notchHarmonics ?? '1', { integer: true, min: 1 }),
        }
      : null;
  let envelope: EnvelopeStage | null = null;
  if (o.envelope !== undefined) {
    const m = /^(lowpass|rms):(.+)$/.exec(o.envelope.trim());
    if (!m) throw new UsageError(`--envelope "${o.envelope}" must be lowpass:HZ or rms:MS`);
    if (m[1] === 'lowpass') {
      if (!o.rectify) throw new UsageError('--envelope lowpass needs --rectify: a linear envelope is the low-passed rectified signal');
      envelope = {
        method: 'lowpass',
        cutoffHz: parseNumber('--envelope lowpass', m[2], { min: 0, exclusiveMin: true, unit: 'Hz' }),
        order: parseNumber('--envelope-order', o.envelopeOrder ?? String(ENVELOPE_ORDER), { integer: true, min: 1, max: 20 }),
      };
    } else {
      envelope = { method: 'rms', windowMs: parseNumber('--envelope rms', m[2], { min: 0, exclusiveMin: true, unit: 'ms' }) };
    }
  }
  return { dc: Boolean(o.dc), filters, notch, rectify: Boolean(o.rectify), envelope };
}

/** The resolved chain as snake_case JSON `params` (units in the keys). */
export function conditionParamsJson(p: ConditionParams): Record<string, unknown> {
  return {
    dc_removal: p.dc,
    filters: p.filters.map((f) => ({
      type: f.type,
      order: f.order,
      ...(Array.isArray(f.cutoffHz) ? { low_hz: f.cutoffHz[0], high_hz: f.cutoffHz[1] } : { cutoff_hz: f.cutoffHz }),
      zero_phase: 'sosfiltfilt (odd padding, SciPy default pad length)',
    })),
    notch: p.notch ? { f0_hz: p.notch.f0Hz, q: p.notch.q, harmonics: p.notch.harmonics, zero_phase: 'filtfilt (odd padding, padlen 3·max(len(a), len(b)))' } : null,
    rectify: p.rectify,
    envelope: p.envelope
      ? p.envelope.method === 'lowpass'
        ? { method: 'lowpass', cutoff_hz: p.envelope.cutoffHz, order: p.envelope.order, zero_phase: 'sosfiltfilt' }
        : { method: 'rms', window_ms: p.envelope.windowMs, centred: true }
      : null,
  };
}

/** `--normalize mvc:FILE[,FILE…] | peak` and `--mvc-window-ms`. */
export function addNormalizeOptions(cmd: Command): Command {
  return cmd
    .option('--normalize <method>', 'amplitude normalisation: mvc:FILE[,FILE…] (MVC recordings of the same subject) or peak')
    .option('--mvc-window-ms <ms>', 'MVC reference: largest mean of the envelope over a window of this length', String(MVC_WINDOW_MS));
}

export type NormalizeFlag = { method: 'none' } | { method: 'peak' } | { method: 'mvc'; files: string[]; windowMs: number };

export function normalizeParams(o: { normalize?: string; mvcWindowMs?: string }, chain: ConditionParams): NormalizeFlag {
  if (o.normalize === undefined) return { method: 'none' };
  if (!chain.rectify && chain.envelope?.method !== 'rms') {
    throw new UsageError('--normalize needs an amplitude to normalise: add --rectify (and usually --envelope), or --envelope rms:MS');
  }
  const v = o.normalize.trim();
  if (v === 'peak') return { method: 'peak' };
  const m = /^mvc:(.+)$/.exec(v);
  if (!m) throw new UsageError(`--normalize "${o.normalize}" must be mvc:FILE[,FILE…] or peak`);
  const files = m[1].split(',').map((s) => s.trim());
  if (files.some((f) => f === '')) throw new UsageError(`--normalize "${o.normalize}" names an empty file`);
  return { method: 'mvc', files, windowMs: parseNumber('--mvc-window-ms', o.mvcWindowMs ?? String(MVC_WINDOW_MS), { min: 0, exclusiveMin: true, unit: 'ms' }) };
}
