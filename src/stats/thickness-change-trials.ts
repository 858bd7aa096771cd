/**
 * Percent thickness change over the trials of one subject × muscle × side (× level): pairs the
 * rest and contracted measurements by trial label, computes {@link thicknessChange} per paired
 * trial, and averages the per-trial values (Farley et al. 2024 average the per-trial changes).
 *
 * Unpaired trials — a trial label measured only at rest or only contracted — are not dropped
 * silently: they are returned in `unpaired` with their condition and value, and take no part in
 * the per-trial changes or the means.
 */
import { ParameterError } from '../errors.js';
import { thicknessChange } from './thickness-change.js';
import { checkThicknessMm } from './thickness-change-check.js';

/** One thickness measurement of one trial in one condition. */
export interface TrialThickness {
  trial: string;
  thicknessMm: number;
}

/** One paired trial: its thicknesses (mm), percent change and ratio. */
export interface TrialThicknessChange {
  trial: string;
  restMm: number;
  contractedMm: number;
  changePct: number;
  ratio: number;
}

/** A trial measured in one condition only; reported, not used. */
export interface UnpairedTrial {
  trial: string;
  /** The only condition in which this trial was measured. */
  condition: 'rest' | 'contracted';
  thicknessMm: number;
}

/** Means over the paired trials. */
export interface TrialMeans {
  ok: true;
  /** Number of paired trials averaged. */
  n: number;
  /** Mean of the per-trial percent changes. */
  changePct: number;
  /** Mean of the per-trial ratios. */
  ratio: number;
  /** Mean resting thickness of the paired trials, mm. */
  restMm: number;
  /** Mean contracted thickness of the paired trials, mm. */
  contractedMm: number;
}

/** What {@link thicknessChangeTrials} returns. */
export interface ThicknessChangeTrials {
  /** Paired trials, in the order of `rest`. */
  trials: TrialThicknessChange[];
  /** Trials measured in one condition only: rest-only first, then contracted-only, each in input order. */
  unpaired: UnpairedTrial[];
  /** Means over the paired trials; `ok: false` when no trial is paired. */
  mean: TrialMeans | { ok: false; reason: string };
}

/**
 * Per-trial percent thickness change and ratio, and their means over paired trials.
 *
 * @throws ParameterError for a thickness that is not finite and positive, or a trial label that
 *   appears twice in the same condition.
 */
export function thicknessChangeTrials(
  rest: ReadonlyArray<TrialThickness>,
  contracted: ReadonlyArray<TrialThickness>,
): ThicknessChangeTrials {
  const restByTrial = indexByTrial(rest, 'rest');
  const contractedByTrial = indexByTrial(contracted, 'contracted');
  const trials: TrialThicknessChange[] = [];
  const unpaired: UnpairedTrial[] = [];
  for (const r of rest) {
    const c = contractedByTrial.get(r.trial);
    if (c === undefined) {
      unpaired.push({ trial: r.trial, condition: 'rest', thicknessMm: r.thicknessMm });
      continue;
    }
    const { changePct, ratio } = thicknessChange(r.thicknessMm, c.thicknessMm);
    trials.push({ trial: r.trial, restMm: r.thicknessMm, contractedMm: c.thicknessMm, changePct, ratio });
  }
  for (const c of contracted) {
    if (!restByTrial.has(c.trial)) unpaired.push({ trial: c.trial, condition: 'contracted', thicknessMm: c.thicknessMm });
  }
  const n = trials.length;
  if (n === 0) {
    return { trials, unpaired, mean: { ok: false, reason: `no trial has both a rest and a contracted thickness (${unpaired.length} unpaired)` } };
  }
  let change = 0;
  let ratio = 0;
  let restSum = 0;
  let contractedSum = 0;
  for (const t of trials) {
    change += t.changePct;
    ratio += t.ratio;
    restSum += t.restMm;
    contractedSum += t.contractedMm;
  }
  return {
    trials,
    unpaired,
    mean: { ok: true, n, changePct: change / n, ratio: ratio / n, restMm: restSum / n, contractedMm: contractedSum / n },
  };
}

function indexByTrial(list: ReadonlyArray<TrialThickness>, condition: 'rest' | 'contracted'): Map<string, TrialThickness> {
  const map = new Map<string, TrialThickness>();
  for (const m of list) {
    if (map.has(m.trial)) throw new ParameterError(`trial "${m.trial}" appears more than once at ${condition}`);
    checkThicknessMm(m.thicknessMm, `${condition} thickness of trial "${m.trial}"`);
    map.set(m.trial, m);
  }
  return map;
}
