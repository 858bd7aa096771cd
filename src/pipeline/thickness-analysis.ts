import type { ThicknessTable } from '../model/thickness.js';
import type { IccFormLabel } from '../stats/icc.js';
import { raterAgreement, trialAgreement, type AgreementCell } from './thickness-agreement.js';
import { cellKeyOf, cellKeyString, describeCell, subjectCells, type CellKey } from './thickness-cells.js';
import { groupDifferences, type GroupDifference } from './thickness-group-differences.js';
import { pairTrials, type ChangeFrom, type PairingIssue } from './thickness-pairing.js';
import { asymmetryRecords, subjectRecords, type ThicknessRecord } from './thickness-records.js';
import { droppedSubjects, thicknessReliability, type ReliabilityCell, type SemFrom } from './thickness-reliability.js';
import { sessionChanges, type SessionChange } from './thickness-session-changes.js';
import { groupBy } from '../group-by.js';

/** Every resolved parameter of a thickness analysis. */
export interface ThicknessParams {
  changeFrom: ChangeFrom;
  confLevel: number;
  /** The ICC form behind SEM and MDC95 in the differences and session checks. */
  semIcc: IccFormLabel;
  /** Which SEM (SD·√(1 − ICC) or √MS_error) the MDC95 checks use. */
  semFrom: SemFrom;
  /** Trials compared by Bland–Altman; default the first two of each cell. */
  agreementTrials: [string, string] | null;
  /** Raters compared by Bland–Altman on subject means; `null` for none. */
  raters: [string, string] | null;
  /** The group subtracted in group differences; `null`: no group differences. */
  referenceGroup: string | null;
  focalGroups: string[];
  /** Sessions in time order (baseline first); empty without a session column. */
  sessions: string[];
}

/** Everything `myoscope thickness` reports. */
export interface ThicknessAnalysis {
  /** Per-subject records (and side-to-side asymmetry records), tidy. */
  records: ThicknessRecord[];
  issues: PairingIssue[];
  reliability: ReliabilityCell[];
  agreement: AgreementCell[];
  differences: GroupDifference[];
  sessionChanges: SessionChange[];
  warnings: string[];
}

/** Pairing problems listed one by one in the warnings before the rest are only counted. */
export const LISTED_ISSUES = 20;

/**
 * The thickness analysis of one table: trials paired and summarised per subject cell,
 * side-to-side asymmetry, trial-to-trial reliability (ICC, SEM, MDC95) and Bland–Altman
 * agreement per cell, group differences and pre/post changes against the MDC95.
 * `symptomSides` maps a subject to its symptom side (`L`, `R`, or another word such as `bilateral`).
 */
export function analyseThickness(table: ThicknessTable, symptomSides: ReadonlyMap<string, string>, p: ThicknessParams): ThicknessAnalysis {
  const warnings: string[] = [];
  const cells = subjectCells(table);
  const { changes, issues } = pairTrials(cells, p.changeFrom, table.path);
  const records = [...subjectRecords(changes, symptomSides), ...asymmetryRecords(changes, symptomSides)];

  warnings.push(...issues.slice(0, LISTED_ISSUES).map((i) => i.message));
  if (issues.length > 0) {
    const count = (k: PairingIssue['kind']) => issues.filter((i) => i.kind === k).length;
    warnings.push(
      `${table.path}: ${count('unpaired')} unpaired rows, ${count('missing-trial')} missing trials, ${count('no-pair')} subject cells without a paired trial` +
        (issues.length > LISTED_ISSUES ? ` (${LISTED_ISSUES} of ${issues.length} listed above; all under "pairing" in --json)` : ''),
    );
  }

  const reliability = thicknessReliability(cells, changes, p.confLevel);
  warnings.push(...reliabilityWarnings(reliability, p.semIcc));
  const agreement = trialAgreement(reliability, p.confLevel, p.agreementTrials ?? undefined);
  if (p.raters !== null) agreement.push(...raterAgreement(changes, p.raters, p.confLevel));

  const mdcName = `MDC95 (${p.semIcc}, SEM ${p.semFrom === 'icc' ? 'SD·√(1−ICC)' : '√MS_error'}, one trial)`;
  const differences =
    p.referenceGroup === null ? [] : groupDifferences(records, reliability, { reference: p.referenceGroup, focal: p.focalGroups, semIcc: p.semIcc, semFrom: p.semFrom });
  warnings.push(...differenceWarnings(differences, mdcName));
  const sessions = sessionChanges(records, reliability, { sessions: p.sessions, semIcc: p.semIcc, semFrom: p.semFrom });
  warnings.push(...sessionWarnings(sessions, mdcName));
  return { records, issues, reliability, agreement, differences, sessionChanges: sessions, warnings };
}

