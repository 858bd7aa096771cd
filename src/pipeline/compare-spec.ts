import { UsageError } from '../errors.js';
import { parseCell } from '../io/parse-cell.js';
import { findColumn, type TextTable } from '../io/read-table.js';
import type { Alternative } from '../stats/index.js';
import type { Aggregate } from './compare-cells.js';
import { compareColumn } from './compare-columns.js';
import { MISSING_TOKENS, SUBJECT_ALIASES, SUMMARY_ALIASES } from './compare-defaults.js';
import type { CompareSource } from './compare-observations.js';
import type { CompareRunSpec, EmptyStrata, PrimaryTest } from './compare-run.js';

/** The options of `myoscope compare`, parsed but not yet matched against a table. */
export interface CompareOptionValues {
  group?: string;
  reference?: string;
  focal?: string[];
  measure?: string[];
  by: string[];
  subject?: string;
  pairedBy?: string;
  within?: string;
  fromSummary: boolean;
  /** Undefined: the mode's default (Welch; paired t in paired mode). */
  test?: PrimaryTest;
  alternative: Alternative;
  confLevel: number;
  aggregate: Aggregate;
  emptyStrata: EmptyStrata;
}

/** How the options were matched to the table, for `params`. */
export interface CompareLayout {
  form: 'long' | 'wide' | 'summary';
  /** Header names as found in the table. */
  group: string | null;
  within: string | null;
  pairedBy: string | null;
  subject: string | null;
  by: string[];
  /** Measure columns (wide) or the `measure`/`value`/`unit` columns (long, summary). */
  columns: Record<string, string | string[] | null>;
}

const GROUP_ALIASES = ['group', 'cohort', 'diagnosis'];

function numericLooking(table: TextTable, j: number): boolean {
  let any = false;
  for (const { cells } of table.rows) {
    const t = cells[j].trim();
    if (MISSING_TOKENS.includes(t.toLowerCase())) continue;
    if (!parseCell(t, table.delimiter === ';').ok) return false;
    any = true;
  }
  return any;
}

/**
 * Matches the options to a table's columns and checks that they fit together: the compared column
 * (`--group`, default a `group`/`cohort`/`diagnosis` column; or `--within` with `--paired-by`),
 * strata, subject (`--subject`, default a subject/participant_id column), and where the values
 * are: a long table (`measure` and `value` columns; `--measure` picks measures), a wide one
 * (`--measure` names numeric columns, required), or a summary table (`--from-summary`: mean, SD
 * and n columns). Contradictory or unknown choices are usage errors (exit 2).
 */
