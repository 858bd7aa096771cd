import { ParameterError } from '../errors.js';

/**
 * The smallest power of two that is ≥ `n` (`nextPow2(1) = 1`, `nextPow2(1000) = 1024`).
 * Used to choose an FFT length; `n` is a sample count (a positive integer).
 */
export function nextPow2(n: number): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new ParameterError(`FFT length ${n} samples must be a positive integer`);
  }
  if (n > 2 ** 30) throw new ParameterError(`FFT length ${n} samples must be at most ${2 ** 30} samples`);
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** True when `n` is a positive integer power of two (1, 2, 4, …). */
export function isPow2(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}
