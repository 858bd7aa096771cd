import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import type { Io } from '../io/io.js';
import { sha256File, writeFileAtomic, type CommandResult, type InputRef } from '../io/output.js';
import { findColumn, readTable } from '../io/read-table.js';
import { normaliseSide, readThickness } from '../io/read-thickness.js';
import type { ThicknessTable } from '../model/thickness.js';
import { analyseThickness, type ThicknessAnalysis, type ThicknessParams } from '../pipeline/thickness-analysis.js';
import { describeCell } from '../pipeline/thickness-cells.js';
import { defaultReferenceGroup, thicknessDesign } from '../pipeline/thickness-design.js';
import type { ChangeFrom } from '../pipeline/thickness-pairing.js';
import type { SemFrom } from '../pipeline/thickness-reliability.js';
import { reliabilityJson, THICKNESS_TABLES, thicknessTables, type KeyColumns, type ThicknessTableName, type TidyTable } from '../pipeline/thickness-tables.js';
import { toCsv } from '../render/csv.js';
import { formatNumber, renderTable } from '../render/table.js';
import { ICC_FORMS, type IccFormLabel } from '../stats/icc.js';
import { SEM_DEFAULT_ICC } from '../stats/sem.js';
import type { CommandModule } from './command-module.js';
import { addOutputOptions, parseNameList, parseNumber } from './options.js';

/** McGraw–Wong names accepted by `--sem-icc`, mapped to the Shrout–Fleiss labels. */
const MCGRAW_WONG: Record<string, IccFormLabel> = { '1': 'ICC(1,1)', 'A,1': 'ICC(2,1)', 'C,1': 'ICC(3,1)', K: 'ICC(1,k)', 'A,K': 'ICC(2,k)', 'C,K': 'ICC(3,k)' };

/** `ICC(3,1)`, `3,1`, `C,1` or `ICC(C,1)` → `ICC(3,1)`. */
export function parseIccForm(flag: string, raw: string): IccFormLabel {
  const inner = raw.trim().toUpperCase().replace(/\s+/g, '').replace(/^ICC\((.*)\)$/, '$1');
  const sf = ICC_FORMS.find((f) => f.toUpperCase() === `ICC(${inner})`);
  const form = sf ?? MCGRAW_WONG[inner];
  if (form === undefined) {
    throw new UsageError(`${flag} "${raw}" is not an ICC form (Shrout–Fleiss ${ICC_FORMS.join(', ')}, or McGraw–Wong ICC(1), ICC(A,1), ICC(C,1), ICC(k), ICC(A,k), ICC(C,k))`);
  }
  return form;
}

function parseChoice<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  const v = raw.trim() as T;
  if (!choices.includes(v)) throw new UsageError(`${flag} "${raw}" must be one of ${choices.join(', ')}`);
  return v;
}

function parsePair(flag: string, raw: string): [string, string] {
  const names = parseNameList(flag, raw);
  if (names.length !== 2) throw new UsageError(`${flag} "${raw}" needs exactly 2 comma-separated names`);
  return [names[0], names[1]];
}

const NO_SYMPTOM_SIDE = /^(|n\/a|na|none|-|no)$/i;

/** A symptom-side cell: `L`/`R` for the spellings of left/right, else the word (`bilateral`); `undefined` when empty or n/a. */
function symptomValue(raw: string): string | undefined {
  const v = raw.trim();
  if (NO_SYMPTOM_SIDE.test(v)) return undefined;
  return normaliseSide(v);
}

/** Symptom sides from a column of the thickness table; one subject must have one value. */
function symptomSidesFromTable(table: ThicknessTable, column: string): Map<string, string> {
  const out = new Map<string, { value: string | undefined; line: number }>();
  for (const r of table.rows) {
    const value = symptomValue(r.extra[column] ?? '');
    const prev = out.get(r.subject);
    if (prev !== undefined && prev.value !== value) {
      throw new InputError(
        { file: table.path, line: r.line },
        `subject "${r.subject}" has symptom side "${value ?? 'none'}" in column "${column}" here but "${prev.value ?? 'none'}" on line ${prev.line}`,
      );
    }
    if (prev === undefined) out.set(r.subject, { value, line: r.line });
  }
  return new Map([...out].filter(([, v]) => v.value !== undefined).map(([s, v]) => [s, v.value as string]));
}

