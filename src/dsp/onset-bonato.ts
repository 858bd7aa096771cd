import { ParameterError } from '../errors.js';
import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { checkOnsetWindows } from './onset-check-windows.js';
import { onsetSegment } from './onset-segment.js';
import { thresholdRuns } from './onset-threshold-runs.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/** Parameters of {@link bonatoOnsets}; defaults in `onset-defaults.ts`. */
export interface BonatoParams {
  fsHz: number;
  /** Probability that noise alone marks a window of `windowMs` as active (Bonato's P_fa). */
  falseAlarmProbability: number;
  /** Observation window m, ms. */
  windowMs: number;
  /** Samples above ζ needed in a window (Bonato's r0), as a duration in ms (at least one sample). */
  minAboveMs: number;
  /** An active state must last this long to give an onset, ms. */
  minActiveMs: number;
  /** An inactive state must last this long to give an offset, ms. */
  minInactiveMs: number;
  marginMs: number;
}

/** The per-sample exceedance probability and counts that {@link bonatoOnsets} derived. */
export interface BonatoDesign {
  /** m, samples. */
  windowSamples: number;
  /** r0, samples. */
  minAbove: number;
  /** P(z > ζ) under noise alone, so that P(at least r0 of m) = P_fa. */
  sampleProbability: number;
  /** ζ in units of the baseline variance: −2·ln(sampleProbability). */
  zeta: number;
}

/** P(X ≥ r) for X ~ Binomial(m, p). */
function binomialUpperTail(m: number, r: number, p: number): number {
  let below = 0;
  let term = (1 - p) ** m; // P(X = 0)
  for (let j = 0; j < r; j++) {
    below += term;
    term *= ((m - j) / (j + 1)) * (p / (1 - p));
  }
  return Math.max(0, 1 - below);
}

/**
 * The double-threshold design: m and r0 in samples at `fsHz`, the per-sample probability p with
 * P(Binomial(m, p) ≥ r0) = P_fa (bisection to machine precision), and ζ = −2·ln p, the level that
 * (x²[k−1] + x²[k]) / σ² (χ² with 2 degrees of freedom for white Gaussian noise) exceeds with
 * probability p.
 */
export function bonatoDesign(p: Pick<BonatoParams, 'fsHz' | 'falseAlarmProbability' | 'windowMs' | 'minAboveMs'>): BonatoDesign {
  if (!(p.falseAlarmProbability > 0 && p.falseAlarmProbability < 1)) {
    throw new ParameterError(`false-alarm probability ${p.falseAlarmProbability} must lie between 0 and 1`);
  }
  const m = msToSamples(p.windowMs, p.fsHz);
  const r0 = Math.max(1, msToSamples(p.minAboveMs, p.fsHz));
  if (m < 1) throw new ParameterError(`double-threshold window ${p.windowMs} ms is shorter than one sample at ${p.fsHz} Hz`);
  if (r0 > m) throw new ParameterError(`double-threshold r0 ${p.minAboveMs} ms must not exceed the window ${p.windowMs} ms`);
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 200 && hi - lo > 1e-17; it++) {
    const mid = (lo + hi) / 2;
    if (binomialUpperTail(m, r0, mid) < p.falseAlarmProbability) lo = mid;
    else hi = mid;
  }
  const sampleProbability = (lo + hi) / 2;
  return { windowSamples: m, minAbove: r0, sampleProbability, zeta: -2 * Math.log(sampleProbability) };
}

/**
 * Bonato, D'Alessio & Knaflitz (1998) double-threshold detector on the band-passed signal `x`:
 * z[k] = (x²[k−1] + x²[k]) / σ², with σ² the variance of `x` over the baseline window; a sample is
 * "above" when z[k] > ζ (first threshold, from P_fa, see {@link bonatoDesign}); the muscle is
 * active at k when at least r0 of the m samples from k on are above (second threshold). An onset is
 * the first sample of an active state lasting `minActiveMs`; its offset the first sample of an
 * inactive state lasting `minInactiveMs`. Baseline statistics are those of `x` (its unit); the
 * threshold returned is ζσ², the level x²[k−1] + x²[k] must exceed (unit of `x` squared).
 *
 * Unlike the paper, the signal is not whitened first and z is formed from overlapping pairs, so an
 * onset can fall on any sample.
 *
 * Bonato P, D'Alessio T, Knaflitz M (1998) A statistical method for the measurement of muscle
 * activation intervals from surface myoelectric signal during gait. IEEE Trans Biomed Eng 45:287–299.
 */
export function bonatoOnsets(x: Float64Array, w: OnsetWindows, p: BonatoParams): OnsetDetection {
  checkOnsetWindows(w, x.length);
  const design = bonatoDesign(p);
  const seg = onsetSegment(w, x.length, msToSamples(p.marginMs, p.fsHz));
  const o = seg.start;
  const len = seg.end - seg.start;
  const { mean, sd } = onsetBaselineStats(x, w);
  const variance = sd * sd;
  const limit = design.zeta * variance;
  // above[k] = 1 when (x[k−1]² + x[k]²) exceeds ζσ² (mean removed as for the variance).
  const above = new Uint8Array(len);
  for (let k = 1; k < len; k++) {
    const a = x[o + k - 1] - mean;
    const b = x[o + k] - mean;
    above[k] = a * a + b * b > limit ? 1 : 0;
  }
  // active[k] = at least r0 of above[k … k+m−1].
  const m = design.windowSamples;
  const active = new Float64Array(len);
  let count = 0;
  for (let k = 0; k < Math.min(m, len); k++) count += above[k];
  for (let k = 0; k + m <= len; k++) {
    active[k] = count >= design.minAbove ? 1 : 0;
    count += (k + m < len ? above[k + m] : 0) - above[k];
  }
  const runs = thresholdRuns(active, 0.5, w.searchStart - o, w.searchEnd - o, w.offsetEnd - o, msToSamples(p.minActiveMs, p.fsHz), msToSamples(p.minInactiveMs, p.fsHz));
  return { onsets: runs.onsets.map((i) => i + o), offsets: runs.offsets.map((i) => i + o), baselineMean: mean, baselineSd: sd, threshold: limit };
}
