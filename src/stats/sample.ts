import { ParameterError } from '../errors.js';

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
