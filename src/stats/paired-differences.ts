import { ParameterError } from '../errors.js';
import { presentValues, type Sample } from './sample.js';

/**
 * Complete pairs of two paired samples (R's `complete.cases(x, y)`): the first and second values
 * of every pair where both are present, and their differences first − second. The samples must
 * have the same length (pair i is position i in both), else {@link ParameterError}.
 */
export function pairedDifferences(first: Sample, second: Sample): { x: Float64Array; y: Float64Array; d: Float64Array } {
  if (first.values.length !== second.values.length) {
    throw new ParameterError(
      `paired groups "${first.label}" (${first.values.length} values) and "${second.label}" (${second.values.length} values) must have the same length`,
    );
  }
  presentValues(first); // rejects infinite values, naming the group
  presentValues(second);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < first.values.length; i++) {
    const a = first.values[i];
    const b = second.values[i];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    xs.push(a);
    ys.push(b);
  }
  const x = Float64Array.from(xs);
  const y = Float64Array.from(ys);
  return { x, y, d: x.map((v, i) => v - y[i]) };
}
