import { ParameterError } from '../errors.js';
import { nextPow2 } from './next-pow2.js';
import { welch } from './welch.js';

export interface PowerlineShare {
  /** Mains frequency in Hz. */
  mainsHz: number;
  /** Percent of the signal's power (DC excluded) within ±`halfWidthHz` of the mains and its harmonics. */
  pct: number;
  /** Harmonics counted (1 = the fundamental only). */
  harmonics: number;
}

/**
 * Share of power at the mains frequency and its harmonics below Nyquist.
 *
 * Welch PSD (Hann, segments of `nextPow2(2·fsHz)` samples or the whole signal if shorter,
 * 50 % overlap, mean removed per segment); power in bins within ±`halfWidthHz` of k·`mainsHz`
 * (k = 1, 2, … while k·mainsHz + halfWidthHz < Nyquist) over the power in all bins but DC.
 */
export function powerlineShare(x: Float64Array, p: { fsHz: number; mainsHz: number; halfWidthHz: number }): PowerlineShare {
  const { fsHz, mainsHz, halfWidthHz } = p;
  const nyquist = fsHz / 2;
  if (!(mainsHz > 0) || mainsHz + halfWidthHz >= nyquist) {
    throw new ParameterError(`mains frequency ${mainsHz} Hz ± ${halfWidthHz} Hz must be below Nyquist ${nyquist} Hz (fs ${fsHz} Hz)`);
  }
  if (x.length < 8) throw new ParameterError(`signal of ${x.length} samples is too short for a power spectrum (at least 8)`);
  let segmentLength = nextPow2(Math.ceil(2 * fsHz));
  if (segmentLength > x.length) segmentLength = x.length;
  const { freqsHz, psd } = welch(x, {
    fsHz,
    segmentLength,
    overlap: Math.floor(segmentLength / 2),
    window: 'hann',
    detrend: 'constant',
    scaling: 'density',
  });
  let total = 0;
  let mains = 0;
  let harmonics = 0;
  while ((harmonics + 1) * mainsHz + halfWidthHz < nyquist) harmonics++;
  for (let k = 1; k < psd.length; k++) {
    total += psd[k];
    const f = freqsHz[k];
    const h = Math.round(f / mainsHz);
    if (h >= 1 && h <= harmonics && Math.abs(f - h * mainsHz) <= halfWidthHz) mains += psd[k];
  }
  return { mainsHz, pct: total > 0 ? (100 * mains) / total : 0, harmonics };
}
