import { InputError, UsageError } from '../errors.js';
import { parseCell } from '../io/parse-cell.js';
import type { TextTable } from '../io/read-table.js';
import { MISSING_TOKENS } from './compare-defaults.js';

/**
 * Where the values of a comparison sit in a table. `long`: one `measure` column naming the measure
 * and one `value` column holding it (the tidy tables myoscope writes). `wide`: one numeric column
 * per measure.
 */
export type CompareSource =
  | { form: 'long'; measureColumn: number; valueColumn: number; unitColumn: number | null; measures: string[] | null }
  | { form: 'wide'; measureColumns: number[] };

export interface ObservationSpec {
  source: CompareSource;
  /** The column whose levels are compared: the group (independent) or the within factor (paired). */
  factorColumn: number;
  /** What that column is called in messages: `group` or `within`. */
  factorRole: 'group' | 'within';
  /** Strata columns (`--by`), in the order given. */
  byColumns: number[];
  /** Subject column, or null when the table has none (each row is then one subject). */
  subjectColumn: number | null;
}

/** One value of one measure for one row. */
export interface Observation {
  measure: string;
  unit: string | null;
  /** Levels of the `--by` columns, in their order. */
  strata: string[];
  /** Level of the compared factor. */
  level: string;
  subject: string | null;
  /** NaN when missing. */
  value: number;
  line: number;
  column: number;
}

/** The observations of a table, and the measures in the order they are reported. */
export interface Observations {
  observations: Observation[];
  measures: string[];
  units: Map<string, string | null>;
}

/**
 * Reads every value a comparison uses from a table, one observation per row and measure. A value
 * cell may be a number or missing (empty, `NA`, `NaN`, `n/a`); text is an input error naming
 * file, line and column, as are an empty group, stratum, subject or measure name, and a measure
 * that changes unit between rows. With `;` as delimiter a decimal comma is accepted.
 */
export function compareObservations(table: TextTable, spec: ObservationSpec): Observations {
  const { path, header } = table;
  const decimalComma = table.delimiter === ';';
  const at = (line: number, j: number) => ({ file: path, line, column: j + 1 });
  const keyCell = (cells: string[], line: number, j: number, what: string): string => {
    const v = cells[j];
    if (v === '') throw new InputError(at(line, j), `${what} column "${header[j]}" is empty`);
    return v;
  };
  const numeric = (raw: string, line: number, j: number, measure: string): number => {
    const text = raw.trim();
    if (MISSING_TOKENS.includes(text.toLowerCase())) return Number.NaN;
    const cell = parseCell(text, decimalComma);
    if (!cell.ok) throw new InputError(at(line, j), `measure "${measure}": "${raw}" ${cell.reason}`);
    return cell.value;
  };

  const observations: Observation[] = [];
  const units = new Map<string, string | null>();
  const unitLine = new Map<string, number>();
  const seen: string[] = [];
  const wanted = spec.source.form === 'long' && spec.source.measures ? new Set(spec.source.measures) : null;
  for (const { cells, line } of table.rows) {
    const level = keyCell(cells, line, spec.factorColumn, spec.factorRole);
    const strata = spec.byColumns.map((j) => keyCell(cells, line, j, 'stratum'));
    const subject = spec.subjectColumn === null ? null : keyCell(cells, line, spec.subjectColumn, 'subject');
    const add = (measure: string, unit: string | null, j: number) => {
      if (!units.has(measure)) {
        units.set(measure, unit);
        unitLine.set(measure, line);
        seen.push(measure);
      } else if (units.get(measure) !== unit) {
        throw new InputError(
          at(line, spec.source.form === 'long' && spec.source.unitColumn !== null ? spec.source.unitColumn : j),
          `measure "${measure}" has unit "${unit ?? ''}" here but "${units.get(measure) ?? ''}" on line ${unitLine.get(measure)}`,
        );
      }
      observations.push({ measure, unit, strata, level, subject, value: numeric(cells[j], line, j, measure), line, column: j + 1 });
    };
    if (spec.source.form === 'long') {
      const { measureColumn, valueColumn, unitColumn } = spec.source;
      const measure = keyCell(cells, line, measureColumn, 'measure');
      if (wanted && !wanted.has(measure)) continue;
      add(measure, unitColumn === null || cells[unitColumn] === '' ? null : cells[unitColumn], valueColumn);
    } else {
      for (const j of spec.source.measureColumns) add(header[j], null, j);
    }
  }
  let measures = seen;
  if (wanted && spec.source.form === 'long') {
    const missing = spec.source.measures?.filter((m) => !units.has(m)) ?? [];
    if (missing.length > 0) {
      throw new UsageError(`--measure "${missing[0]}" is not a measure of ${path}; its measures are ${distinctMeasures(table, spec.source.measureColumn).join(', ')}`);
    }
    measures = spec.source.measures ?? seen;
  }
  if (observations.length === 0) throw new InputError({ file: path, line: table.headerLine }, 'has a header row but no data rows');
  return { observations, measures, units };
}

function distinctMeasures(table: TextTable, j: number): string[] {
  return [...new Set(table.rows.map((r) => r.cells[j]).filter((v) => v !== ''))];
}
