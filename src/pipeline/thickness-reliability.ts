import { ICC_FORMS, icc, type IccFormLabel, type IccOutcome } from '../stats/icc.js';
import { sem, type SemOutcome } from '../stats/sem.js';
import { cellKeyOf, cellKeyString, compareCellKeys, naturalCompare, type CellKey, type SubjectCell } from './thickness-cells.js';
import type { SubjectChange } from './thickness-pairing.js';

/** The per-trial quantities whose trial-to-trial reliability is computed. */
export const RELIABILITY_MEASURES = [
  { measure: 'rest_mm', unit: 'mm' },
  { measure: 'contracted_mm', unit: 'mm' },
  { measure: 'change_pct', unit: '%' },
] as const;

export type ReliabilityMeasure = (typeof RELIABILITY_MEASURES)[number]['measure'];

/** Which SEM the minimal detectable change is taken from (see `sem` in src/stats/sem.ts). */
export type SemFrom = 'icc' | 'ms-error';

/**
 * Trial-to-trial reliability of one measure in one cell (muscle × side × level × session ×
 * rater): the subjects × trials matrix, every ICC form, and SEM/MDC95 from each form.
 */
export interface ReliabilityCell extends CellKey {
  measure: ReliabilityMeasure;
  unit: string;
  /** Matrix rows: every subject with a value in this cell, in natural order. */
  subjects: string[];
  /** Matrix columns: every trial label in this cell, in natural order. */
  trials: string[];
  /** `matrix[i][j]`: subject i's value on trial j, `null` when missing (that subject is dropped). */
  matrix: (number | null)[][];
  icc: IccOutcome;
  /** SEM and MDC95 from each ICC form; empty when no ICC is defined. */
  sem: Partial<Record<IccFormLabel, SemOutcome>>;
}

/**
 * ICC (all six forms, `icc`) and SEM/MDC95 (`sem`, from each form) of the rest and contracted
 * thickness and of the percent change, per cell, with trials as the k columns. Rest and
 * contracted use every measured trial; change_pct only paired trials. Subjects missing a trial
 * are dropped from that cell's ICC (complete cases); the result lists them.
 */
export function thicknessReliability(cells: readonly SubjectCell[], changes: readonly SubjectChange[], confLevel: number): ReliabilityCell[] {
  const byKey = new Map<string, { key: CellKey; cells: SubjectCell[]; changes: SubjectChange[] }>();
  for (const c of cells) {
    const id = cellKeyString(c);
    const e = byKey.get(id) ?? { key: cellKeyOf(c), cells: [], changes: [] };
    e.cells.push(c);
    byKey.set(id, e);
  }
  for (const c of changes) byKey.get(cellKeyString(c))?.changes.push(c);
  const out: ReliabilityCell[] = [];
  for (const { key, cells: group, changes: groupChanges } of [...byKey.values()].sort((a, b) => compareCellKeys(a.key, b.key))) {
    for (const { measure, unit } of RELIABILITY_MEASURES) {
      const values = new Map<string, Map<string, number>>();
      if (measure === 'change_pct') {
        for (const c of groupChanges) values.set(c.subject, new Map(c.paired.map((t) => [t.trial, t.changePct])));
      } else {
        const condition = measure === 'rest_mm' ? 'rest' : 'contracted';
        for (const c of group) values.set(c.subject, new Map(c[condition].map((t) => [t.trial, t.thicknessMm])));
      }
      const subjects = [...values.keys()].filter((s) => (values.get(s)?.size ?? 0) > 0).sort(naturalCompare);
      const trials = [...new Set(subjects.flatMap((s) => [...(values.get(s)?.keys() ?? [])]))].sort(naturalCompare);
      const matrix = subjects.map((s) => trials.map((t) => values.get(s)?.get(t) ?? null));
      const result = icc(matrix, { confLevel });
      const semByForm: Partial<Record<IccFormLabel, SemOutcome>> = {};
      if (result.ok) for (const form of ICC_FORMS) semByForm[form] = sem(result, { icc: form });
      out.push({ ...key, measure, unit, subjects, trials, matrix, icc: result, sem: semByForm });
    }
  }
  return out;
}

/** MDC95 of a reliability cell from the chosen ICC form and SEM kind, or `undefined` when it is not defined. */
export function cellMdc95(cell: ReliabilityCell, semIcc: IccFormLabel, semFrom: SemFrom): number | undefined {
  const s = cell.sem[semIcc];
  if (s === undefined || !s.ok) return undefined;
  return semFrom === 'icc' ? s.mdc95FromIcc : s.mdc95FromMsError;
}

/** Subjects dropped from a cell's ICC for a missing trial. */
export function droppedSubjects(cell: ReliabilityCell): string[] {
  return cell.icc.droppedRows.map((i) => cell.subjects[i]);
}
