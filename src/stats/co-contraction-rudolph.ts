/**
 * Co-contraction index of Rudolph, Axe & Snyder-Mackler (2000, Knee Surg Sports Traumatol
 * Arthrosc 8:262), for two EMG envelopes sampled together at `fsHz`:
 *
 *   per sample:  c_i = (lower_i / higher_i) · (lower_i + higher_i),
 *                lower_i = min(a_i, b_i), higher_i = max(a_i, b_i); c_i = 0 where both are 0.
 *   cci    = (1/N) Σ c_i    (mean over the N samples of the window)
 *   cciSum = Σ c_i
 *
 * Rudolph et al. write the index as the sum of c_i over the analysis window; a sum grows with
 * the window's length and the sampling rate, so later users of the index (e.g. Lewek, Rudolph &
 * Snyder-Mackler 2004, Osteoarthritis Cartilage 12:745) average it over the window's samples.
 * `cci` is that mean, independent of fsHz; `cciSum` is kept for comparison with summed values.
 * Both are in the unit of the envelopes (e.g. %MVC when they are normalised): the index weights
 * the ratio of the two activities by their total magnitude.
 */
import { checkEnvelopePair } from './co-contraction-check.js';

/** The formula, as each result names it. */
export const RUDOLPH_FORMULA = 'CCI = mean over samples of (lower / higher) * (lower + higher)';

/** Parameters of {@link coContractionRudolph}; `fsHz` is the envelopes' sample rate. */
export interface RudolphParams {
  fsHz: number;
}

/** The index (mean and sum over samples), in envelope units. */
export interface RudolphResult {
  ok: true;
  method: 'rudolph-2000';
  formula: typeof RUDOLPH_FORMULA;
  params: { fsHz: number; nSamples: number; durationS: number };
  /** Mean of the per-sample index, in envelope units. */
  cci: number;
  /** Sum of the per-sample index over the window, in envelope units. */
  cciSum: number;
}

/**
 * Rudolph et al. co-contraction index of envelopes `a` and `b` (not mutated). Always defined
 * for valid input: where both envelopes are 0 a sample contributes 0.
 *
 * @throws ParameterError for unequal lengths, empty envelopes, a negative or non-finite sample,
 *   or a bad `fsHz`.
 */
export function coContractionRudolph(a: ArrayLike<number>, b: ArrayLike<number>, params: RudolphParams): RudolphResult {
  const { fsHz } = params;
  checkEnvelopePair(a, b, fsHz, 1, 'Rudolph co-contraction');
  const n = a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const lower = Math.min(a[i], b[i]);
    const higher = Math.max(a[i], b[i]);
    if (higher > 0) sum += (lower / higher) * (lower + higher);
  }
  return {
    ok: true,
    method: 'rudolph-2000',
    formula: RUDOLPH_FORMULA,
    params: { fsHz, nSamples: n, durationS: n / fsHz },
    cci: sum / n,
    cciSum: sum,
  };
}
