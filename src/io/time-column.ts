import { InputError } from '../errors.js';

/** Default jitter tolerance: each time stamp within ±25 % of one sample period of the regular grid. */
export const DEFAULT_TIME_TOLERANCE = 0.25;

/** Sample rates this close (relative) to a whole number of Hz are taken as that number. */
const SNAP_RELATIVE = 1e-4;

/**
 * Sample rate from a time column, checking that it is regular.
 *
 * The period is the slope of the least-squares line through (row, time). Time must increase
 * strictly, and every time stamp must lie within `tolerance` periods of that regular grid (so
 * rounding of printed times passes and a dropped or repeated sample fails). The rate is snapped to a
 * whole number of Hz when within 1e-4 of it (relative) or within the uncertainty that the largest
 * grid residual implies for the slope (time stamps printed with few decimals).
 *
 * @param timeS time stamps in seconds
 * @param firstLine 1-based line of the first data row (row i is reported as line firstLine + i)
 */
export function sampleRateFromTime(
  timeS: Float64Array,
  opts: { file: string; firstLine: number; column: number; tolerance: number },
): { fsHz: number; startS: number } {
  const { file, firstLine, column, tolerance } = opts;
  const n = timeS.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(timeS[i])) {
      throw new InputError({ file, line: firstLine + i, column }, 'time is missing');
    }
  }
  if (n < 2) throw new InputError({ file, line: firstLine, column }, 'needs at least 2 rows to derive the sample rate from time');
  for (let i = 1; i < n; i++) {
    if (!(timeS[i] > timeS[i - 1])) {
      throw new InputError(
        { file, line: firstLine + i, column },
        `time ${timeS[i]} s does not increase (previous row ${timeS[i - 1]} s): time must be monotonic`,
      );
    }
  }
  // Least-squares line t = a + period·i: robust to times printed with few decimals.
  const iMean = (n - 1) / 2;
  let tMean = 0;
  for (let i = 0; i < n; i++) tMean += (timeS[i] - tMean) / (i + 1);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const di = i - iMean;
    sxy += di * (timeS[i] - tMean);
    sxx += di * di;
  }
  const period = sxy / sxx;
  const a = tMean - period * iMean;
  const limit = tolerance * period;
  let maxResidual = 0;
  for (let i = 0; i < n; i++) {
    const dev = timeS[i] - (a + i * period);
    if (Math.abs(dev) > maxResidual) maxResidual = Math.abs(dev);
    if (Math.abs(dev) > limit) {
      throw new InputError(
        { file, line: firstLine + i, column },
        `irregular sampling: time ${timeS[i]} s is ${(dev / period).toFixed(2)} sample periods off the regular ` +
          `grid of ${(1 / period).toPrecision(6)} Hz (tolerance ±${tolerance} periods; a dropped or repeated sample?)`,
      );
    }
  }
  let fsHz = 1 / period;
  // Snap to whole Hz when that lies within the rate's uncertainty (rounded time stamps) or 1e-4.
  const relUncertainty = Math.max(SNAP_RELATIVE, (8 * maxResidual) / (n ** 1.5 * period));
  const rounded = Math.round(fsHz);
  if (rounded > 0 && Math.abs(fsHz - rounded) <= relUncertainty * rounded) fsHz = rounded;
  return { fsHz, startS: timeS[0] };
}
