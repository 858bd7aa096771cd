import { ParameterError } from '../errors.js';

/** Throws {@link ParameterError} unless `0 < confLevel < 1` (R's check in `t.test` and `wilcox.test`). */
export function checkConfLevel(confLevel: number): void {
  if (!(confLevel > 0 && confLevel < 1)) {
    throw new ParameterError(`confidence level ${confLevel} must be between 0 and 1 (exclusive)`);
  }
}
