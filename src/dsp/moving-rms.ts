import { ParameterError } from '../errors.js';
import { msToSamples } from './ms-to-samples.js';
import { RunningSum } from './running-sum.js';

/** Parameters of {@link movingRms}. */
export interface MovingRmsParams {
  /** Sample rate in Hz. */
  fsHz: number;
  /** Window length in ms, converted to w samples by `msToSamples`; 1 ≤ w ≤ signal length. */
  windowMs: number;
}

/**
 * Moving root-mean-square over a centred window of w = msToSamples(windowMs, fsHz) samples.
 *
 * Output i is sqrt(mean(x[j]²)) over j from i − ⌊w/2⌋ to i + ⌈w/2⌉ − 1: for odd w the window is
 * symmetric ((w − 1)/2 samples each side); for even w it has w/2 samples before i and w/2 − 1 after.
 * At the edges the window is cut to the samples that exist and the mean is taken over those.
 * The window sum is kept with compensation, so there is no drift over long signals.
 * Returns a new array of the same length; `x` is not modified.
 */
export function movingRms(x: Float64Array, { fsHz, windowMs }: MovingRmsParams): Float64Array {
  const n = x.length;
  const w = msToSamples(windowMs, fsHz);
  if (w < 1) {
    throw new ParameterError(`moving RMS window ${windowMs} ms is ${w} samples at ${fsHz} Hz: must be at least 1 sample`);
  }
  if (w > n) {
    throw new ParameterError(
      `moving RMS window ${windowMs} ms (${w} samples) must not exceed the signal length ${n} samples (${(n * 1000) / fsHz} ms)`,
    );
  }
  const before = Math.floor(w / 2);
  const after = w - 1 - before;
  const y = new Float64Array(n);
  const sum = new RunningSum();
  // Window of output i is [i − before, i + after] ∩ [0, n − 1]; start with the part for i = 0.
  let hi = -1;
  while (hi < Math.min(n - 1, after)) {
    hi++;
    sum.add(x[hi] * x[hi]);
  }
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - before);
    const count = hi - lo + 1;
    const meanSquare = sum.value() / count;
    y[i] = Math.sqrt(meanSquare > 0 ? meanSquare : 0);
    // Move to i + 1: the sample i − before leaves, i + 1 + after enters.
    if (i - before >= 0) sum.sub(x[i - before] * x[i - before]);
    if (i + 1 + after < n) {
      hi = i + 1 + after;
      sum.add(x[hi] * x[hi]);
    }
  }
  return y;
}
