import { mean } from './mean.js';
import type { Outcome } from './result.js';
import { presentValues, type Sample } from './sample.js';
import { type GroupMoments, type TTest, type TTestOptions, tTestFromMoments } from './t-test-from-moments.js';
import { variance } from './variance.js';

/** Size, mean and variance of a sample's non-missing values (variance 0 when n < 2). */
export function groupMoments(sample: Sample): GroupMoments {
  const x = presentValues(sample);
  const n = x.length;
  return { label: sample.label, n, mean: n > 0 ? mean(x) : 0, variance: n > 1 ? variance(x) : 0 };
}

/**
 * Two-sample t-test of focal minus reference, R's `t.test(x = focal, y = reference)`: Welch by
 * default, Student with `variant: 'student'` (`var.equal = TRUE`). Missing values (NaN) are left
 * out. Gives t, df, p (two-sided or the chosen one-sided alternative), the mean difference with
 * its standard error and confidence interval.
 */
export function tTest(focal: Sample, reference: Sample, options: TTestOptions = {}): Outcome<TTest> {
  return tTestFromMoments(groupMoments(focal), groupMoments(reference), options);
}
