import { ParameterError } from '../errors.js';
import { unavailable, type Unavailable } from './result.js';

/** A labelled group of observations; `NaN` marks a missing value. */
export interface Sample {
  /** Group name used in messages, e.g. `LBP`. */
  readonly label: string;
  readonly values: ArrayLike<number>;
}

/**
 * The non-missing values of a sample as a new array (R's `x[!is.na(x)]`): `NaN` is missing and is
 * dropped. An infinite value is not a measurement, so it throws {@link ParameterError}.
 */
export function presentValues(sample: Sample): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < sample.values.length; i++) {
    const v = sample.values[i];
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v)) {
      throw new ParameterError(`group "${sample.label}": value ${v} at position ${i + 1} is not a finite number`);
    }
    out.push(v);
  }
  return Float64Array.from(out);
}

/** Number of missing (`NaN`) values in a sample. */
export function missingCount(sample: Sample): number {
  let k = 0;
  for (let i = 0; i < sample.values.length; i++) if (Number.isNaN(sample.values[i])) k++;
  return k;
}

/**
 * The present values of two groups, or the reason a two-group statistic cannot be computed: a
 * group with no value left.
 */
export function presentPair(focal: Sample, reference: Sample): { x: Float64Array; y: Float64Array } | Unavailable {
  const x = presentValues(focal);
  const y = presentValues(reference);
  for (const [g, v] of [[focal, x], [reference, y]] as const) {
    if (v.length === 0) return unavailable(`group "${g.label}" has no values`);
  }
  return { x, y };
}
