import { InputError } from '../errors.js';
import type { TextTable } from '../io/read-table.js';
import type { Alternative } from '../stats/index.js';
import { adjustAcrossRun, type PrimaryP } from './compare-adjust.js';
import { type Aggregate, compareCells } from './compare-cells.js';
import { compareGroups } from './compare-groups.js';
import { compareObservations, type ObservationSpec } from './compare-observations.js';
import { comparePaired } from './compare-paired.js';
import type { CompareRecord, UnadjustedRecord } from './compare-record.js';
import { type CompareLevels, compareLevels } from './compare-reference.js';
import { subjectsInSeveralGroups } from './compare-subject-groups.js';
import { compareSummary, summaryCells, type SummarySpec } from './compare-summary.js';

/** The test whose p-value is adjusted across the run and shown in the APA line. */
export type PrimaryTest = 'welch' | 'student' | 'mann-whitney' | 'paired-t' | 'wilcoxon';

/** Record key of each primary test. */
export const PRIMARY_KEY = {
  welch: 'welch',
  student: 'student',
  'mann-whitney': 'mann_whitney',
  'paired-t': 'paired_t',
  wilcoxon: 'wilcoxon_signed_rank',
} as const satisfies Record<PrimaryTest, string>;

/** A stratum lacking a compared level altogether: an input error, or a row giving the reason. */
export type EmptyStrata = 'error' | 'report';

interface CommonSpec {
  /** Name of the compared column (the group, or the within factor), for messages. */
  factorColumn: string;
  byNames: string[];
  reference?: string;
  focal?: string[];
  test: PrimaryTest;
  alternative: Alternative;
  confLevel: number;
  emptyStrata: EmptyStrata;
}

/** Everything a comparison of one table needs, resolved. */
export type CompareRunSpec =
  | (CommonSpec & { mode: 'independent'; observation: ObservationSpec; aggregate: Aggregate })
  | (CommonSpec & { mode: 'paired'; observation: ObservationSpec; aggregate: Aggregate })
  | (CommonSpec & { mode: 'summary'; summary: SummarySpec });

/** The records of one run, with the levels and measures they cover and what to warn about. */
export interface CompareRun {
  records: CompareRecord[];
  levels: CompareLevels;
  /** Measures in report order. */
  measures: string[];
  warnings: string[];
}

function stratumLabel(measure: string, strata: Record<string, string>): string {
  const s = Object.entries(strata).map(([k, v]) => `${k}=${v}`);
  return `measure "${measure}"${s.length ? `, stratum ${s.join(', ')}` : ''}`;
}

/**
 * Compares the levels of one column of a table across every measure × stratum: independent
 * groups from raw values, paired levels of a within factor over subjects, or groups given by
 * published summary statistics. Each focal level is set against the reference; the primary
 * test's p is then adjusted (Holm, BH) across all rows of the run. A stratum where a compared
 * level has no rows at all stops the run (exit 3) unless `emptyStrata` is `report`, which keeps
 * the row with its reason.
 */
export function compareRun(table: TextTable, spec: CompareRunSpec): CompareRun {
  const file = table.path;
  const warnings: string[] = [];
  const emptyRows = new Set<string>();
  const rowKey = (measure: string, strata: Record<string, string>, focal: string) => JSON.stringify([measure, strata, focal]);
  const role = spec.mode === 'paired' ? 'within' : 'group';
  const options = { alternative: spec.alternative, confLevel: spec.confLevel };
  const checkPresent = (has: (level: string) => boolean, measure: string, strata: Record<string, string>, focal: string, reference: string): void => {
    const absent = [focal, reference].filter((l) => !has(l));
    if (absent.length === 0) return;
    const where = stratumLabel(measure, strata);
    const detail = `${where} has no rows of ${role} "${absent[0]}" (column "${spec.factorColumn}")`;
    if (spec.emptyStrata === 'error') {
      throw new InputError({ file }, `${detail}; every stratum needs both levels compared (pass --empty-strata report to keep such strata as rows with the reason)`);
    }
    warnings.push(`${detail}: reported without statistics`);
    emptyRows.add(rowKey(measure, strata, focal));
  };

  let levels: CompareLevels;
  let measures: string[];
  const raw: UnadjustedRecord[] = [];
  if (spec.mode === 'summary') {
    const s = summaryCells(table, spec.summary);
    levels = compareLevels(s.levels, spec, { file, column: spec.factorColumn, role });
    measures = s.measures;
    for (const cell of s.cells) {
      for (const focal of levels.focal) {
        checkPresent((l) => cell.groups.has(l), cell.measure, cell.strata, focal, levels.reference);
        raw.push(compareSummary(cell, focal, levels.reference, options));
      }
    }
  } else {
    const obs = compareObservations(table, spec.observation);
    if (spec.mode === 'independent') {
      const shared = subjectsInSeveralGroups(obs.observations);
      if (shared.length > 0) {
        const list = shared.slice(0, 3).map((s) => `"${s.subject}" (${s.groups.join(', ')})`).join(', ');
        warnings.push(
          `${shared.length} subject ID${shared.length === 1 ? ' is' : 's are'} in more than one ${spec.factorColumn}, e.g. ${list}: ` +
            'taken as different people (IDs numbered within each group); if they are the same people, use --paired-by and --within',
        );
      }
    }
    const { cells, levels: found } = compareCells(obs, { file, byNames: spec.byNames, factorRole: role, aggregate: spec.aggregate });
    levels = compareLevels(found, spec, { file, column: spec.factorColumn, role });
    measures = obs.measures;
    for (const cell of cells) {
      for (const focal of levels.focal) {
        checkPresent((l) => cell.levels.has(l), cell.measure, cell.strata, focal, levels.reference);
        raw.push(
          spec.mode === 'paired'
            ? comparePaired(cell, focal, levels.reference, options)
            : compareGroups(cell, focal, levels.reference, { ...options, ciFrom: spec.test === 'student' ? 'student' : 'welch' }),
        );
      }
    }
  }

  const key = PRIMARY_KEY[spec.test];
  const primaryP = (r: UnadjustedRecord): PrimaryP => {
    const block = (r as unknown as Record<string, { p: number | null; reason?: string } | undefined>)[key];
    return block ? { p: block.p, reason: block.reason } : { p: null, reason: `${key} is not computed in ${r.design} mode` };
  };
  const records: CompareRecord[] = adjustAcrossRun(raw, key, primaryP);
  for (const r of records) {
    const p = primaryP(r);
    if (p.p === null && !emptyRows.has(rowKey(r.measure, r.strata, r.focal))) warnings.push(`${stratumLabel(r.measure, r.strata)}, ${r.focal} vs ${r.reference}: no ${key} test (${p.reason})`);
  }
  return { records, levels, measures, warnings };
}
