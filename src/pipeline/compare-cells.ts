import { InputError } from '../errors.js';
import { describe, mean } from '../stats/index.js';
import type { Observation, Observations } from './compare-observations.js';

/** What to do with several values of one subject in one cell: `none` (an error), `mean`, `median`. */
export type Aggregate = 'none' | 'mean' | 'median';

/** The values of one level of the compared factor in one cell, one per subject. */
export interface LevelValues {
  /** Subject of each value (null when the table has no subject column). */
  subjects: (string | null)[];
  /** NaN marks a missing value. */
  values: number[];
}

/** One measure in one stratum: the values of every level of the compared factor found there. */
export interface CompareCell {
  measure: string;
  unit: string | null;
  /** `--by` column name → level. */
  strata: Record<string, string>;
  levels: Map<string, LevelValues>;
}

/** The cells of a comparison, in report order, and the levels of the compared factor. */
export interface CompareCells {
  cells: CompareCell[];
  /** Levels of the compared factor over the whole table, in first-seen order. */
  levels: string[];
}

function stratumText(byNames: string[], strata: string[]): string {
  return byNames.length === 0 ? '' : ` in stratum ${byNames.map((b, i) => `${b}=${strata[i]}`).join(', ')}`;
}

/**
 * Groups observations into cells (measure × stratum) holding, for each level of the compared
 * factor, one value per subject. A subject with several rows in one cell is an input error that
 * names the rows, unless `aggregate` averages them (`mean`) or takes their median (`median`) over
 * the values present (all missing gives missing). Without a subject column every row is its own
 * subject. Measures come in the order of `obs.measures`; strata in the order their levels first
 * appear, column by column.
 */
export function compareCells(
  obs: Observations,
  options: { file: string; byNames: string[]; factorRole: 'group' | 'within'; aggregate: Aggregate },
): CompareCells {
  const { file, byNames, factorRole, aggregate } = options;
  const levelOrder = new Map<string, number>();
  const stratumLevelOrder = byNames.map(() => new Map<string, number>());
  interface Slot {
    strata: string[];
    levels: Map<string, Map<string, Observation[]>>;
  }
  const byMeasure = new Map<string, Map<string, Slot>>();
  let anonymous = 0;
  for (const o of obs.observations) {
    if (!levelOrder.has(o.level)) levelOrder.set(o.level, levelOrder.size);
    o.strata.forEach((s, i) => {
      if (!stratumLevelOrder[i].has(s)) stratumLevelOrder[i].set(s, stratumLevelOrder[i].size);
    });
    let slots = byMeasure.get(o.measure);
    if (!slots) byMeasure.set(o.measure, (slots = new Map()));
    const key = JSON.stringify(o.strata);
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { strata: o.strata, levels: new Map() }));
    let subjects = slot.levels.get(o.level);
    if (!subjects) slot.levels.set(o.level, (subjects = new Map()));
    const subject = o.subject ?? `\u0000row${anonymous++}`;
    const rows = subjects.get(subject);
    if (!rows) {
      subjects.set(subject, [o]);
      continue;
    }
    if (aggregate === 'none') {
      throw new InputError(
        { file, line: o.line },
        `subject "${o.subject}" has ${rows.length + 1} values of measure "${o.measure}"${stratumText(byNames, o.strata)} ` +
          `(${factorRole} "${o.level}"; lines ${[...rows.map((r) => r.line), o.line].join(', ')}): ` +
          'add the column that tells them apart to --by, or pass --aggregate mean',
      );
    }
    rows.push(o);
  }

  const cells: CompareCell[] = [];
  for (const measure of obs.measures) {
    const slots = [...(byMeasure.get(measure)?.values() ?? [])];
    slots.sort((a, b) => {
      for (let i = 0; i < byNames.length; i++) {
        const d = (stratumLevelOrder[i].get(a.strata[i]) ?? 0) - (stratumLevelOrder[i].get(b.strata[i]) ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    });
    for (const slot of slots) {
      const levels = new Map<string, LevelValues>();
      const ordered = [...slot.levels.entries()].sort((a, b) => (levelOrder.get(a[0]) ?? 0) - (levelOrder.get(b[0]) ?? 0));
      for (const [level, subjects] of ordered) {
        const lv: LevelValues = { subjects: [], values: [] };
        for (const rows of subjects.values()) {
          lv.subjects.push(rows[0].subject);
          lv.values.push(rows.length === 1 ? rows[0].value : combine(rows.map((r) => r.value), aggregate));
        }
        levels.set(level, lv);
      }
      cells.push({
        measure,
        unit: obs.units.get(measure) ?? null,
        strata: Object.fromEntries(byNames.map((b, i) => [b, slot.strata[i]])),
        levels,
      });
    }
  }
  return { cells, levels: [...levelOrder.keys()] };
}

/** Mean or median of the present values (R `mean` / `median`), NaN when all are missing. */
function combine(values: number[], aggregate: Aggregate): number {
  const present = values.filter((v) => !Number.isNaN(v));
  if (present.length === 0) return Number.NaN;
  if (aggregate === 'mean') return mean(present);
  const d = describe({ label: 'aggregate', values: present });
  return d.ok ? d.median : Number.NaN;
}
