import { butterSos } from '../dsp/butter-sos.js';
import { filtFilt } from '../dsp/filtfilt.js';
import { lowpassEnvelope } from '../dsp/lowpass-envelope.js';
import { movingRms } from '../dsp/moving-rms.js';
import { notchHarmonics } from '../dsp/notch-harmonics.js';
import { rectifyInPlace } from '../dsp/rectify.js';
import { removeMean } from '../dsp/remove-mean.js';
import { sosFiltFilt } from '../dsp/sos-filtfilt.js';

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
  let y = p.dc ? removeMean(x) : x;
  for (const f of p.filters) y = sosFiltFilt(butterSos({ order: f.order, type: f.type, cutoffHz: f.cutoffHz, fsHz }), y);
  if (p.notch) {
    const maxCount = Math.max(1, p.notch.harmonics);
    for (const n of notchHarmonics(p.notch.f0Hz, p.notch.q, fsHz, maxCount)) y = filtFilt(n.b, n.a, y);
  }
  if (p.rectify) {
    if (y === x) y = x.slice();
    rectifyInPlace(y);
  }
  if (p.envelope?.method === 'lowpass') y = lowpassEnvelope(y, { fsHz, cutoffHz: p.envelope.cutoffHz, order: p.envelope.order });
  else if (p.envelope?.method === 'rms') y = movingRms(y, { fsHz, windowMs: p.envelope.windowMs });
  return y === x ? x.slice() : y;
}
