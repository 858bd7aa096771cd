import { formatLocation } from '../errors.js';
import { thicknessChange } from '../stats/thickness-change.js';
import { thicknessChangeTrials, type TrialThicknessChange } from '../stats/thickness-change-trials.js';
import { cellKeyOf, cellKeyString, describeCell, naturalCompare, type CellKey, type SubjectCell } from './thickness-cells.js';

/**
 * How a subject's percent change is formed from its paired trials:
 * - `trials` (default): the mean of the per-trial changes (contracted − rest) / rest × 100, and
 *   the mean of the per-trial ratios (Farley et al. 2024 average over trials);
 * - `means`: the change and ratio of the mean contracted to the mean resting thickness.
 */
export type ChangeFrom = 'trials' | 'means';

/** A measurement that could not be used as it stands, or one that is not there. */
export interface PairingIssue extends CellKey {
  /**
   * `unpaired`: a trial measured in one condition only (the row is reported, not used);
   * `missing-trial`: a trial other subjects have in this cell, with no row at all;
   * `no-pair`: the subject has no trial with both conditions, so no change.
   */
  kind: 'unpaired' | 'missing-trial' | 'no-pair';
  subject: string;
  trial?: string;
  /** For `unpaired`: the condition that was measured. */
  condition?: 'rest' | 'contracted';
  /** For `unpaired`: the row's line in the table. */
  line?: number;
  message: string;
}

/** A subject's means over its paired trials, in mm, % and contracted/rest. */
export interface SubjectSummary {
  nTrials: number;
  restMm: number;
  contractedMm: number;
  changePct: number;
  ratio: number;
}

/** One subject cell with its paired trials and summary (`null` when no trial is paired). */
export interface SubjectChange extends SubjectCell {
  paired: TrialThicknessChange[];
  summary: SubjectSummary | null;
}

/**
 * Pairs each subject cell's rest and contracted measurements by trial label
 * (`thicknessChangeTrials`), summarises the paired trials (see {@link ChangeFrom}), and reports
 * every row that is unpaired, every trial that other subjects of the same cell have but this one
 * lacks, and every subject cell without a single pair. `file` names the table in messages.
 */
export function pairTrials(cells: readonly SubjectCell[], changeFrom: ChangeFrom, file: string): { changes: SubjectChange[]; issues: PairingIssue[] } {
  // The design of a cell: every trial label any subject has there, in natural order.
  const design = new Map<string, string[]>();
  for (const c of cells) {
    const id = cellKeyString(c);
    const set = new Set(design.get(id) ?? []);
    for (const m of [...c.rest, ...c.contracted]) set.add(m.trial);
    design.set(id, [...set].sort(naturalCompare));
  }
  const changes: SubjectChange[] = [];
  const issues: PairingIssue[] = [];
  for (const c of cells) {
    const key = cellKeyOf(c);
    const where = `subject "${c.subject}" ${describeCell(key)}`;
    const r = thicknessChangeTrials(c.rest, c.contracted);
    const lineOf = new Map<string, number>();
    for (const m of c.rest) lineOf.set(`rest\u0000${m.trial}`, m.line);
    for (const m of c.contracted) lineOf.set(`contracted\u0000${m.trial}`, m.line);
    for (const u of r.unpaired) {
      const other = u.condition === 'rest' ? 'contracted' : 'rest';
      const line = lineOf.get(`${u.condition}\u0000${u.trial}`);
      issues.push({
        ...key,
        kind: 'unpaired',
        subject: c.subject,
        trial: u.trial,
        condition: u.condition,
        line,
        message: `${formatLocation({ file, line })}: ${where} trial ${u.trial} has a ${u.condition} thickness but no ${other} one; not used for change_pct or ratio`,
      });
    }
    const present = new Set([...c.rest, ...c.contracted].map((m) => m.trial));
    for (const t of design.get(cellKeyString(c)) ?? []) {
      if (!present.has(t)) {
        issues.push({ ...key, kind: 'missing-trial', subject: c.subject, trial: t, message: `${file}: ${where} has no row for trial ${t} (other subjects have it)` });
      }
    }
    let summary: SubjectSummary | null = null;
    if (r.mean.ok) {
      const m = r.mean;
      if (changeFrom === 'trials') {
        summary = { nTrials: m.n, restMm: m.restMm, contractedMm: m.contractedMm, changePct: m.changePct, ratio: m.ratio };
      } else {
        const ofMeans = thicknessChange(m.restMm, m.contractedMm);
        summary = { nTrials: m.n, restMm: m.restMm, contractedMm: m.contractedMm, changePct: ofMeans.changePct, ratio: ofMeans.ratio };
      }
    } else {
      const lines = [...c.rest, ...c.contracted].map((m) => m.line).sort((a, b) => a - b);
      issues.push({
        ...key,
        kind: 'no-pair',
        subject: c.subject,
        message: `${file}: ${where} has no trial with both a rest and a contracted thickness (lines ${lines.join(', ')}): no change_pct, ratio or thickness summary`,
      });
    }
    changes.push({ ...c, paired: r.trials, summary });
  }
  return { changes, issues };
}
