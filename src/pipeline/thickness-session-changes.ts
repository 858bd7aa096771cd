import type { IccFormLabel } from '../stats/icc.js';
import { cellKeyString, compareCellKeys, naturalCompare } from './thickness-cells.js';
import type { ThicknessRecord } from './thickness-records.js';
import { cellMdc95, RELIABILITY_MEASURES, type ReliabilityCell, type ReliabilityMeasure, type SemFrom } from './thickness-reliability.js';

/** One subject's change of one measure between a baseline session and a later one. */
export interface SessionChange {
  subject: string;
  group: string;
  muscle: string;
  side: string;
  level?: string;
  rater?: string;
  measure: ReliabilityMeasure;
  unit: string;
  sessionFrom: string;
  sessionTo: string;
  valueFrom: number;
  valueTo: number;
  /** valueTo − valueFrom, in `unit` (percentage points for change_pct). */
  change: number;
  /** MDC95 of the baseline session's cell; `null` when its ICC is undefined. */
  mdc95: number | null;
  /** |change| < mdc95: the change cannot be told from measurement error. `null` without an MDC. */
  withinMdc: boolean | null;
}

/** Options of {@link sessionChanges}. */
export interface SessionChangeOptions {
  /** Sessions in time order; the first is the baseline every later one is compared with. */
  sessions: readonly string[];
  semIcc: IccFormLabel;
  semFrom: SemFrom;
}

/**
 * Pre/post changes of rest_mm, contracted_mm and change_pct for every subject measured in the
 * baseline session and a later one, each set against the MDC95 of the baseline session's cell
 * (its within-session trial-to-trial reliability; a between-session MDC would need repeated
 * baseline sessions).
 */
export function sessionChanges(records: readonly ThicknessRecord[], reliability: readonly ReliabilityCell[], opts: SessionChangeOptions): SessionChange[] {
  const [baseline, ...later] = opts.sessions;
  if (baseline === undefined || later.length === 0) return [];
  const measures = new Set<string>(RELIABILITY_MEASURES.map((m) => m.measure));
  const value = new Map<string, ThicknessRecord>();
  const id = (r: { subject: string; muscle: string; side: string; level?: string; rater?: string; measure: string }, session: string) =>
    [r.subject, cellKeyString({ muscle: r.muscle, side: r.side, level: r.level, rater: r.rater, session }), r.measure].join('\u0001');
  for (const r of records) if (r.session !== undefined && measures.has(r.measure)) value.set(id(r, r.session), r);
  const relByKey = new Map(reliability.map((c) => [`${cellKeyString(c)}\u0000${c.measure}`, c]));
  const order = new Map(RELIABILITY_MEASURES.map((m, i) => [m.measure as string, i]));
  const out: SessionChange[] = [];
  const baselineRecords = records
    .filter((r) => r.session === baseline && measures.has(r.measure))
    .sort((a, b) => compareCellKeys(a, b) || (order.get(a.measure) ?? 0) - (order.get(b.measure) ?? 0) || naturalCompare(a.subject, b.subject));
  for (const to of later) {
    for (const from of baselineRecords) {
      const after = value.get(id(from, to));
      if (after === undefined) continue;
      const rel = relByKey.get(`${cellKeyString(from)}\u0000${from.measure}`);
      const mdc = rel === undefined ? undefined : cellMdc95(rel, opts.semIcc, opts.semFrom);
      const change = after.value - from.value;
      const row: SessionChange = {
        subject: from.subject,
        group: from.group,
        muscle: from.muscle,
        side: from.side,
        measure: from.measure as ReliabilityMeasure,
        unit: from.unit,
        sessionFrom: baseline,
        sessionTo: to,
        valueFrom: from.value,
        valueTo: after.value,
        change,
        mdc95: mdc ?? null,
        withinMdc: mdc === undefined ? null : Math.abs(change) < mdc,
      };
      if (from.level !== undefined) row.level = from.level;
      if (from.rater !== undefined) row.rater = from.rater;
      out.push(row);
    }
  }
  return out;
}
