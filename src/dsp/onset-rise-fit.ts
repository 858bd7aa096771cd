import { ParameterError } from '../errors.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { HUM_EXTRAPOLATION_MS } from './onset-defaults.js';
import { excessPowerTest, mainsLines, residualPower, reverseLines, type FittedLines } from './onset-power-test.js';
import type { EnvelopeDetectorParams } from './onset-envelope-threshold.js';
import { hodgesBuiOnsets } from './onset-hodges-bui.js';
import { riseOnsetPosterior, type RisePosteriorParams } from './onset-rise-posterior.js';
import { onsetSegment } from './onset-segment.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/**
 * Parameters of {@link riseFitOnsets}; defaults RISE_FIT in `onset-defaults.ts`. The envelope
 * fields are those of the detection (a Hodges & Bui envelope of the rectified signal).
 */
export interface RiseFitParams extends Omit<RisePosteriorParams, 'maxRiseMs'>, EnvelopeDetectorParams {
  /** Longest rise (onset fit) and fall (offset fit) considered, ms. */
  maxRiseMs: number;
  maxFallMs: number;
  /** Step of the fall-time grid of the offset fit, ms. */
  fallStepMs: number;
  /**
   * A detection is kept only if its stretch (detected onset to detected offset) carries more power
   * than the baseline, mains lines removed, at this one-sided level ({@link excessPowerTest}); 1 keeps all.
   */
  confirmAlpha: number;
}

/**
 * The conditioning chain run once in each direction (`conditionChannelOneWay` in the pipeline): a
 * causal filter spreads a burst's energy only after its start, and the backward one only before its
 * end, where the zero-phase filter spreads both ways.
 */
export interface OneWaySignals {
  forward: Float64Array;
  backward: Float64Array;
}

/**
 * The default detector (`risefit`): bursts are detected on a slow linear envelope of the band-passed
 * signal `x` (rectified, Butterworth low-pass, zero-phase; threshold baseline mean + k·SD held for a
 * minimum time, as Hodges & Bui), then each onset is placed by the likelihood fit of a raised-cosine
 * rise ({@link riseOnsetPosterior}) to `oneWay.forward` and each offset by the same fit to the
 * time-reversed `oneWay.backward`, each with its own baseline mean and variance. Without `oneWay`
 * both fits use `x`, whose zero-phase filter spreads a burst's first energy before its start (onsets
 * early at high SNR; docs/onset.md). The returned baseline statistics are those of the detection
 * envelope (unit of `x`).
 */