function reliabilityWarnings(cells: readonly ReliabilityCell[], semIcc: IccFormLabel): string[] {
  const out: string[] = [];
  const byKey = new Map<string, { key: CellKey; parts: string[] }>();
  for (const c of cells) {
    const id = cellKeyString(c);
    const e = byKey.get(id) ?? { key: cellKeyOf(c), parts: [] };
    byKey.set(id, e);
    if (!c.icc.ok) {
      out.push(`reliability of ${describeCell(c)} ${c.measure}: ${c.icc.reason}`);
      continue;
    }
    const dropped = droppedSubjects(c);
    if (dropped.length > 0) e.parts.push(`${c.measure} ${dropped.length} of ${c.subjects.length} (${dropped.join(', ')})`);
    const s = c.sem[semIcc];
    if (s !== undefined && !s.ok) out.push(`reliability of ${describeCell(c)} ${c.measure}: ${s.reason}`);
  }
  for (const { key, parts } of byKey.values()) {
    if (parts.length > 0) out.push(`reliability of ${describeCell(key)}: subjects left out for a missing trial (complete cases): ${parts.join('; ')}`);
  }
  return out;
}

/** A number for a message: 4 significant digits, with its unit (percentage points for %). */
function fmt(x: number, unit: string): string {
  const v = String(Number(x.toPrecision(4)));
  return unit === '%' ? `${v} points` : `${v} ${unit}`;
}

function differenceWarnings(diffs: readonly GroupDifference[], mdcName: string): string[] {
  const byCell = new Map<string, { d: GroupDifference; parts: string[] }>();
  for (const d of diffs) {
    if (d.belowMdc !== true || d.mdc95 === null) continue;
    const id = `${cellKeyString(d)}\u0000${d.focalGroup}`;
    const e = byCell.get(id) ?? { d, parts: [] };
    e.parts.push(`${d.measure} ${fmt(d.difference, d.unit)} (MDC95 ${fmt(d.mdc95, d.unit)})`);
    byCell.set(id, e);
  }
  return [...byCell.values()].map(
    ({ d, parts }) => `${describeCell(d)}: ${d.focalGroup} − ${d.referenceGroup} difference smaller than the ${mdcName}: ${parts.join(', ')}`,
  );
}

function sessionWarnings(changes: readonly SessionChange[], mdcName: string): string[] {
  const groups = groupBy(
    changes.filter((c) => c.withinMdc !== null),
    (c) => [c.muscle, c.side, c.level ?? '', c.rater ?? '', c.measure, c.sessionTo].join('\u0000'),
  );
  const out: string[] = [];
  for (const list of groups.values()) {
    const within = list.filter((c) => c.withinMdc === true).length;
    if (within === 0) continue;
    const c = list[0];
    const meanChange = list.reduce((s, x) => s + x.change, 0) / list.length;
    const where = describeCell({ muscle: c.muscle, side: c.side, level: c.level, rater: c.rater });
    out.push(
      `${where} ${c.measure}, session ${c.sessionFrom} → ${c.sessionTo}: ${within} of ${list.length} subjects' changes are smaller than the ` +
        `${mdcName} of session ${c.sessionFrom}, ${fmt(c.mdc95 ?? 0, c.unit)}; mean change ${fmt(meanChange, c.unit)}`,
    );
  }
  return out;
}
