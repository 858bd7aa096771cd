import { InputError } from '../errors.js';
import type { ThicknessRow, ThicknessTable } from '../model/thickness.js';
import { parseCell } from './parse-cell.js';
import { findColumn, readTable, type TextTable } from './read-table.js';

/** Column aliases, matched case-insensitively with spaces and dashes read as `_`. */
export const THICKNESS_COLUMNS = {
  subject: ['subject', 'participant_id', 'participant', 'subject_id', 'subj', 'id', 'patient', 'patient_id'],
  group: ['group', 'cohort', 'diagnosis'],
  muscle: ['muscle'],
  side: ['side', 'laterality'],
  condition: ['condition', 'state', 'phase'],
  trial: ['trial', 'rep', 'repetition', 'trial_no', 'trial_number'],
  level: ['level', 'vertebral_level', 'spinal_level'],
  session: ['session', 'visit', 'ses', 'timepoint'],
  rater: ['rater', 'examiner', 'assessor', 'observer'],
  thicknessMm: ['thickness_mm', 'thickness_(mm)', 'thickness_[mm]', 'thickness', 'value_mm'],
  thicknessCm: ['thickness_cm', 'thickness_(cm)'],
  restMm: ['rest_mm', 'rest_(mm)', 'resting_mm', 'relaxed_mm', 'rest', 'resting', 'relaxed'],
  contractedMm: ['contracted_mm', 'contracted_(mm)', 'contraction_mm', 'active_mm', 'contracted', 'contraction', 'active'],
} as const;

const SIDES: Record<string, string> = { l: 'L', left: 'L', lt: 'L', sin: 'L', izq: 'L', r: 'R', right: 'R', rt: 'R', dx: 'R', dex: 'R', der: 'R' };
const CONDITIONS: Record<string, 'rest' | 'contracted'> = {
  rest: 'rest', resting: 'rest', relaxed: 'rest', relax: 'rest', baseline: 'rest',
  contracted: 'contracted', contraction: 'contracted', contract: 'contracted', active: 'contracted', activated: 'contracted',
};

/** `L`/`R` for the usual spellings of left and right; anything else kept as written. */
export function normaliseSide(s: string): string {
  return SIDES[s.trim().toLowerCase()] ?? s.trim();
}

/**
 * Reads a RUSI thickness table in long form (`subject, group, muscle, side, condition, trial,
 * thickness_mm`, optional `level`, `session`, `rater`) or wide form (`rest_mm`, `contracted_mm`
 * instead of `condition` and `thickness_mm`). Columns it does not know are carried through in
 * `extra`. Every thickness must be a positive number of millimetres.
 */
export async function readThickness(path: string): Promise<{ table: ThicknessTable; warnings: string[] }> {
  return thicknessFromTable(await readTable(path));
}

/** Whether a table's header looks like a thickness table. */
export function isThicknessHeader(header: string[]): boolean {
  const has = (k: keyof typeof THICKNESS_COLUMNS) => findColumn(header, THICKNESS_COLUMNS[k]) >= 0;
  return (has('thicknessMm') || has('thicknessCm') || (has('restMm') && has('contractedMm'))) && has('muscle');
}

