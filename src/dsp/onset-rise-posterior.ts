import { msToSamples } from './ms-to-samples.js';
import { subtractLines, type FittedLines } from './onset-power-test.js';
import { squaredAcfFactor } from './squared-acf-factor.js';

/** Parameters of {@link riseOnsetPosterior}; see RISE_FIT in `onset-defaults.ts`. */
export interface RisePosteriorParams {
  fsHz: number;
  /** Earliest onset considered, ms before the detection. */
  lookbackMs: number;
  /** Samples used after the detection, ms. */
  aheadMs: number;
  /** Latest onset considered, ms after the detection. */
  maxShiftMs: number;
  /** Rise times considered: 0, `riseStepMs`, … up to `maxRiseMs`. */
  maxRiseMs: number;
  riseStepMs: number;
  /** At least this much plateau must follow the rise inside the fitted stretch, ms. */
  minPlateauMs: number;
  /** Multiplies the autocorrelation factor that tempers the log-likelihood. */
  temperScale: number;
  /** Autocorrelation lags summed for that factor, ms. */
  acfMaxLagMs: number;
  /**
   * Prior probability of an abrupt onset (rise time 0); the rest is spread evenly over the rise
   * times `riseStepMs` … `maxRiseMs`. Null: every rise time alike. Ignored when 0 is the only one.
   */
  stepPrior: number | null;
}

/**
 * Places a burst onset near a detection by a likelihood fit of a variance-change model (the
 * `risefit` refinement; model and references in RISE_FIT, `onset-defaults.ts`).
 *
 * `y` is the band-passed signal, `baselineMean` and `baselineVariance` its baseline statistics,
 * `detection` the sample where a coarser detector found the burst. Onsets are considered from
 * `max(lower, detection − lookback)` to `detection + maxShift`, and samples up to
 * `min(upper, detection + ahead)` enter the fit, less `hum` (mains lines fitted elsewhere, usually on
 * the baseline, {@link fitLines}), so `baselineVariance` should be the baseline's with the lines
 * removed. Returns the posterior median of the onset, a sample index into `y`; returns `detection`
 * itself when the stretch is too short to fit. `y` is not modified.
 */
export function riseOnsetPosterior(
  y: Float64Array,
  baselineMean: number,
  baselineVariance: number,
  detection: number,
  lower: number,
  upper: number,
  p: RisePosteriorParams,
  hum: FittedLines | null = null,
): number {
  const fs = p.fsHz;
  const L = Math.max(lower, detection - msToSamples(p.lookbackMs, fs));
  const R = Math.min(upper, y.length, detection + msToSamples(p.aheadMs, fs));
  const minPlateau = Math.max(1, msToSamples(p.minPlateauMs, fs));
  const n = R - L;
  const tauMax = Math.min(R - minPlateau - 1, detection + msToSamples(p.maxShiftMs, fs));
  if (n < 2 * minPlateau || tauMax < L || !(baselineVariance > 0)) return Math.max(L, Math.min(detection, R - 1));

  const v0 = baselineVariance;
  const lnv0 = Math.log(v0);
  // The stretch about the baseline mean, the fitted hum removed; z[i] is sample L + i.
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = y[L + i] - baselineMean;
  if (hum !== null) subtractLines(z, hum, fs, L, 0, n);
  const q = new Float64Array(n + 1); // cumulative sums of squares
  for (let i = 0; i < n; i++) q[i + 1] = q[i] + z[i] * z[i];
  const maxLag = msToSamples(p.acfMaxLagMs, fs);
  // Tempering: the larger autocorrelation factor of the stretch before the detection and of up to
  // 100 ms after it (each at least 3 samples, inside the stretch).
  const burstEnd = Math.min(R, detection + msToSamples(100, fs)) - L;
  const a0 = Math.max(L, detection) - L;
  const temper = p.temperScale * Math.max(squaredAcfFactor(z, 0, Math.min(n, Math.max(3, Math.min(detection, R) - L)), maxLag), squaredAcfFactor(z, Math.max(0, Math.min(a0, n - 3)), Math.min(n, Math.max(burstEnd, a0 + 3)), maxLag));

  const nTau = tauMax - L + 1;
  const riseCount = Math.floor(p.maxRiseMs / p.riseStepMs + 1e-9) + 1;
  const nll = new Float64Array(riseCount * nTau).fill(Infinity);
  let best = Infinity;
  for (let r = 0; r < riseCount; r++) {
    const T = msToSamples(r * p.riseStepMs, fs);
    const g2 = new Float64Array(T);
    for (let k = 0; k < T; k++) {
      const g = 0.5 * (1 - Math.cos((Math.PI * (k + 1)) / (T + 1)));
      g2[k] = g * g;
    }
    for (let tau = L; tau <= tauMax; tau++) {
      const plateauStart = tau + T - L;
      if (plateauStart > n - minPlateau) break;
      const np = n - plateauStart;
      const sp = q[n] - q[plateauStart];
      const a2 = Math.max(sp / np - v0, 0);
      const pre = tau - L;
      let v = pre * lnv0 + q[pre] / v0;
      const vp = v0 + a2;
      v += np * Math.log(vp) + sp / vp;
      for (let k = 0; k < T; k++) {
        const d = z[pre + k];
        const vk = v0 + a2 * g2[k];
        v += Math.log(vk) + (d * d) / vk;
      }
      nll[r * nTau + pre] = v;
      if (v < best) best = v;
    }
  }
  // Posterior of τ with T marginalised (flat prior on τ; `stepPrior` on T = 0, the rest evenly on
  // the other rise times), tempered; its median.
  const post = new Float64Array(nTau);
  let total = 0;
  for (let r = 0; r < riseCount; r++) {
    const prior = riseCount === 1 || p.stepPrior === null ? 1 : r === 0 ? p.stepPrior : (1 - p.stepPrior) / (riseCount - 1);
    if (!(prior > 0)) continue;
    for (let j = 0; j < nTau; j++) {
      const v = nll[r * nTau + j];
      if (v === Infinity) continue;
      const w = prior * Math.exp(-(v - best) / (2 * temper));
      post[j] += w;
      total += w;
    }
  }
  let acc = 0;
  for (let j = 0; j < nTau; j++) {
    acc += post[j];
    if (acc >= total / 2) return L + j;
  }
  return tauMax;
}
