import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { Io } from '../io/io.js';
import { type CommandResult, sha256File } from '../io/output.js';
import { readTable, type TextTable } from '../io/read-table.js';
import type { Aggregate } from '../pipeline/compare-cells.js';
import { ALTERNATIVE, CONF_LEVEL } from '../pipeline/compare-defaults.js';
import { compareCsvRecords } from '../pipeline/compare-csv-records.js';
import type { CompareRecord } from '../pipeline/compare-record.js';
import { type CompareRun, compareRun, type EmptyStrata, PRIMARY_KEY, type PrimaryTest } from '../pipeline/compare-run.js';
import { type CompareLayout, type CompareOptionValues, resolveCompareSpec } from '../pipeline/compare-spec.js';
import {
  CLIFFS_DELTA_FORMULA,
  DAV_FORMULA,
  DZ_CI_METHOD,
  DZ_FORMULA,
  MANN_WHITNEY_FORMULA,
  P_ADJUST_FORMULAS,
  PAIRED_T_FORMULA,
  RANK_BISERIAL_FORMULA,
  SIGNED_RANK_FORMULA,
  STANDARDIZED_DIFFERENCE_FORMULAS,
  STUDENT_FORMULA,
  type Alternative,
  WELCH_FORMULA,
} from '../stats/index.js';
import { apaLine } from '../render/apa.js';
import { formatNumber, renderTable } from '../render/table.js';
import type { CommandModule } from './command-module.js';
import { addOutputOptions, parseNameList, parseNumber } from './options.js';

const TESTS: readonly PrimaryTest[] = ['welch', 'student', 'mann-whitney', 'paired-t', 'wilcoxon'];
const ALTERNATIVES: Record<string, Alternative> = { 'two-sided': 'two.sided', 'two.sided': 'two.sided', less: 'less', greater: 'greater' };
const AGGREGATES: readonly Aggregate[] = ['none', 'mean', 'median'];
const EMPTY_STRATA: readonly EmptyStrata[] = ['error', 'report'];

/** Stated once in `params` so a reader of the JSON knows how to read intervals and nulls. */
const CI_END_CONVENTION =
  'a one-sided interval has the open end "-Inf" (alternative less) or "Inf" (greater), as strings; ' +
  'null means a value could not be computed, and its block gives the reason';

function choice<T extends string>(flag: string, raw: unknown, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  const v = String(raw).trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} "${String(raw)}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

/** Reads the table; a row-name column written by R's `write.csv` is named by readTable, with a warning. */
export async function readCompareTable(path: string, warnings: string[]): Promise<TextTable> {
  const table = await readTable(path);
  warnings.push(...table.warnings);
  return table;
}

/** Parses the raw commander values strictly (usage errors, exit 2). */
export function compareOptionValues(raw: Record<string, unknown>): CompareOptionValues {
  const str = (k: string) => (raw[k] === undefined ? undefined : String(raw[k]));
  const list = (flag: string, k: string) => (raw[k] === undefined ? undefined : parseNameList(flag, String(raw[k])));
  const alternativeRaw = choice('--alternative', raw.alternative, Object.keys(ALTERNATIVES));
  return {
    group: str('group'),
    reference: str('reference'),
    focal: list('--focal', 'focal'),
    measure: list('--measure', 'measure'),
    by: list('--by', 'by') ?? [],
    subject: str('subject'),
    pairedBy: str('pairedBy'),
    within: str('within'),
    fromSummary: raw.fromSummary === true,
    test: choice('--test', raw.test, TESTS),
    alternative: alternativeRaw ? ALTERNATIVES[alternativeRaw] : ALTERNATIVE,
    confLevel: raw.confLevel === undefined ? CONF_LEVEL : parseNumber('--conf-level', String(raw.confLevel), { min: 0, max: 1, exclusiveMin: true }),
    aggregate: choice('--aggregate', raw.aggregate, AGGREGATES) ?? 'none',
    emptyStrata: choice('--empty-strata', raw.emptyStrata, EMPTY_STRATA) ?? 'error',
  };
}

