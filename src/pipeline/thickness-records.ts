import { sideAsymmetry } from '../stats/asymmetry.js';
import { cellKeyOf, cellKeyString, naturalCompare, type CellKey } from './thickness-cells.js';
import type { SubjectChange } from './thickness-pairing.js';

/**
 * One tidy per-subject record of `myoscope thickness`, ready for `compare`:
 * `subject, group, muscle, side, [level, session, rater,] measure, value, unit`, plus the
 * subject's symptom side and, for asymmetry records, the smaller side.
 */
export interface ThicknessRecord {
  subject: string;
  group: string;
  muscle: string;
  /** `L`, `R`, or `L-R` for a side-to-side asymmetry record. */
  side: string;
  level?: string;
  session?: string;
  rater?: string;
  measure: string;
  value: number;
  unit: string;
  /** The subject's symptom side as given (`L`, `R`, `bilateral`, …), when known. */
  symptom_side?: string;
  /** `ipsilateral` or `contralateral` to the symptoms, for one-side records of subjects with L or R symptoms. */
  side_to_symptoms?: 'ipsilateral' | 'contralateral';
  /** Asymmetry records: the side with the smaller thickness, or `equal`. */
  smaller_side?: string;
}

/** The per-subject measures, with units, in the order records list them. */
export const SUBJECT_MEASURES = [
  { measure: 'rest_mm', unit: 'mm' },
  { measure: 'contracted_mm', unit: 'mm' },
  { measure: 'change_pct', unit: '%' },
  { measure: 'ratio', unit: 'ratio' },
  { measure: 'n_trials', unit: 'trials' },
] as const;

function base(c: SubjectChange, symptomSide: string | undefined): Omit<ThicknessRecord, 'measure' | 'value' | 'unit'> {
  const r: Omit<ThicknessRecord, 'measure' | 'value' | 'unit'> = { subject: c.subject, group: c.group, ...cellKeyOf(c) };
  if (symptomSide !== undefined) {
    r.symptom_side = symptomSide;
    if ((symptomSide === 'L' || symptomSide === 'R') && (c.side === 'L' || c.side === 'R')) {
      r.side_to_symptoms = c.side === symptomSide ? 'ipsilateral' : 'contralateral';
    }
  }
  return r;
}

/**
 * The per-subject records of every subject cell: `rest_mm`, `contracted_mm` (means of the paired
 * trials), `change_pct`, `ratio` and `n_trials` (paired trials averaged). A cell with no paired
 * trial gets only `n_trials` = 0.
 */
export function subjectRecords(changes: readonly SubjectChange[], symptomSides: ReadonlyMap<string, string>): ThicknessRecord[] {
  const out: ThicknessRecord[] = [];
  for (const c of changes) {
    const b = base(c, symptomSides.get(c.subject));
    if (c.summary === null) {
      out.push({ ...b, measure: 'n_trials', value: 0, unit: 'trials' });
      continue;
    }
    const s = c.summary;
    const values: Record<(typeof SUBJECT_MEASURES)[number]['measure'], number> = {
      rest_mm: s.restMm,
      contracted_mm: s.contractedMm,
      change_pct: s.changePct,
      ratio: s.ratio,
      n_trials: s.nTrials,
    };
    for (const { measure, unit } of SUBJECT_MEASURES) out.push({ ...b, measure, value: values[measure], unit });
  }
  return out;
}

/**
 * Side-to-side asymmetry (Hides et al. 1994, 1996) of each subject × muscle (× level × session
 * × rater) with both an `L` and an `R` summary, for resting and for contracted thickness
 * (`sideAsymmetry`): `<condition>_asymmetry_pct` = (L − R) / mean(L, R) × 100,
 * `<condition>_abs_asymmetry_pct` = |L − R| / max(L, R) × 100, and, for subjects with left or
 * right symptoms, `<condition>_ipsilateral_diff_pct` = (ipsi − contra) / contra × 100.
 * Records have side `L-R` and name the smaller side.
 */
export function asymmetryRecords(changes: readonly SubjectChange[], symptomSides: ReadonlyMap<string, string>): ThicknessRecord[] {
  const bySubject = new Map<string, { key: CellKey; subject: string; group: string; L?: SubjectChange; R?: SubjectChange }>();
  for (const c of changes) {
    if ((c.side !== 'L' && c.side !== 'R') || c.summary === null) continue;
    const key = { ...cellKeyOf(c), side: 'L-R' };
    const id = `${cellKeyString(key)}\u0000${c.subject}`;
    const entry = bySubject.get(id) ?? { key, subject: c.subject, group: c.group };
    entry[c.side] = c;
    bySubject.set(id, entry);
  }
  const out: ThicknessRecord[] = [];
  const entries = [...bySubject.values()].sort(
    (a, b) =>
      naturalCompare(a.key.muscle, b.key.muscle) ||
      naturalCompare(a.key.level ?? '', b.key.level ?? '') ||
      naturalCompare(a.key.session ?? '', b.key.session ?? '') ||
      naturalCompare(a.key.rater ?? '', b.key.rater ?? '') ||
      naturalCompare(a.subject, b.subject),
  );
  for (const e of entries) {
    if (e.L?.summary == null || e.R?.summary == null) continue;
    const symptom = symptomSides.get(e.subject);
    const symptomSide = symptom === 'L' || symptom === 'R' ? symptom : undefined;
    const b: Omit<ThicknessRecord, 'measure' | 'value' | 'unit'> = { subject: e.subject, group: e.group, ...e.key };
    if (symptom !== undefined) b.symptom_side = symptom;
    for (const condition of ['rest', 'contracted'] as const) {
      const field = condition === 'rest' ? 'restMm' : 'contractedMm';
      const a = sideAsymmetry({ left: e.L.summary[field], right: e.R.summary[field], symptomSide });
      const smaller = { smaller_side: a.smallerSide };
      out.push({ ...b, measure: `${condition}_asymmetry_pct`, value: a.asymmetryPct, unit: '%', ...smaller });
      out.push({ ...b, measure: `${condition}_abs_asymmetry_pct`, value: a.absDifferenceOfLargerPct, unit: '%', ...smaller });
      if (a.symptomatic) out.push({ ...b, measure: `${condition}_ipsilateral_diff_pct`, value: a.symptomatic.ipsilateralDifferencePct, unit: '%', ...smaller });
    }
  }
  return out;
}