export function resolveCompareSpec(table: TextTable, o: CompareOptionValues): { spec: CompareRunSpec; layout: CompareLayout } {
  const { header } = table;
  const col = (flag: string, name: string) => compareColumn(table, flag, name);
  const paired = o.pairedBy !== undefined || o.within !== undefined;
  if (paired && (o.pairedBy === undefined || o.within === undefined)) throw new UsageError('--paired-by and --within go together: give both for paired mode');
  if (paired && o.fromSummary) throw new UsageError('--from-summary compares independent groups; it does not combine with --paired-by/--within');
  if (paired && o.group !== undefined) throw new UsageError('paired mode compares the levels of --within; to compare within each group, give the group column in --by');
  const test = o.test ?? (paired ? 'paired-t' : 'welch');
  const allowed: PrimaryTest[] = paired ? ['paired-t', 'wilcoxon'] : o.fromSummary ? ['welch'] : ['welch', 'student', 'mann-whitney'];
  if (!allowed.includes(test)) {
    throw new UsageError(`--test ${test} does not apply ${paired ? 'in paired mode' : o.fromSummary ? 'to summary statistics' : 'to independent groups'}; choose ${allowed.join(' or ')}`);
  }
  if (o.fromSummary && o.aggregate !== 'none') throw new UsageError('--aggregate does not apply to summary statistics (--from-summary)');

  let factor: number;
  if (paired) factor = col('--within', o.within as string);
  else if (o.group !== undefined) factor = col('--group', o.group);
  else {
    factor = findColumn(header, GROUP_ALIASES);
    if (factor < 0) throw new UsageError(`give --group COLUMN: ${table.path} has no group column (${GROUP_ALIASES.join('/')}); its columns are ${header.join(', ')}`);
  }
  const byColumns = o.by.map((b) => col('--by', b));
  const subjectColumn = paired
    ? col('--paired-by', o.pairedBy as string)
    : o.subject !== undefined
      ? col('--subject', o.subject)
      : o.fromSummary
        ? -1
        : findColumn(header, SUBJECT_ALIASES);
  const roles = new Map<number, string>([[factor, paired ? '--within' : '--group']]);
  const claim = (j: number, flag: string) => {
    const other = roles.get(j);
    if (other !== undefined) throw new UsageError(`${flag} column "${header[j]}" is already the ${other} column`);
    roles.set(j, flag);
  };
  byColumns.forEach((j) => claim(j, '--by'));
  if (subjectColumn >= 0 && (paired || o.subject !== undefined)) claim(subjectColumn, paired ? '--paired-by' : '--subject');
  if (o.aggregate !== 'none' && subjectColumn < 0) {
    throw new UsageError(`--aggregate ${o.aggregate} averages each subject's rows, but ${table.path} has no subject column: give --subject COLUMN`);
  }

  const common = {
    factorColumn: header[factor],
    byNames: byColumns.map((j) => header[j]),
    reference: o.reference,
    focal: o.focal,
    test,
    alternative: o.alternative,
    confLevel: o.confLevel,
    emptyStrata: o.emptyStrata,
  };
  const layoutBase = {
    group: paired ? null : header[factor],
    within: paired ? header[factor] : null,
    pairedBy: paired ? header[subjectColumn] : null,
    subject: subjectColumn >= 0 ? header[subjectColumn] : null,
    by: common.byNames,
  };

  if (o.fromSummary) {
    const need = (what: keyof typeof SUMMARY_ALIASES) => {
      const j = findColumn(header, SUMMARY_ALIASES[what]);
      if (j < 0) throw new UsageError(`--from-summary needs a ${what} column (${SUMMARY_ALIASES[what].join('/')}) in ${table.path}; its columns are ${header.join(', ')}`);
      claim(j, `the ${what}`);
      return j;
    };
    const meanColumn = need('mean');
    const sdColumn = need('sd');
    const nColumn = need('n');
    const measureColumn = findColumn(header, ['measure']);
    const unitColumn = findColumn(header, ['unit']);
    if (measureColumn < 0 && o.measure && o.measure.length > 1) throw new UsageError(`--measure names ${o.measure.length} measures but ${table.path} has no measure column`);
    return {
      spec: {
        ...common,
        mode: 'summary',
        summary: {
          groupColumn: factor,
          measureColumn: measureColumn >= 0 ? measureColumn : null,
          measureName: o.measure?.[0] ?? 'value',
          unitColumn: unitColumn >= 0 ? unitColumn : null,
          byColumns,
          meanColumn,
          sdColumn,
          nColumn,
          measures: measureColumn >= 0 ? (o.measure ?? null) : null,
        },
      },
      layout: {
        ...layoutBase,
        form: 'summary',
        columns: {
          mean: header[meanColumn],
          sd: header[sdColumn],
          n: header[nColumn],
          measure: measureColumn >= 0 ? header[measureColumn] : null,
          unit: unitColumn >= 0 ? header[unitColumn] : null,
        },
      },
    };
  }

  const measureColumn = findColumn(header, ['measure']);
  const valueColumn = findColumn(header, ['value']);
  let source: CompareSource;
  let columns: CompareLayout['columns'];
  if (measureColumn >= 0 && valueColumn >= 0 && !roles.has(measureColumn) && !roles.has(valueColumn)) {
    const unitColumn = findColumn(header, ['unit']);
    source = { form: 'long', measureColumn, valueColumn, unitColumn: unitColumn >= 0 ? unitColumn : null, measures: o.measure ?? null };
    columns = { measure: header[measureColumn], value: header[valueColumn], unit: unitColumn >= 0 ? header[unitColumn] : null };
  } else {
    if (!o.measure) {
      const candidates = header.filter((_, j) => !roles.has(j) && j !== subjectColumn && numericLooking(table, j));
      throw new UsageError(
        `give --measure COLUMN[,COLUMN…]: ${table.path} has no measure/value columns (long form), so name the numeric columns to compare` +
          (candidates.length ? `; numeric columns: ${candidates.join(', ')}` : ''),
      );
    }
    const measureColumns = o.measure.map((m) => col('--measure', m));
    measureColumns.forEach((j) => claim(j, '--measure'));
    if (subjectColumn >= 0 && measureColumns.includes(subjectColumn)) throw new UsageError(`--measure column "${header[subjectColumn]}" is the subject column`);
    source = { form: 'wide', measureColumns };
    columns = { measures: measureColumns.map((j) => header[j]) };
  }
  const observation = {
    source,
    factorColumn: factor,
    factorRole: paired ? ('within' as const) : ('group' as const),
    byColumns,
    subjectColumn: subjectColumn >= 0 ? subjectColumn : null,
  };
  return {
    spec: paired ? { ...common, mode: 'paired', observation, aggregate: o.aggregate } : { ...common, mode: 'independent', observation, aggregate: o.aggregate },
    layout: { ...layoutBase, form: source.form, columns },
  };
}
