import { envelopeDetect, type EnvelopeDetectorParams } from './onset-envelope-threshold.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/** Parameters of {@link hodgesBuiOnsets}; defaults in `onset-defaults.ts`. */
export type HodgesBuiParams = EnvelopeDetectorParams;

/**
 * Hodges & Bui (1996) threshold detector: the band-passed signal `x` is full-wave rectified and
 * low-passed (Butterworth, zero-phase) into a linear envelope; the onset is the first sample of the
 * first run of at least `minAboveMs` above `mean + thresholdSd·SD` of the envelope over the
 * baseline window; the offset the first sample of the next run of `minBelowMs` at or below it.
 * Baseline statistics are in the unit of `x`.
 *
 * Hodges PW, Bui BH (1996) A comparison of computer-based methods for the determination of onset
 * of muscle contraction using electromyography. Electroencephalogr Clin Neurophysiol 101:511–519.
 */
export function hodgesBuiOnsets(x: Float64Array, w: OnsetWindows, p: HodgesBuiParams): OnsetDetection {
  return envelopeDetect(x, w, p, (stretch) => stretch.map((v) => Math.abs(v)));
}
