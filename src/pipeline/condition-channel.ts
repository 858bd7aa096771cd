import { butterSos } from '../dsp/butter-sos.js';
import { ParameterError } from '../errors.js';
import { movingRms } from '../dsp/moving-rms.js';
import { notchHarmonics } from '../dsp/notch-harmonics.js';
import { rectifyInPlace } from '../dsp/rectify.js';
import { removeMeanInPlace } from '../dsp/remove-mean.js';
import { sosFiltInPlace } from '../dsp/sos-filt.js';
import { sosFiltZi } from '../dsp/sos-filt-zi.js';
import { biquadToSos, sosFiltFiltInPlace } from '../dsp/sos-filtfilt-in-place.js';

/** One Butterworth stage, applied zero-phase (`sosfiltfilt`). */
export type FilterStage =
  | { type: 'bandpass' | 'bandstop'; cutoffHz: [number, number]; order: number }
  | { type: 'highpass' | 'lowpass'; cutoffHz: number; order: number };

/**
 * Mains notches at f0, 2·f0, …, `harmonics`·f0 (those below Nyquist; 1 = f0 only), each applied as
 * `filtfilt(b, a, x)` with the same Q.
 */
export interface NotchStage {
  f0Hz: number;
  q: number;
  harmonics: number;
}

export type EnvelopeStage = { method: 'lowpass'; cutoffHz: number; order: number } | { method: 'rms'; windowMs: number };

/**
 * The conditioning chain up to the envelope, in its fixed order:
 * DC removal → Butterworth stages → notch(es) → rectification → envelope.
 * (Normalisation, the last step, needs references from other recordings; see `normalize-channels.ts`.)
 */
export interface ConditionParams {
  dc: boolean;
  filters: FilterStage[];
  notch: NotchStage | null;
  rectify: boolean;
  envelope: EnvelopeStage | null;
}

/** The steps of {@link ConditionParams} that will run, named as a methods section would. */
export function describeChain(p: ConditionParams, fsHz: number): string[] {
  const steps: string[] = [];
  if (p.dc) steps.push('DC removal (mean subtracted)');
  for (const f of p.filters) {
    const corners = Array.isArray(f.cutoffHz) ? `${f.cutoffHz[0]}–${f.cutoffHz[1]} Hz` : `${f.cutoffHz} Hz`;
    steps.push(`Butterworth ${f.type}, order ${f.order}, ${corners}, zero-phase (sosfiltfilt, odd padding)`);
  }
  if (p.notch) {
    const notch = p.notch;
    const fs = Array.from({ length: notch.harmonics }, (_, k) => (k + 1) * notch.f0Hz).filter((f, k) => k === 0 || f < fsHz / 2);
    steps.push(`IIR notch Q ${p.notch.q} at ${fs.join(', ')} Hz, zero-phase (filtfilt)`);
  }
  if (p.rectify) steps.push('full-wave rectification');
  if (p.envelope?.method === 'lowpass') steps.push(`linear envelope: Butterworth low-pass order ${p.envelope.order}, ${p.envelope.cutoffHz} Hz, zero-phase`);
  if (p.envelope?.method === 'rms') steps.push(`moving RMS envelope, centred ${p.envelope.windowMs} ms window`);
  return steps;
}

/**
 * Runs the chain on one channel. Pure: `x` is not modified; the result is a new array.
 * Parameters are checked by the dsp functions (corners against Nyquist, windows against length).
 */
export function conditionChannel(x: Float64Array, fsHz: number, p: ConditionParams): Float64Array {
  return conditionChannelInPlace(x.slice(), fsHz, p);
}

/** The chain's Butterworth stages and notch(es) as second-order sections, in order. */
function stageSos(p: ConditionParams, fsHz: number): Float64Array[] {
  const sos: Float64Array[] = p.filters.map((f) => butterSos({ order: f.order, type: f.type, cutoffHz: f.cutoffHz, fsHz }));
  if (p.notch) for (const n of notchHarmonics(p.notch.f0Hz, p.notch.q, fsHz, Math.max(1, p.notch.harmonics))) sos.push(biquadToSos(n.b, n.a));
  return sos;
}

/**
 * {@link conditionChannel} writing over `x` where it can (the RMS envelope allocates its result):
 * every zero-phase stage filters `x` itself (`sosFiltFiltInPlace`), so no stage copies the signal.
 * The notch is run as its single SOS section, the same filter as `filtfilt(b, a)` (see `biquadToSos`).
 *
 * @returns the conditioned signal (`x` itself unless the envelope is a moving RMS)
 */
export function conditionChannelInPlace(x: Float64Array, fsHz: number, p: ConditionParams): Float64Array {
  const sos = stageSos(p, fsHz);
  const envSos = p.envelope?.method === 'lowpass' ? butterSos({ order: p.envelope.order, type: 'lowpass', cutoffHz: p.envelope.cutoffHz, fsHz }) : null;
  if (p.dc) removeMeanInPlace(x);
  for (const s of sos) sosFiltFiltInPlace(s, x);
  if (p.rectify) rectifyInPlace(x);
  if (envSos) sosFiltFiltInPlace(envSos, x);
  else if (p.envelope?.method === 'rms') return movingRms(x, { fsHz, windowMs: p.envelope.windowMs });
  return x;
}

/**
 * The chain's DC removal, Butterworth stages and notch(es) each run once in one direction instead of
 * forward and backward: `forward` is causal (`sosfilt`), `backward` the time-reverse of filtering the
 * reversed signal, each stage starting from its steady state at the first sample it meets
 * (`sosfilt_zi` × that sample). A causal filter spreads a burst's energy only forwards in time, so
 * nothing of it appears before the burst starts, as it does after a zero-phase filter; the backward
 * pass does the same for the end of a burst. The `risefit` detector places onsets on the forward
 * and offsets on the backward signal (docs/onset.md). Rectification and envelope must be off.
 */
export function conditionChannelOneWay(x: Float64Array, fsHz: number, p: ConditionParams, direction: 'forward' | 'backward'): Float64Array {
  if (p.rectify || p.envelope) throw new ParameterError('a one-way conditioning chain ends before rectification and envelope');
  const y = x.slice();
  if (p.dc) removeMeanInPlace(y);
  if (direction === 'backward') y.reverse();
  for (const s of stageSos(p, fsHz)) {
    const zi = sosFiltZi(s);
    for (let i = 0; i < zi.length; i++) zi[i] *= y.length > 0 ? y[0] : 0;
    sosFiltInPlace(s, y, zi);
  }
  if (direction === 'backward') y.reverse();
  return y;
}
