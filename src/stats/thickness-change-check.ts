import { ParameterError } from '../errors.js';

/**
 * Throws {@link ParameterError} unless `valueMm` is a finite, positive thickness; `what` names
 * the value in the message (`rest thickness -1 mm must be a positive finite thickness`).
 */
export function checkThicknessMm(valueMm: number, what: string): void {
  if (!Number.isFinite(valueMm) || !(valueMm > 0)) {
    throw new ParameterError(`${what} ${valueMm} mm must be a positive finite thickness`);
  }
}
