import { InputError } from '../errors.js';
import { parseCell } from '../io/parse-cell.js';
import type { TextTable } from '../io/read-table.js';
import { compareFromSummary, type SummaryGroup } from '../stats/index.js';
import type { ComparisonOptions } from './compare-groups.js';
import { ciEnd, finite, reasonsOf, type SummaryGroupBlock, type SummaryRecord, tBlock } from './compare-record.js';

/** Columns of a summary table (`--from-summary`). */
export interface SummarySpec {
  groupColumn: number;
  /** `measure` column, or null: then every row is of one measure named `measureName` (`--measure`, else `value`). */
  measureColumn: number | null;
  measureName: string;
  unitColumn: number | null;
  byColumns: number[];
  meanColumn: number;
  sdColumn: number;
  nColumn: number;
  /** Measures to keep (`--measure`), or null for all. */
  measures: string[] | null;
}

/** One measure in one stratum: the published mean, SD and n of each group. */
export interface SummaryCell {
  measure: string;
  unit: string | null;
  strata: Record<string, string>;
  groups: Map<string, SummaryGroup>;
}

/**
 * Reads a table of published summary statistics, one row per group (and measure and stratum):
 * mean, SD (denominator n − 1) and n. Each must be given: a missing or non-numeric cell, a negative
 * SD, an n that is not a whole number ≥ 1, or a group given twice in one cell is an input error
 * naming file, line and column. Cells come in first-seen order; `levels` are the groups in
 * first-seen order.
 */
export function summaryCells(table: TextTable, spec: SummarySpec): { cells: SummaryCell[]; levels: string[]; measures: string[] } {
  const { path, header } = table;
  const decimalComma = table.delimiter === ';';
  const at = (line: number, j: number) => ({ file: path, line, column: j + 1 });
  const text = (cells: string[], line: number, j: number, what: string) => {
    if (cells[j] === '') throw new InputError(at(line, j), `${what} column "${header[j]}" is empty`);
    return cells[j];
  };
  const number = (cells: string[], line: number, j: number, what: string): number => {
    const raw = text(cells, line, j, what);
    const c = parseCell(raw, decimalComma);
    if (!c.ok || Number.isNaN(c.value)) throw new InputError(at(line, j), `${what} "${raw}" ${c.ok ? 'is missing' : c.reason}`);
    return c.value;
  };
  const cells = new Map<string, SummaryCell & { lines: Map<string, number> }>();
  const levels: string[] = [];
  const measures: string[] = [];
  const unitOf = new Map<string, { unit: string | null; line: number }>();
  const wanted = spec.measures ? new Set(spec.measures) : null;
  for (const { cells: row, line } of table.rows) {
    const measure = spec.measureColumn === null ? spec.measureName : text(row, line, spec.measureColumn, 'measure');
    if (wanted && !wanted.has(measure)) continue;
    const group = text(row, line, spec.groupColumn, 'group');
    const strata = spec.byColumns.map((j) => text(row, line, j, 'stratum'));
    const unit = spec.unitColumn === null || row[spec.unitColumn] === '' ? null : row[spec.unitColumn];
    const known = unitOf.get(measure);
    if (!known) {
      unitOf.set(measure, { unit, line });
      measures.push(measure);
    } else if (known.unit !== unit) {
      throw new InputError(at(line, spec.unitColumn ?? 0), `measure "${measure}" has unit "${unit ?? ''}" here but "${known.unit ?? ''}" on line ${known.line}`);
    }
    const m = number(row, line, spec.meanColumn, 'mean');
    const sd = number(row, line, spec.sdColumn, 'SD');
    if (sd < 0) throw new InputError(at(line, spec.sdColumn), `SD ${sd} must be at least 0`);
    const n = number(row, line, spec.nColumn, 'n');
    if (!Number.isInteger(n) || n < 1) throw new InputError(at(line, spec.nColumn), `n ${n} must be a whole number of at least 1`);
    if (!levels.includes(group)) levels.push(group);
    const key = JSON.stringify([measure, ...strata]);
    let cell = cells.get(key);
    if (!cell) {
      cell = { measure, unit, strata: Object.fromEntries(spec.byColumns.map((j, i) => [header[j], strata[i]])), groups: new Map(), lines: new Map() };
      cells.set(key, cell);
    }
    const before = cell.lines.get(group);
    if (before !== undefined) throw new InputError({ file: path, line }, `group "${group}" of measure "${measure}" is given twice in this stratum (also line ${before})`);
    cell.lines.set(group, line);
    cell.groups.set(group, { label: group, mean: m, sd, n });
  }
  if (wanted) {
    const absent = [...wanted].filter((m) => !unitOf.has(m));
    if (absent.length > 0) throw new InputError({ file: path }, `has no rows of measure "${absent[0]}" (--measure)`);
  }
  if (cells.size === 0) throw new InputError({ file: path, line: table.headerLine }, 'has a header row but no data rows');
  const ordered = [...cells.values()].sort((a, b) => measures.indexOf(a.measure) - measures.indexOf(b.measure));
  return { cells: ordered.map(({ lines: _lines, ...c }) => c), levels, measures };
}

function groupBlock(g: SummaryGroup): SummaryGroupBlock {
  return { n: g.n, mean: g.mean, sd: g.sd, se: g.sd / Math.sqrt(g.n) };
}

/**
 * Focal against reference from published mean, SD and n: the mean difference with the Welch
 * interval, the Welch t-test and Hedges' g with its non-central t interval ({@link compareFromSummary}),
 * so a result can be set beside a paper's.
 */
export function compareSummary(cell: SummaryCell, focal: string, reference: string, options: ComparisonOptions): Omit<SummaryRecord, 'p_adjusted'> {
  const f = cell.groups.get(focal);
  const r = cell.groups.get(reference);
  const groups: Record<string, SummaryGroupBlock> = {};
  if (f) groups[focal] = groupBlock(f);
  if (r) groups[reference] = groupBlock(r);
  const base = { design: 'summary' as const, measure: cell.measure, unit: cell.unit, strata: cell.strata, focal, reference, groups };
  if (!f || !r) {
    const reason = `group "${f ? reference : focal}" has no summary row in this stratum`;
    return {
      ...base,
      mean_difference: { estimate: null, ci_low: null, ci_high: null, conf_level: options.confLevel, ci_from: 'welch', reason },
      welch: { t: null, df: null, p: null, reason },
      effect_size: { hedges_g: null, hedges_g_ci_low: null, hedges_g_ci_high: null, reasons: { hedges_g: reason } },
    };
  }
  const s = compareFromSummary(f, r, options);
  const w = s.welch;
  const g = s.hedgesG;
  const reasons = reasonsOf([['hedges_g', g]]);
  return {
    ...base,
    mean_difference: {
      estimate: finite(s.meanDifference, 'mean difference'),
      ci_low: w.ok ? ciEnd(w.ci.lower) : null,
      ci_high: w.ok ? ciEnd(w.ci.upper) : null,
      conf_level: options.confLevel,
      ci_from: 'welch',
      ...(w.ok ? {} : { reason: w.reason }),
    },
    welch: tBlock(w),
    effect_size: {
      hedges_g: g.ok ? finite(g.value, "Hedges' g") : null,
      hedges_g_ci_low: g.ok ? ciEnd(g.ci.lower) : null,
      hedges_g_ci_high: g.ok ? ciEnd(g.ci.upper) : null,
      ...(reasons ? { reasons } : {}),
    },
  };
}
