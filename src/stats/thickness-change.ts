/**
 * RUSI percent thickness change of one paired trial, the muscle "activation" measure of
 * Farley et al. 2024 (J Bodyw Mov Ther 39:67):
 *
 *   changePct = (contracted − rest) / rest × 100,   ratio = contracted / rest.
 */
import { checkThicknessMm } from './thickness-change-check.js';

/** Percent change and ratio of one paired trial. */
export interface ThicknessChange {
  /** (contracted − rest) / rest × 100, in percent of resting thickness. */
  changePct: number;
  /** contracted / rest, dimensionless. */
  ratio: number;
}

/**
 * Percent change and ratio of contracted to resting thickness for one trial.
 * Both thicknesses in mm (any one length unit works, the results are unitless).
 *
 * @throws ParameterError unless both thicknesses are finite and positive.
 */
export function thicknessChange(restMm: number, contractedMm: number): ThicknessChange {
  checkThicknessMm(restMm, 'rest thickness');
  checkThicknessMm(contractedMm, 'contracted thickness');
  return { changePct: ((contractedMm - restMm) / restMm) * 100, ratio: contractedMm / restMm };
}