function formulas(design: 'independent' | 'paired' | 'summary', test: PrimaryTest): Record<string, string> {
  const adjust = { p_adjust_holm: P_ADJUST_FORMULAS.holm, p_adjust_bh: P_ADJUST_FORMULAS.BH, p_adjusted_of: PRIMARY_KEY[test] };
  if (design === 'paired') {
    return { paired_t: PAIRED_T_FORMULA, wilcoxon_signed_rank: SIGNED_RANK_FORMULA, cohens_dz: DZ_FORMULA, cohens_dz_ci: DZ_CI_METHOD, cohens_dav: DAV_FORMULA, ...adjust };
  }
  const common = { welch: WELCH_FORMULA, hedges_g: STANDARDIZED_DIFFERENCE_FORMULAS.hedges_g, ...adjust };
  if (design === 'summary') return common;
  return {
    ...common,
    student: STUDENT_FORMULA,
    mann_whitney: MANN_WHITNEY_FORMULA,
    cohens_d: STANDARDIZED_DIFFERENCE_FORMULAS.cohens_d,
    glass_delta: STANDARDIZED_DIFFERENCE_FORMULAS.glass_delta,
    cliffs_delta: CLIFFS_DELTA_FORMULA,
    rank_biserial: RANK_BISERIAL_FORMULA,
  };
}

const TEST_NAMES: Record<PrimaryTest, string> = {
  welch: 'Welch t-test',
  student: 'Student t-test',
  'mann-whitney': 'Mann\u2013Whitney test',
  'paired-t': 'paired t-test',
  wilcoxon: 'Wilcoxon signed-rank test',
};

function meanSd(g: { mean: number | null; sd: number | null } | undefined): string {
  if (!g || g.mean === null) return '\u2013';
  return g.sd === null ? formatNumber(g.mean) : `${formatNumber(g.mean)} (${formatNumber(g.sd)})`;
}

/** The measure with its unit in brackets, unless its name already ends in the unit (`thickness_mm`). */
function measureLabel(measure: string, unit: string | null): string {
  if (!unit) return measure;
  const m = measure.toLowerCase();
  const u = unit.toLowerCase();
  return m.endsWith(`_${u}`) || (u === '%' && m.endsWith('_pct')) ? measure : `${measure} (${unit})`;
}

function ciText(lo: number | string | null, hi: number | string | null): string {
  const e = (x: number | string) => (x === '-Inf' ? '\u2212\u221e' : x === 'Inf' ? '\u221e' : formatNumber(x as number));
  return lo === null || hi === null ? '' : ` [${e(lo)}, ${e(hi)}]`;
}

/** The human table: one row per comparison, ending with the APA line. */
function human(run: CompareRun, layout: CompareLayout, test: PrimaryTest, alternative: Alternative, confLevel: number, colour: boolean): string {
  const records = run.records;
  const focalLevels = [...new Set(records.map((r) => r.focal))];
  const single = focalLevels.length === 1;
  const ref = run.levels.reference;
  const f = single ? focalLevels[0] : 'focal';
  const head = [
    'measure',
    ...layout.by,
    ...(single ? [] : ['focal']),
    `n ${f}/${ref}`,
    `${f} mean (SD)`,
    `${ref} mean (SD)`,
    `${f} \u2212 ${ref} [${formatNumber(confLevel * 100)}% CI]`,
    'p Holm',
    'p BH',
    'APA',
  ];
  const rows = records.map((r: CompareRecord) => {
    const gf = r.groups[r.focal];
    const gr = r.groups[r.reference];
    const md = r.mean_difference;
    const n = r.design === 'paired' ? `${r.n_pairs} pairs` : `${gf?.n ?? 0}/${gr?.n ?? 0}`;
    return [
      measureLabel(r.measure, r.unit),
      ...layout.by.map((b) => r.strata[b]),
      ...(single ? [] : [r.focal]),
      n,
      meanSd(gf),
      meanSd(gr),
      md.estimate === null ? '\u2013' : `${formatNumber(md.estimate)}${ciText(md.ci_low, md.ci_high)}`,
      r.p_adjusted.holm,
      r.p_adjusted.bh,
      apaLine(r, test),
    ];
  });
  const alt = alternative === 'two.sided' ? 'two-sided' : `one-sided, ${alternative}`;
  const m = records[0]?.p_adjusted.m ?? 0;
  const compared = layout.within ? `${layout.within} within ${layout.pairedBy}` : `${layout.group}`;
  const title =
    `${run.levels.focal.join(', ')} vs ${ref} (${compared}${layout.form === 'summary' ? ', from summary statistics' : ''}): ` +
    `${TEST_NAMES[test]}, ${alt}; p adjusted over ${m} test${m === 1 ? '' : 's'}`;
  const right = head.map((_, j) => j).filter((j) => j >= 1 + layout.by.length + (single ? 0 : 1) && j < head.length - 1);
  return renderTable({ title, head, rows, alignRight: right }, colour);
}

