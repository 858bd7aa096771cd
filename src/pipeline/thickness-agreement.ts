import { blandAltman, type BlandAltmanOutcome } from '../stats/bland-altman.js';
import { cellKeyOf, cellKeyString, compareCellKeys, naturalCompare, type CellKey } from './thickness-cells.js';
import type { SubjectChange } from './thickness-pairing.js';
import { RELIABILITY_MEASURES, type ReliabilityCell, type ReliabilityMeasure } from './thickness-reliability.js';

/** Bland–Altman agreement of one measure in one cell, between two trials or two raters (first − second). */
export interface AgreementCell extends CellKey {
  measure: ReliabilityMeasure;
  unit: string;
  between: 'trials' | 'raters';
  first: string;
  second: string;
  /** Subjects of the pairs, in the order given to `blandAltman`. */
  subjects: string[];
  result: BlandAltmanOutcome;
}

/**
 * Bland–Altman bias and limits of agreement between two trials of every reliability cell:
 * `trials` when given, else the cell's first two trial labels in natural order. Subjects missing
 * either trial are left out of that cell (and listed by `blandAltman`).
 */
export function trialAgreement(cells: readonly ReliabilityCell[], confLevel: number, trials?: readonly [string, string]): AgreementCell[] {
  const out: AgreementCell[] = [];
  for (const c of cells) {
    const [first, second] = trials ?? [c.trials[0] ?? '', c.trials[1] ?? ''];
    const base = { ...cellKeyOf(c), measure: c.measure, unit: c.unit, between: 'trials' as const, first, second, subjects: c.subjects };
    const j1 = c.trials.indexOf(first);
    const j2 = c.trials.indexOf(second);
    if (j1 < 0 || j2 < 0 || first === second) {
      const reason =
        c.trials.length < 2
          ? `Bland-Altman needs 2 trials; this cell has ${c.trials.length}`
          : `trial ${j1 < 0 ? first : second} is not measured in this cell (trials ${c.trials.join(', ')})`;
      out.push({ ...base, result: { ok: false, n: 0, droppedIndices: [], reason } });
      continue;
    }
    out.push({ ...base, result: blandAltman(c.matrix.map((row) => row[j1]), c.matrix.map((row) => row[j2]), { confLevel }) });
  }
  return out;
}

/**
 * Bland–Altman agreement between two raters on each subject's trial means (rest, contracted,
 * and percent change), per muscle × side × level × session. Subjects summarised by only one of
 * the raters are left out.
 */
export function raterAgreement(changes: readonly SubjectChange[], raters: readonly [string, string], confLevel: number): AgreementCell[] {
  const byKey = new Map<string, { key: CellKey; bySubject: Map<string, Partial<Record<string, SubjectChange>>> }>();
  for (const c of changes) {
    if (c.rater === undefined || !raters.includes(c.rater) || c.summary === null) continue;
    const key = cellKeyOf(c);
    delete key.rater;
    const id = cellKeyString(key);
    const e = byKey.get(id) ?? { key, bySubject: new Map() };
    const s = e.bySubject.get(c.subject) ?? {};
    s[c.rater] = c;
    e.bySubject.set(c.subject, s);
    byKey.set(id, e);
  }
  const out: AgreementCell[] = [];
  for (const { key, bySubject } of [...byKey.values()].sort((a, b) => compareCellKeys(a.key, b.key))) {
    const subjects = [...bySubject.keys()].sort(naturalCompare);
    for (const { measure, unit } of RELIABILITY_MEASURES) {
      const field = measure === 'rest_mm' ? 'restMm' : measure === 'contracted_mm' ? 'contractedMm' : 'changePct';
      const value = (s: string, rater: string): number | null => bySubject.get(s)?.[rater]?.summary?.[field] ?? null;
      out.push({
        ...key,
        measure,
        unit,
        between: 'raters',
        first: raters[0],
        second: raters[1],
        subjects,
        result: blandAltman(subjects.map((s) => value(s, raters[0])), subjects.map((s) => value(s, raters[1])), { confLevel }),
      });
    }
  }
  return out;
}
