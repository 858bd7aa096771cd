import { envelopeDetect, type EnvelopeDetectorParams } from './onset-envelope-threshold.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';
import { teagerKaiser } from './teager-kaiser.js';

/** Parameters of {@link tkeoOnsets} (the envelope is that of the rectified TKEO output); defaults in `onset-defaults.ts`. */
export type TkeoParams = EnvelopeDetectorParams;

/**
 * Teager–Kaiser-conditioned threshold detector (Li, Zhou & Aruin 2007; Solnik et al. 2010): the
 * band-passed signal `x` goes through the Teager–Kaiser energy operator ψ[n] = x[n]² − x[n−1]·x[n+1],
 * is full-wave rectified and low-passed (Butterworth, zero-phase); onsets and offsets are then found
 * as in Hodges & Bui, with a threshold of baseline mean + `thresholdSd`·SD and minimum durations.
 * Baseline statistics are in the unit of `x` squared.
 *
 * Li X, Zhou P, Aruin AS (2007) Teager–Kaiser energy operation of surface EMG improves muscle
 * activity onset detection. Ann Biomed Eng 35:1532–1538.
 * Solnik S, Rider P, Steinweg K, DeVita P, Hortobágyi T (2010) Teager–Kaiser energy operator signal
 * conditioning improves EMG onset detection. Eur J Appl Physiol 110:489–498.
 */
export function tkeoOnsets(x: Float64Array, w: OnsetWindows, p: TkeoParams): OnsetDetection {
  return envelopeDetect(x, w, p, (stretch) => {
    const psi = teagerKaiser(stretch);
    for (let i = 0; i < psi.length; i++) psi[i] = Math.abs(psi[i]);
    return psi;
  });
}