export function thicknessFromTable(t: TextTable): { table: ThicknessTable; warnings: string[] } {
  const file = t.path;
  const warnings: string[] = [...t.warnings];
  const col = (k: keyof typeof THICKNESS_COLUMNS) => findColumn(t.header, THICKNESS_COLUMNS[k]);
  const need = (k: keyof typeof THICKNESS_COLUMNS, what: string) => {
    const j = col(k);
    if (j < 0) {
      throw new InputError(
        { file, line: t.headerLine },
        `thickness table needs a ${what} column (any of: ${THICKNESS_COLUMNS[k].join(', ')}); header is ${t.header.join(', ')}`,
      );
    }
    return j;
  };
  const rest = col('restMm');
  const contracted = col('contractedMm');
  const wide = rest >= 0 && contracted >= 0 && col('condition') < 0;
  const idx = {
    subject: need('subject', 'subject'),
    group: need('group', 'group'),
    muscle: need('muscle', 'muscle'),
    side: need('side', 'side'),
    trial: col('trial'),
    level: col('level'),
    session: col('session'),
    rater: col('rater'),
  };
  let valueCols: { j: number; condition?: 'rest' | 'contracted'; scale: number }[];
  let conditionCol = -1;
  if (wide) {
    valueCols = [
      { j: rest, condition: 'rest', scale: 1 },
      { j: contracted, condition: 'contracted', scale: 1 },
    ];
  } else {
    conditionCol = need('condition', 'condition (rest/contracted)');
    const mm = col('thicknessMm');
    const cm = col('thicknessCm');
    if (mm < 0 && cm < 0) need('thicknessMm', 'thickness');
    valueCols = [{ j: mm >= 0 ? mm : cm, scale: mm >= 0 ? 1 : 10 }];
    if (mm >= 0 && /^thickness$/i.test(t.header[mm].trim())) warnings.push(`${file}: column "${t.header[mm]}" has no unit; read as millimetres`);
  }
  const known = new Set<number>([...Object.values(idx), ...valueCols.map((v) => v.j), conditionCol].filter((j) => j >= 0));
  const extraColumns = t.header.filter((_, j) => !known.has(j));
  const decimalComma = t.delimiter === ';';
  const rows: ThicknessRow[] = [];
  const autoTrial = new Map<string, number>();
  const seenCells = new Map<string, number>();
  for (const { cells, line } of t.rows) {
    const text = (j: number, what: string) => {
      const v = cells[j].trim();
      if (v === '') throw new InputError({ file, line, column: j + 1 }, `${what} is missing`);
      return v;
    };
    const base = {
      subject: text(idx.subject, 'subject'),
      group: text(idx.group, 'group'),
      muscle: text(idx.muscle, 'muscle'),
      side: normaliseSide(text(idx.side, 'side')),
    };
    const optional: Partial<ThicknessRow> = {};
    if (idx.level >= 0 && cells[idx.level] !== '') optional.level = cells[idx.level];
    if (idx.session >= 0 && cells[idx.session] !== '') optional.session = cells[idx.session];
    if (idx.rater >= 0 && cells[idx.rater] !== '') optional.rater = cells[idx.rater];
    const extra: Record<string, string> = {};
    t.header.forEach((h, j) => {
      if (!known.has(j)) extra[h] = cells[j];
    });
    for (const v of valueCols) {
      let condition = v.condition;
      if (!condition) {
        const c = text(conditionCol, 'condition');
        condition = CONDITIONS[c.toLowerCase()];
        if (!condition) throw new InputError({ file, line, column: conditionCol + 1 }, `condition "${c}" is neither rest nor contracted`);
      }
      const raw = cells[v.j];
      const cell = parseCell(raw, decimalComma);
      if (!cell.ok) throw new InputError({ file, line, column: v.j + 1 }, `thickness "${raw}" ${cell.reason}`);
      if (Number.isNaN(cell.value)) throw new InputError({ file, line, column: v.j + 1 }, 'thickness is missing');
      if (!(cell.value > 0)) throw new InputError({ file, line, column: v.j + 1 }, `thickness ${raw} mm must be greater than 0`);
      let trial: string;
      if (idx.trial >= 0) trial = text(idx.trial, 'trial');
      else {
        const key = [base.subject, base.muscle, base.side, optional.level, optional.session, optional.rater, condition].join('\u0000');
        const n = (autoTrial.get(key) ?? 0) + 1;
        autoTrial.set(key, n);
        trial = String(n);
      }
      const key = [base.subject, base.muscle, base.side, optional.level, optional.session, optional.rater, condition, trial].join('\u0000');
      const prev = seenCells.get(key);
      if (prev !== undefined) {
        throw new InputError(
          { file, line, column: v.j + 1 },
          `second ${condition} thickness for subject "${base.subject}", ${base.muscle} ${base.side}, trial ${trial} (first on line ${prev})`,
        );
      }
      seenCells.set(key, line);
      rows.push({ ...base, ...optional, condition, trial, thicknessMm: cell.value * v.scale, extra, line });
    }
  }
  if (rows.length === 0) throw new InputError({ file, line: t.headerLine + 1 }, 'has a header row but no data rows');
  if (idx.trial < 0) warnings.push(`${file}: no trial column; trials numbered by order of appearance`);
  // A subject belongs to one group.
  const groupOf = new Map<string, { group: string; line: number }>();
  for (const r of rows) {
    const g = groupOf.get(r.subject);
    if (g && g.group !== r.group) {
      throw new InputError({ file, line: r.line, column: idx.group + 1 }, `subject "${r.subject}" is in group "${r.group}" here but "${g.group}" on line ${g.line}`);
    }
    if (!g) groupOf.set(r.subject, { group: r.group, line: r.line });
  }
  return { table: { path: file, form: wide ? 'wide' : 'long', rows, extraColumns }, warnings };
}
