import type { IccFormLabel } from '../stats/icc.js';
import { cellKeyOf, cellKeyString, compareCellKeys, type CellKey } from './thickness-cells.js';
import type { ThicknessRecord } from './thickness-records.js';
import { cellMdc95, RELIABILITY_MEASURES, type ReliabilityCell, type ReliabilityMeasure, type SemFrom } from './thickness-reliability.js';

/** The side label of rows that pool a subject's left and right values (their mean). */
export const POOLED_SIDES = 'L+R';

/**
 * Raw difference of group means (focal − reference) of one per-subject measure in one cell,
 * set against the MDC95 of a single trial's value in that cell.
 */
export interface GroupDifference extends CellKey {
  measure: ReliabilityMeasure;
  unit: string;
  referenceGroup: string;
  focalGroup: string;
  nReference: number;
  nFocal: number;
  meanReference: number;
  meanFocal: number;
  /** meanFocal − meanReference, in `unit` (percentage points for change_pct). */
  difference: number;
  /** MDC95 of the cell (from the chosen ICC form and SEM); `null` for pooled sides or an undefined ICC. */
  mdc95: number | null;
  /** |difference| < mdc95; `null` when there is no MDC. */
  belowMdc: boolean | null;
}

/** Options of {@link groupDifferences}. */
export interface GroupDifferenceOptions {
  reference: string;
  focal: readonly string[];
  semIcc: IccFormLabel;
  semFrom: SemFrom;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/**
 * Focal − reference differences of the per-subject means of rest_mm, contracted_mm and change_pct,
 * per cell (muscle × side × level × session × rater), each against the cell's MDC95 from the
 * trial-to-trial reliability (`cellMdc95`). Rows with side `L+R` pool the sides: each subject
 * with both an L and an R value contributes their mean; they have no MDC. Cells where a group
 * has no subject are left out.
 */
export function groupDifferences(records: readonly ThicknessRecord[], reliability: readonly ReliabilityCell[], opts: GroupDifferenceOptions): GroupDifference[] {
  const measures = new Set<string>(RELIABILITY_MEASURES.map((m) => m.measure));
  type Entry = { key: CellKey; measure: ReliabilityMeasure; unit: string; values: Map<string, { group: string; values: number[] }> };
  const cells = new Map<string, Entry>();
  const add = (key: CellKey, measure: ReliabilityMeasure, unit: string, subject: string, group: string, value: number) => {
    const id = `${cellKeyString(key)}\u0000${measure}`;
    const e = cells.get(id) ?? { key, measure, unit, values: new Map() };
    const s = e.values.get(subject) ?? { group, values: [] };
    s.values.push(value);
    e.values.set(subject, s);
    cells.set(id, e);
  };
  const pooled = new Map<string, Entry>();
  for (const r of records) {
    if (!measures.has(r.measure)) continue;
    const measure = r.measure as ReliabilityMeasure;
    const key = cellKeyOf(r);
    add(key, measure, r.unit, r.subject, r.group, r.value);
    if (r.side === 'L' || r.side === 'R') {
      const pkey = { ...key, side: POOLED_SIDES };
      const id = `${cellKeyString(pkey)}\u0000${measure}`;
      const e = pooled.get(id) ?? { key: pkey, measure, unit: r.unit, values: new Map() };
      const s = e.values.get(r.subject) ?? { group: r.group, values: [] };
      s.values.push(r.value);
      e.values.set(r.subject, s);
      pooled.set(id, e);
    }
  }
  // A pooled value needs both sides.
  for (const e of pooled.values()) {
    for (const [subject, s] of e.values) if (s.values.length !== 2) e.values.delete(subject);
    cells.set(`${cellKeyString(e.key)}\u0000${e.measure}`, e);
  }
  const relByKey = new Map(reliability.map((c) => [`${cellKeyString(c)}\u0000${c.measure}`, c]));
  const order = new Map(RELIABILITY_MEASURES.map((m, i) => [m.measure as string, i]));
  const out: GroupDifference[] = [];
  // Per side first (L, R, …), then the pooled rows, each in cell order.
  const pooledLast = (k: CellKey) => (k.side === POOLED_SIDES ? 1 : 0);
  const entries = [...cells.entries()].sort(
    ([, a], [, b]) =>
      pooledLast(a.key) - pooledLast(b.key) || compareCellKeys(a.key, b.key) || (order.get(a.measure) ?? 0) - (order.get(b.measure) ?? 0),
  );
  for (const [id, e] of entries) {
    const perGroup = (g: string) => [...e.values.values()].filter((s) => s.group === g).map((s) => mean(s.values));
    const ref = perGroup(opts.reference);
    if (ref.length === 0) continue;
    const rel = relByKey.get(id);
    const mdc = rel === undefined ? undefined : cellMdc95(rel, opts.semIcc, opts.semFrom);
    for (const focal of opts.focal) {
      const foc = perGroup(focal);
      if (foc.length === 0) continue;
      const difference = mean(foc) - mean(ref);
      out.push({
        ...e.key,
        measure: e.measure,
        unit: e.unit,
        referenceGroup: opts.reference,
        focalGroup: focal,
        nReference: ref.length,
        nFocal: foc.length,
        meanReference: mean(ref),
        meanFocal: mean(foc),
        difference,
        mdc95: mdc ?? null,
        belowMdc: mdc === undefined ? null : Math.abs(difference) < mdc,
      });
    }
  }
  return out;
}