/** Symptom sides from a participants table (BIDS `participant_id`). */
async function symptomSidesFromParticipants(path: string, column: string | undefined): Promise<{ sides: Map<string, string>; column: string | null }> {
  const t = await readTable(path);
  const id = findColumn(t.header, ['participant_id', 'subject', 'participant', 'subject_id', 'id']);
  if (id < 0) throw new InputError({ file: path, line: t.headerLine }, `participants table needs a participant_id column; header is ${t.header.join(', ')}`);
  const j = column !== undefined ? t.header.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase()) : findColumn(t.header, ['symptom_side', 'symptoms_side', 'pain_side', 'affected_side']);
  if (j < 0) {
    if (column === undefined) return { sides: new Map(), column: null };
    throw new UsageError(`--symptom-side column "${column}" is in neither the thickness table nor ${path} (its columns: ${t.header.join(', ')})`);
  }
  const sides = new Map<string, string>();
  for (const { cells } of t.rows) {
    const v = symptomValue(cells[j]);
    if (v !== undefined) sides.set(cells[id].trim(), v);
  }
  return { sides, column: t.header[j] };
}

interface ThicknessOptions {
  changeFrom: string;
  confLevel: string;
  semIcc: string;
  semFrom: string;
  agreementTrials?: string;
  raters?: string;
  reference?: string;
  sessions?: string;
  symptomSide?: string;
  participants?: string;
  table: string;
  outDir?: string;
  json?: boolean;
  csv?: boolean;
}

function resolveParams(o: ThicknessOptions, table: ThicknessTable): { params: ThicknessParams; referenceRule: string } {
  const design = thicknessDesign(table);
  const changeFrom = parseChoice<ChangeFrom>('--change-from', o.changeFrom, ['trials', 'means']);
  const confLevel = parseNumber('--conf-level', o.confLevel, { min: 0, max: 1, exclusiveMin: true });
  if (confLevel >= 1) throw new UsageError(`--conf-level ${o.confLevel} must be below 1`);
  const semIcc = parseIccForm('--sem-icc', o.semIcc);
  const semFrom = parseChoice<SemFrom>('--sem-from', o.semFrom, ['icc', 'ms-error']);
  let agreementTrials: [string, string] | null = null;
  if (o.agreementTrials !== undefined) {
    agreementTrials = parsePair('--agreement-trials', o.agreementTrials);
    for (const t of agreementTrials) {
      if (!design.trials.includes(t)) throw new UsageError(`--agreement-trials: trial "${t}" is not in ${table.path} (trials: ${design.trials.join(', ')})`);
    }
  }
  let raters: [string, string] | null = null;
  if (o.raters !== undefined) {
    raters = parsePair('--raters', o.raters);
    for (const r of raters) {
      if (!design.raters.includes(r)) {
        throw new UsageError(`--raters: rater "${r}" is not in ${table.path} (${design.raters.length ? `raters: ${design.raters.join(', ')}` : 'it has no rater column'})`);
      }
    }
  } else if (design.raters.length === 2) {
    raters = [design.raters[0], design.raters[1]];
  }
  let referenceGroup: string | null;
  let referenceRule: string;
  if (o.reference !== undefined) {
    if (!design.groups.includes(o.reference)) {
      throw new UsageError(`--reference "${o.reference}" is not a group in ${table.path} (groups: ${design.groups.join(', ')})`);
    }
    referenceGroup = o.reference;
    referenceRule = 'option';
  } else {
    referenceGroup = defaultReferenceGroup(design.groups) ?? null;
    referenceRule = referenceGroup !== null ? 'control name' : 'none';
  }
  let sessions = design.sessions;
  if (o.sessions !== undefined) {
    const given = parseNameList('--sessions', o.sessions);
    const unknown = given.filter((s) => !design.sessions.includes(s));
    const missing = design.sessions.filter((s) => !given.includes(s));
    if (unknown.length > 0 || missing.length > 0) {
      throw new UsageError(
        `--sessions must list every session of ${table.path} once, baseline first (sessions: ${design.sessions.join(', ') || 'none'}${unknown.length ? `; not in the table: ${unknown.join(', ')}` : ''})`,
      );
    }
    sessions = given;
  }
  return {
    params: {
      changeFrom,
      confLevel,
      semIcc,
      semFrom,
      agreementTrials,
      raters,
      referenceGroup,
      focalGroups: referenceGroup === null ? [] : design.groups.filter((g) => g !== referenceGroup),
      sessions,
    },
    referenceRule,
  };
}

