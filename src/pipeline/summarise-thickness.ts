import type { ThicknessTable } from '../model/thickness.js';

export interface ThicknessSummary {
  path: string;
  kind: 'thickness';
  form: 'long' | 'wide';
  rows: number;
  groups: { group: string; subjects: number }[];
  muscles: string[];
  sides: string[];
  levels: string[];
  sessions: string[];
  conditions: string[];
  trials: string[];
  /** Cells of the full design (subject × muscle × side × level × session × condition × trial) with no value. */
  missing_cells: number;
  /** The first missing cells, for a human to look at. */
  missing_examples: string[];
  extra_columns: string[];
}

const sortNatural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Design of a thickness table: who, which muscles and sides, how many trials, what is missing. */
export function summariseThickness(table: ThicknessTable): ThicknessSummary {
  const uniq = (f: (r: ThicknessTable['rows'][number]) => string | undefined) =>
    [...new Set(table.rows.map(f).filter((v): v is string => v !== undefined))].sort(sortNatural);
  const subjectsByGroup = new Map<string, Set<string>>();
  for (const r of table.rows) {
    if (!subjectsByGroup.has(r.group)) subjectsByGroup.set(r.group, new Set());
    subjectsByGroup.get(r.group)?.add(r.subject);
  }
  const subjects = uniq((r) => r.subject);
  const muscles = uniq((r) => r.muscle);
  const sides = uniq((r) => r.side);
  const levels = uniq((r) => r.level);
  const sessions = uniq((r) => r.session);
  const conditions = uniq((r) => r.condition);
  const trials = uniq((r) => r.trial);
  const present = new Set(table.rows.map((r) => [r.subject, r.muscle, r.side, r.level ?? '', r.session ?? '', r.condition, r.trial].join('\u0000')));
  let missing = 0;
  const examples: string[] = [];
  for (const s of subjects)
    for (const m of muscles)
      for (const sd of sides)
        for (const l of levels.length ? levels : [''])
          for (const se of sessions.length ? sessions : [''])
            for (const c of conditions)
              for (const t of trials) {
                if (!present.has([s, m, sd, l, se, c, t].join('\u0000'))) {
                  missing++;
                  if (examples.length < 10) {
                    examples.push(`${s} ${m} ${sd}${l ? ` ${l}` : ''}${se ? ` session ${se}` : ''} ${c} trial ${t}`);
                  }
                }
              }
  return {
    path: table.path,
    kind: 'thickness',
    form: table.form,
    rows: table.rows.length,
    groups: [...subjectsByGroup.entries()].map(([group, s]) => ({ group, subjects: s.size })).sort((a, b) => sortNatural(a.group, b.group)),
    muscles,
    sides,
    levels,
    sessions,
    conditions,
    trials,
    missing_cells: missing,
    missing_examples: examples,
    extra_columns: table.extraColumns,
  };
}