export function riseFitOnsets(x: Float64Array, w: OnsetWindows, p: RiseFitParams, oneWay?: OneWaySignals): OnsetDetection {
  if (p.stepPrior !== null && !(p.stepPrior >= 0 && p.stepPrior <= 1)) throw new ParameterError(`step prior ${p.stepPrior} must be between 0 and 1`);
  if (!(p.confirmAlpha > 0 && p.confirmAlpha <= 1)) throw new ParameterError(`confirmation level ${p.confirmAlpha} must be above 0 and at most 1`);
  // Detection: the Hodges & Bui rule on the slow envelope (it also checks the windows).
  const det = hodgesBuiOnsets(x, w, p);
  const o = onsetSegment(w, x.length, msToSamples(p.marginMs, p.fsHz)).start;
  const end = Math.min(x.length, w.offsetEnd);

  // Confirmation: a detection stands only if its stretch carries more power than the baseline, mains
  // lines removed (an F test on the zero-phase signal); slow swells of noise that pass the envelope
  // rule after a calm baseline do not. A stretch too short to test is kept.
  const kept: { on: number; off: number | null }[] = [];
  const maxLag = msToSamples(p.acfMaxLagMs, p.fsHz);
  const xMean = onsetBaselineStats(x, w).mean;
  const lines = mainsLines(x, w.baselineStart, w.baselineEnd, xMean, p.fsHz);
  const test = p.confirmAlpha < 1 ? excessPowerTest(x, w, xMean, lines, p.fsHz, maxLag) : null;
  for (let b = 0; b < det.onsets.length; b++) {
    const off = b < det.offsets.length ? det.offsets[b] : null;
    const pValue = test === null ? null : test(det.onsets[b], off ?? end);
    if (pValue !== null && !(pValue < p.confirmAlpha)) continue;
    kept.push({ on: det.onsets[b], off });
  }

  const fx = oneWay?.forward ?? x;
  const bx = oneWay?.backward ?? x;
  if (fx.length !== x.length || bx.length !== x.length) throw new ParameterError(`one-way signals of ${fx.length} and ${bx.length} samples do not match the signal's ${x.length}`);
  // Each fit's baseline: its mean, its variance with the mains lines removed, and the lines fitted
  // on each baseline stretch (one least-squares fit per stretch serves both).
  const baselines = [[w.baselineStart, w.baselineEnd] as const, ...(w.extraBaseline ?? [])];
  const fitBaseline = (y: Float64Array): { mean: number; variance: number; hum: (FittedLines | null)[] } => {
    const mean = onsetBaselineStats(y, w).mean;
    const r = residualPower(y, baselines, mean, lines, p.fsHz, maxLag);
    return { mean, variance: r.rss / r.dof, hum: r.fits };
  };
  const fs = fitBaseline(fx);
  const bs = bx === fx ? fs : fitBaseline(bx);
  // The mains hum removed from each fitted stretch: the lines fitted on the baseline stretch nearest
  // to the detection, none when every baseline lies more than HUM_EXTRAPOLATION_MS away (a mains
  // frequency a little off its nominal value puts a long extrapolation out of phase).
  const maxGap = msToSamples(HUM_EXTRAPOLATION_MS, p.fsHz);
  const nearestBaseline = (at: number): number => {
    let best = -1;
    let bestGap = Infinity;
    baselines.forEach(([s, e], k) => {
      const gap = Math.max(0, s - at, at + 1 - e);
      if (gap < bestGap) [best, bestGap] = [k, gap];
    });
    return bestGap <= maxGap ? best : -1;
  };
  const humNear = (hum: (FittedLines | null)[], at: number): FittedLines | null => {
    const k = nearestBaseline(at);
    return k < 0 ? null : hum[k];
  };
  // Offsets weigh every fall time alike (abrupt included): a prior on falls has no measurement behind it.
  const fallParams: RisePosteriorParams = { ...p, maxRiseMs: p.maxFallMs, riseStepMs: p.fallStepMs, stepPrior: null };
  const onsets: number[] = [];
  const offsets: number[] = [];
  // The reversed stretch for the offset fits: reversed[j] = bx[end − 1 − j].
  let reversed: Float64Array | null = null;
  for (let b = 0; b < kept.length; b++) {
    const detOn = kept[b].on;
    const detOff = kept[b].off;
    const lower = Math.max(w.searchStart, b > 0 ? offsets[b - 1] : w.searchStart);
    const upper = detOff ?? end;
    onsets.push(Math.max(lower, Math.min(riseOnsetPosterior(fx, fs.mean, fs.variance, detOn, lower, upper, p, humNear(fs.hum, detOn)), w.searchEnd - 1)));
    if (detOff !== null) {
      if (reversed === null) {
        reversed = new Float64Array(end - o);
        for (let j = 0; j < reversed.length; j++) reversed[j] = bx[end - 1 - j];
      }
      const nextOn = b + 1 < kept.length ? kept[b + 1].on : end;
      // In reversed time an offset at sample s is an onset at end − s; the fall cannot pass this burst's onset.
      const hum = humNear(bs.hum, detOff - 1);
      const j = riseOnsetPosterior(reversed, bs.mean, bs.variance, end - detOff, end - nextOn, end - onsets[b], fallParams, hum && reverseLines(hum, end));
      offsets.push(Math.max(onsets[b] + 1, Math.min(end - j, end)));
    }
  }
  return { onsets, offsets, baselineMean: det.baselineMean, baselineSd: det.baselineSd, threshold: det.threshold };
}