function fmt(x: unknown): string | number | null {
  return typeof x === 'number' ? formatNumber(x) : (x as string | null);
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function sd(xs: number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

function human(a: ThicknessAnalysis, tables: Record<ThicknessTableName, TidyTable>, p: ThicknessParams, path: string, keys: KeyColumns, colour: boolean): string {
  const parts: string[] = [];
  const keyOf = (r: Record<string, unknown>) => ['muscle', 'side', ...keys].map((k) => r[k] ?? '');
  const keyHead = ['muscle', 'side', ...keys];
  // Group summary of the per-subject values.
  const summary = new Map<string, { key: unknown[]; group: string; values: Record<string, number[]> }>();
  for (const r of a.records) {
    if (r.side === 'L-R' || r.measure === 'n_trials') continue;
    const row = r as unknown as Record<string, unknown>;
    const id = JSON.stringify([...keyOf(row), r.group]);
    const e = summary.get(id) ?? { key: keyOf(row), group: r.group, values: {} };
    (e.values[r.measure] ??= []).push(r.value);
    summary.set(id, e);
  }
  const ms = (v: number[] | undefined) => (v === undefined ? '–' : `${formatNumber(mean(v))} ± ${formatNumber(sd(v) ?? Number.NaN)}`);
  parts.push(
    renderTable(
      {
        title: `${path}  thickness per group (mean ± SD of the per-subject means over paired trials; change from ${p.changeFrom})`,
        head: [...keyHead, 'group', 'n', 'rest mm', 'contracted mm', 'change %', 'ratio'],
        rows: [...summary.values()].map((e) => [...(e.key as string[]), e.group, e.values.change_pct?.length ?? 0, ms(e.values.rest_mm), ms(e.values.contracted_mm), ms(e.values.change_pct), ms(e.values.ratio)]),
        alignRight: [keyHead.length + 1, keyHead.length + 2, keyHead.length + 3, keyHead.length + 4, keyHead.length + 5],
      },
      colour,
    ),
  );
  if (tables.differences.rows.length > 0) {
    parts.push(
      renderTable(
        {
          title: `group differences (focal − reference) against the MDC95 of one trial (${p.semIcc}, SEM ${p.semFrom === 'icc' ? 'SD·√(1−ICC)' : '√MS_error'})`,
          head: [...keyHead, 'measure', 'focal − reference', 'n', 'difference', 'MDC95', 'below MDC'],
          rows: tables.differences.rows.map((d) => [
            ...keyOf(d) as string[], d.measure as string, `${d.focal_group} − ${d.reference_group}`, `${d.n_focal} / ${d.n_reference}`,
            fmt(d.difference), fmt(d.mdc95), d.below_mdc === null ? '–' : d.below_mdc ? 'yes' : 'no',
          ]),
          alignRight: [keyHead.length + 2, keyHead.length + 3, keyHead.length + 4],
        },
        colour,
      ),
    );
  }
  const rel = tables.reliability.rows.filter((r) => r.sem_default === true || r.icc_form === undefined);
  const iccOf = (r: Record<string, unknown>, form: string) =>
    tables.reliability.rows.find((x) => x.icc_form === form && x.measure === r.measure && keyOf(x).join('\u0000') === keyOf(r).join('\u0000'))?.icc;
  parts.push(
    renderTable(
      {
        title: `trial-to-trial reliability (${p.semIcc} for SEM and MDC95; ${Math.round(p.confLevel * 100)} % CI)`,
        head: [...keyHead, 'measure', 'n', 'k', 'ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', `${p.semIcc} CI`, 'SEM', 'MDC95', 'SEM √MSE', 'MDC95 √MSE'],
        rows: rel.map((r) =>
          r.icc_form === undefined
            ? [...keyOf(r) as string[], r.measure as string, r.n_subjects as number, r.k_trials as number, r.note as string, '', '', '', '', '', '', '']
            : [
                ...keyOf(r) as string[], r.measure as string, r.n_subjects as number, r.k_trials as number,
                fmt(iccOf(r, 'ICC(1,1)')), fmt(iccOf(r, 'ICC(2,1)')), fmt(iccOf(r, 'ICC(3,1)')),
                r.ci_lower === undefined ? '–' : `${formatNumber(r.ci_lower as number)} – ${formatNumber(r.ci_upper as number)}`,
                fmt(r.sem_from_icc), fmt(r.mdc95_from_icc), fmt(r.sem_from_ms_error), fmt(r.mdc95_from_ms_error),
              ],
        ),
        alignRight: [keyHead.length + 1, keyHead.length + 2, keyHead.length + 3, keyHead.length + 4, keyHead.length + 5, keyHead.length + 7, keyHead.length + 8, keyHead.length + 9, keyHead.length + 10],
      },
      colour,
    ),
  );
  parts.push(
    renderTable(
      {
        title: 'Bland–Altman agreement (first − second; 95 % limits of agreement)',
        head: [...keyHead, 'measure', 'between', 'n', 'bias', 'lower LoA', 'upper LoA'],
        rows: tables.agreement.rows.map((r) => [
          ...keyOf(r) as string[], r.measure as string, `${r.between} ${r.first} − ${r.second}`, r.n as number,
          r.bias === undefined ? (r.note as string) : fmt(r.bias), fmt(r.loa_lower), fmt(r.loa_upper),
        ]),
        alignRight: [keyHead.length + 2, keyHead.length + 3, keyHead.length + 4, keyHead.length + 5],
      },
      colour,
    ),
  );
  const asym = a.records.filter((r) => r.side === 'L-R');
  if (asym.length > 0) {
    const byGroup = new Map<string, { cell: string; group: string; measure: string; values: number[] }>();
    for (const r of asym) {
      const id = [describeCell({ ...r, side: '' }), r.group, r.measure].join('\u0000');
      const e = byGroup.get(id) ?? { cell: describeCell({ ...r, side: 'L-R' }), group: r.group, measure: r.measure, values: [] };
      e.values.push(r.value);
      byGroup.set(id, e);
    }
    parts.push(
      renderTable(
        {
          title: 'side-to-side asymmetry (mean ± SD over subjects; (L − R)/mean × 100, |L − R|/max × 100)',
          head: ['cell', 'group', 'measure', 'n', 'mean ± SD'],
          rows: [...byGroup.values()].map((e) => [e.cell, e.group, e.measure, e.values.length, ms(e.values)]),
          alignRight: [3, 4],
        },
        colour,
      ),
    );
  }
  if (a.sessionChanges.length > 0) {
    parts.push(`${a.sessionChanges.length} pre/post changes against the baseline MDC95: --csv --table sessions\n`);
  }
  parts.push('per-subject records: --csv; other tables: --csv --table NAME or --out-dir DIR; everything: --json\n');
  return parts.join('\n');
}

export const thicknessCommand: CommandModule = {
  name: 'thickness',
  register(program: Command): Command {
    const cmd = program
      .command('thickness')
      .description('RUSI percent thickness change per subject, trial-to-trial reliability (ICC, SEM, MDC95, Bland–Altman) and side-to-side asymmetry')
      .argument('<table>', 'thickness table, long (condition, thickness_mm) or wide (rest_mm, contracted_mm) form')
      .addOption(new Option('--change-from <how>', 'per-subject change: mean of per-trial changes, or change of the mean thicknesses').choices(['trials', 'means']).default('trials'))
      .option('--conf-level <p>', 'confidence level of ICC and Bland–Altman intervals', '0.95')
      .option('--sem-icc <form>', 'ICC form for SEM = SD·√(1−ICC) and the MDC95 checks (Shrout–Fleiss or McGraw–Wong name)', SEM_DEFAULT_ICC)
      .addOption(new Option('--sem-from <which>', 'SEM behind the MDC95 checks: SD·√(1−ICC) or √MS_error').choices(['icc', 'ms-error']).default('icc'))
      .option('--agreement-trials <a,b>', 'trials compared by Bland–Altman (default: the first two of each muscle and side)')
      .option('--raters <a,b>', 'raters compared by Bland–Altman on subject means (default: the two raters when the table has exactly two)')
      .option('--reference <group>', 'group subtracted in group differences: focal − reference (default: the one group named like a control group)')
      .option('--sessions <list>', 'sessions in time order, baseline first (default: natural order)')
      .option('--symptom-side <column>', 'column holding each subject\'s symptom side, L/R/bilateral (default: symptom_side when present)')
      .option('--participants <file>', 'participants table (BIDS participants.tsv) holding the symptom-side column')
      .addOption(new Option('--table <name>', 'table printed by --csv').choices([...THICKNESS_TABLES]).default('records'))
      .option('--out-dir <dir>', 'also write every table as thickness-<table>.csv in this directory');
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, io: Io): Promise<CommandResult> {
    const o = options as unknown as ThicknessOptions;
    const path = args[0];
    const { table, warnings } = await readThickness(path);
    const inputs: InputRef[] = [{ path, sha256: await sha256File(path) }];
    const { params, referenceRule } = resolveParams(o, table);

    let symptomColumn: string | null = null;
    let symptomSource: string | null = null;
    let symptomSides = new Map<string, string>();
    const tableColumn = table.extraColumns.find((c) => c.trim().toLowerCase() === (o.symptomSide ?? 'symptom_side').toLowerCase());
    if (tableColumn !== undefined) {
      symptomSides = symptomSidesFromTable(table, tableColumn);
      symptomColumn = tableColumn;
      symptomSource = path;
    } else if (o.participants !== undefined) {
      const r = await symptomSidesFromParticipants(o.participants, o.symptomSide);
      symptomSides = r.sides;
      symptomColumn = r.column;
      symptomSource = o.participants;
      inputs.push({ path: o.participants, sha256: await sha256File(o.participants) });
    } else if (o.symptomSide !== undefined) {
      throw new UsageError(`--symptom-side column "${o.symptomSide}" is not in ${path} (columns beyond the thickness ones: ${table.extraColumns.join(', ') || 'none'}); give --participants FILE to read it from there`);
    }
    const subjects = new Set(table.rows.map((r) => r.subject));
    const unknownSides = [...new Set([...symptomSides.values()].filter((v) => v !== 'L' && v !== 'R' && v.toLowerCase() !== 'bilateral'))];
    if (unknownSides.length > 0) warnings.push(`${symptomSource}: symptom side values ${unknownSides.map((v) => `"${v}"`).join(', ')} are neither L, R nor bilateral; no ipsilateral comparison for those subjects`);
    if (symptomColumn !== null && ![...subjects].some((s) => symptomSides.has(s))) warnings.push(`${symptomSource}: no subject of ${path} has a symptom side in column "${symptomColumn}"`);

    const analysis = analyseThickness(table, symptomSides, params);
    if (!analysis.records.some((r) => r.measure === 'change_pct')) {
      throw new InputError({ file: path }, 'no subject has a trial with both a rest and a contracted thickness, so there is no percent change to report');
    }
    warnings.push(...analysis.warnings);
    if (params.referenceGroup === null && thicknessDesign(table).groups.length > 1) {
      warnings.push(`no group differences against the MDC: no single group is named like a control group (groups: ${thicknessDesign(table).groups.join(', ')}); name the reference with --reference`);
    }
    const design = thicknessDesign(table);
    const keys: KeyColumns = (['level', 'session', 'rater'] as const).filter((k) => table.rows.some((r) => r[k] !== undefined));
    const tables = thicknessTables(analysis, params.semIcc, keys);
    const tableName = o.table as ThicknessTableName;
    const written: string[] = [];
    if (o.outDir !== undefined) {
      for (const name of THICKNESS_TABLES) {
        const file = join(o.outDir, `thickness-${name}.csv`);
        await writeFileAtomic(file, toCsv(tables[name].rows, { columns: tables[name].columns }));
        written.push(file);
      }
      io.stderr(`myoscope: wrote ${written.length} tables to ${o.outDir}\n`);
    }
    const count = (k: string) => analysis.issues.filter((i) => i.kind === k).length;
    return {
      command: 'thickness',
      params: {
        table: path,
        change_from: params.changeFrom,
        conf_level: params.confLevel,
        sem_icc: params.semIcc,
        sem_from: params.semFrom,
        mdc_definition: `MDC95 = 1.96·√2·SEM of one trial's value, SEM = ${params.semFrom === 'icc' ? `SD·√(1 − ${params.semIcc})` : `√MS_error of the ${params.semIcc} model`}, from the trial-to-trial reliability of each muscle × side${keys.length ? ` × ${keys.join(' × ')}` : ''}`,
        agreement_trials: params.agreementTrials,
        raters: params.raters,
        reference_group: params.referenceGroup,
        reference_group_rule: referenceRule,
        focal_groups: params.focalGroups,
        sessions: params.sessions,
        symptom_side_column: symptomColumn,
        symptom_side_source: symptomSource,
        participants: o.participants ?? null,
        table_printed: tableName,
        out_dir: o.outDir ?? null,
      },
      inputs,
      results: tables.records.rows,
      warnings,
      extra: {
        design: { form: table.form, groups: design.groups, sessions: design.sessions, raters: design.raters, trials: design.trials, key_columns: keys },
        reliability: reliabilityJson(analysis.reliability, params.semIcc),
        agreement: tables.agreement.rows,
        differences: tables.differences.rows,
        session_changes: tables.sessions.rows,
        pairing: { unpaired_rows: count('unpaired'), missing_trials: count('missing-trial'), cells_without_pair: count('no-pair'), issues: tables.pairing.rows },
        ...(written.length ? { written } : {}),
      },
      csv: { records: tables[tableName].rows, columns: tables[tableName].columns },
      human: ({ colour }) => human(analysis, tables, params, path, keys, colour),
    };
  },
};