export const compareCommand: CommandModule = {
  name: 'compare',
  register(program: Command): Command {
    const cmd = program
      .command('compare')
      .description('group comparison (focal minus reference) with t, Mann-Whitney, effect sizes with CIs and adjusted p; paired mode; from published summary statistics')
      .argument('<table>', 'CSV/TSV: long (measure, value[, unit] columns), wide (one column per measure), or summary (mean, sd, n) with --from-summary')
      .option('--group <column>', 'column of the groups compared (default: a column named group, cohort or diagnosis)')
      .option('--reference <level>', 'reference level: the difference is focal minus reference (default: the control-like one of two groups)')
      .option('--focal <levels>', 'focal level(s), comma-separated (default: every other level)')
      .option('--measure <names>', 'measures, comma-separated: columns of a wide table, or values of the measure column of a long one (default: all of a long table)')
      .option('--by <columns>', 'strata columns, comma-separated (e.g. muscle,side)')
      .option('--subject <column>', 'subject column, to check one value per subject (default: subject/participant_id if present)')
      .option('--paired-by <column>', 'paired mode: the subject column that pairs the values')
      .option('--within <column>', 'paired mode: the column whose two levels are compared (first minus --reference)')
      .option('--from-summary', 'the table holds published mean, sd and n per group (and measure, strata)')
      .addOption(new Option('--test <test>', 'primary test, whose p is adjusted: welch, student, mann-whitney; paired: paired-t, wilcoxon (default: welch; paired-t)'))
      .addOption(new Option('--alternative <direction>', 'two-sided, less (focal < reference) or greater').default('two-sided'))
      .option('--conf-level <level>', 'confidence level of every interval, between 0 and 1', String(CONF_LEVEL))
      .addOption(new Option('--aggregate <how>', "several rows of one subject in one measure and stratum: none (an error), mean or median").default('none'))
      .addOption(new Option('--empty-strata <policy>', 'a stratum lacking a compared group: error (exit 3) or report (a row with the reason)').default('error'));
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, _io: Io): Promise<CommandResult> {
    const o = compareOptionValues(options);
    const path = args[0];
    const readWarnings: string[] = [];
    const table = await readCompareTable(path, readWarnings);
    const { spec, layout } = resolveCompareSpec(table, o);
    const run = compareRun(table, spec);
    const key = PRIMARY_KEY[spec.test];
    const csv = compareCsvRecords(run.records, layout.by);
    return {
      command: 'compare',
      params: {
        table: path,
        design: spec.mode,
        form: layout.form,
        group: layout.group,
        within: layout.within,
        paired_by: layout.pairedBy,
        subject: layout.subject,
        columns: layout.columns,
        reference: run.levels.reference,
        focal: run.levels.focal,
        measures: run.measures,
        by: layout.by,
        test: spec.test,
        alternative: spec.alternative,
        conf_level: spec.confLevel,
        aggregate: spec.mode === 'summary' ? null : spec.aggregate,
        empty_strata: spec.emptyStrata,
        mean_difference_ci: spec.mode === 'paired' ? 'paired_t' : spec.test === 'student' ? 'student' : 'welch',
        p_adjust: {
          methods: ['holm', 'BH'],
          of: key,
          family: `every measure \u00d7 stratum \u00d7 focal row of this run that has a ${key} p-value`,
          m: run.records[0]?.p_adjusted.m ?? 0,
        },
        ci_end_convention: CI_END_CONVENTION,
      },
      inputs: [{ path, sha256: await sha256File(path) }],
      results: run.records as unknown as Record<string, unknown>[],
      warnings: [...readWarnings, ...run.warnings],
      extra: { formulas: formulas(spec.mode, spec.test) },
      csv,
      human: ({ colour }) => human(run, layout, spec.test, spec.alternative, spec.confLevel, colour),
    };
  },
};
