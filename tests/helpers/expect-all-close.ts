import { expect } from 'vitest';

export interface Tolerance {
  /** Relative tolerance, against |expected|. */
  rtol?: number;
  /** Absolute tolerance. */
  atol?: number;
}

/**
 * Asserts |actual[i] − expected[i]| ≤ atol + rtol·|expected[i]| for every i (numpy.allclose's rule),
 * reporting the worst index when it fails. NaN matches NaN only; ±Infinity must match exactly.
 */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rtol = 0, atol = 0 }: Tolerance,
  label = 'values',
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) || Number.isNaN(a)) {
      if (Number.isNaN(e) !== Number.isNaN(a)) {
        worst = i;
        worstExcess = Infinity;
      }
      continue;
    }
    if (!Number.isFinite(e) || !Number.isFinite(a)) {
      if (a !== e) {
        worst = i;
        worstExcess = Infinity;
      }
      continue;
    }
    const excess = Math.abs(a - e) - (atol + rtol * Math.abs(e));
    if (excess > 0 && excess > worstExcess) {
      worst = i;
      worstExcess = excess;
    }
  }
  if (worst >= 0) {
    const a = actual[worst];
    const e = expected[worst];
    expect.fail(
      `${label}: worst mismatch at index ${worst}: actual ${a}, expected ${e}, |diff| ${Math.abs(a - e)} ` +
        `> atol ${atol} + rtol ${rtol}·|expected|`,
    );
  }
}

/** Scalar form of {@link expectAllClose}. */
export function expectClose(actual: number, expected: number, tol: Tolerance, label = 'value'): void {
  expectAllClose([actual], [expected], tol, label);
}
