/**
 * Side-to-side asymmetry of one subject's measurement (RUSI thickness in mm or cross-sectional
 * area in cm², for one muscle and vertebral level), after Hides et al. (1994, Spine 19:165;
 * 1996, Spine 21:2763), who reported multifidus wasting ipsilateral to the symptoms.
 *
 *   asymmetryPct             = (L − R) / ((L + R) / 2) × 100   signed, > 0 when left is larger
 *   absDifferenceOfLargerPct = |L − R| / max(L, R) × 100        the smaller side's shortfall
 *   ipsilateralDifferencePct = (ipsi − contra) / contra × 100   < 0 when the symptomatic side is smaller
 */
import { ParameterError } from '../errors.js';

/** Body side: left or right. */
export type Side = 'L' | 'R';

/** One subject's left and right value of one muscle (and level), in one unit. */
export interface SideAsymmetryInput {
  /** Left-side value, > 0, in the same unit as `right`. */
  left: number;
  /** Right-side value, > 0. */
  right: number;
  /** Side of the symptoms, when known; adds the ipsilateral/contralateral comparison. */
  symptomSide?: Side;
}

/** The symptomatic side against the other, in percent of the other side (Hides et al.). */
export interface SymptomSideComparison {
  symptomSide: Side;
  /** The value on the symptomatic side. */
  ipsilateral: number;
  /** The value on the other side. */
  contralateral: number;
  /** (ipsilateral − contralateral) / contralateral × 100. */
  ipsilateralDifferencePct: number;
}

/** Percent asymmetries of one subject (formulas in the file header). */
export interface SideAsymmetry {
  left: number;
  right: number;
  asymmetryPct: number;
  absDifferenceOfLargerPct: number;
  /** The side with the smaller value, or `equal`. */
  smallerSide: Side | 'equal';
  /** Present only when `symptomSide` was given. */
  symptomatic?: SymptomSideComparison;
}

/**
 * Percent side-to-side asymmetry of one subject (R reference: the formulas in the file header).
 *
 * @throws ParameterError unless both values are finite and positive and `symptomSide` is `L` or `R`.
 */
export function sideAsymmetry({ left, right, symptomSide }: SideAsymmetryInput): SideAsymmetry {
  for (const [name, v] of [
    ['left', left],
    ['right', right],
  ] as const) {
    if (!Number.isFinite(v) || !(v > 0)) throw new ParameterError(`${name}-side value ${v} must be positive and finite`);
  }
  if (symptomSide !== undefined && symptomSide !== 'L' && symptomSide !== 'R') {
    throw new ParameterError(`symptom side "${String(symptomSide)}" must be L or R`);
  }
  const result: SideAsymmetry = {
    left,
    right,
    asymmetryPct: ((left - right) / ((left + right) / 2)) * 100,
    absDifferenceOfLargerPct: (Math.abs(left - right) / Math.max(left, right)) * 100,
    smallerSide: left < right ? 'L' : right < left ? 'R' : 'equal',
  };
  if (symptomSide !== undefined) {
    const ipsilateral = symptomSide === 'L' ? left : right;
    const contralateral = symptomSide === 'L' ? right : left;
    result.symptomatic = {
      symptomSide,
      ipsilateral,
      contralateral,
      ipsilateralDifferencePct: ((ipsilateral - contralateral) / contralateral) * 100,
    };
  }
  return result;
}
