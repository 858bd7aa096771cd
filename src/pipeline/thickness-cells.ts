import type { ThicknessTable } from '../model/thickness.js';

/**
 * What identifies one measurement series apart from the subject: muscle, side, and the vertebral
 * level, session and rater when the table has them. Reliability is computed per cell key.
 */
export interface CellKey {
  muscle: string;
  side: string;
  level?: string;
  session?: string;
  rater?: string;
}

/** One thickness of one trial in one condition, with the line it came from. */
export interface MeasuredTrial {
  trial: string;
  thicknessMm: number;
  /** 1-based line in the table. */
  line: number;
}

/** Every measurement of one subject in one cell, by condition, in table order. */
export interface SubjectCell extends CellKey {
  subject: string;
  group: string;
  rest: MeasuredTrial[];
  contracted: MeasuredTrial[];
}

/** Natural order: `2` before `10`, `sub-2` before `sub-10`. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** A stable string for a cell key (for maps). */
export function cellKeyString(k: CellKey): string {
  return [k.muscle, k.side, k.level ?? '', k.session ?? '', k.rater ?? ''].join('\u0000');
}

/** The cell key alone, without subject or other fields. */
export function cellKeyOf(k: CellKey): CellKey {
  const out: CellKey = { muscle: k.muscle, side: k.side };
  if (k.level !== undefined) out.level = k.level;
  if (k.session !== undefined) out.session = k.session;
  if (k.rater !== undefined) out.rater = k.rater;
  return out;
}

/** `ES L`, `MF L level L4 session pre rater A`: how messages name a cell. */
export function describeCell(k: CellKey): string {
  return [
    `${k.muscle} ${k.side}`,
    k.level !== undefined ? `level ${k.level}` : '',
    k.session !== undefined ? `session ${k.session}` : '',
    k.rater !== undefined ? `rater ${k.rater}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const BASELINE_WORDS = /^(pre|pre[ _-]?(test|treatment|intervention)|baseline|base|before|initial|t0|week[ _-]?0)$/i;
const LATER_WORDS = /^(post|post[ _-]?(test|treatment|intervention)|after|follow[ _-]?up|fu|final)$/i;

/**
 * Time order of two session names as far as the names tell: baseline words (`pre`, `baseline`,
 * `T0`, …) first, follow-up words (`post`, `follow-up`, …) last, the rest in natural order.
 */
export function compareSessions(a: string, b: string): number {
  const rank = (s: string) => (BASELINE_WORDS.test(s.trim()) ? 0 : LATER_WORDS.test(s.trim()) ? 2 : 1);
  return rank(a) - rank(b) || naturalCompare(a, b);
}

/** Orders cell keys by muscle, side, level, session (in time order), rater (naturally). */
export function compareCellKeys(a: CellKey, b: CellKey): number {
  return (
    naturalCompare(a.muscle, b.muscle) ||
    naturalCompare(a.side, b.side) ||
    naturalCompare(a.level ?? '', b.level ?? '') ||
    compareSessions(a.session ?? '', b.session ?? '') ||
    naturalCompare(a.rater ?? '', b.rater ?? '')
  );
}

/**
 * Groups a thickness table's rows into one {@link SubjectCell} per subject × muscle × side
 * (× level × session × rater), ordered by cell key, then subject.
 */
export function subjectCells(table: ThicknessTable): SubjectCell[] {
  const cells = new Map<string, SubjectCell>();
  for (const r of table.rows) {
    const key: CellKey = cellKeyOf(r);
    const id = `${cellKeyString(key)}\u0000${r.subject}`;
    let cell = cells.get(id);
    if (cell === undefined) {
      cell = { ...key, subject: r.subject, group: r.group, rest: [], contracted: [] };
      cells.set(id, cell);
    }
    cell[r.condition].push({ trial: r.trial, thicknessMm: r.thicknessMm, line: r.line });
  }
  return [...cells.values()].sort((a, b) => compareCellKeys(a, b) || naturalCompare(a.subject, b.subject));
}
