import { ICC_FORMS, type IccFormLabel, type IccResult } from '../stats/icc.js';
import type { AgreementCell } from './thickness-agreement.js';
import { cellKeyOf } from './thickness-cells.js';
import type { ThicknessAnalysis } from './thickness-analysis.js';
import type { GroupDifference } from './thickness-group-differences.js';
import type { PairingIssue } from './thickness-pairing.js';
import { droppedSubjects, type ReliabilityCell } from './thickness-reliability.js';
import type { SessionChange } from './thickness-session-changes.js';

/** A tidy table: rows of snake_case keys and the column order for CSV. */
export interface TidyTable {
  rows: Record<string, unknown>[];
  columns: string[];
}

/** The tables `myoscope thickness` can print or write, by the name `--table` takes. */
export const THICKNESS_TABLES = ['records', 'reliability', 'agreement', 'differences', 'sessions', 'pairing'] as const;
export type ThicknessTableName = (typeof THICKNESS_TABLES)[number];

/** Which optional key columns the table has (level, session, rater), in that order. */
export type KeyColumns = ('level' | 'session' | 'rater')[];

const RELIABILITY_COLUMNS = [
  'measure', 'unit', 'n_subjects', 'k_trials', 'trials', 'dropped_subjects',
  'icc_form', 'mcgraw_wong', 'model', 'type', 'measures', 'icc', 'ci_lower', 'ci_upper', 'conf_level', 'f_value', 'df1', 'df2', 'p',
  'sd_all', 'sem_from_icc', 'mdc95_from_icc', 'error_term', 'ms_error', 'sem_from_ms_error', 'mdc95_from_ms_error', 'sem_default', 'note',
];

/** One ICC form of a cell: coefficient, CI, F test, and SEM/MDC95 from that form. */
function formFields(result: IccResult, c: ReliabilityCell, label: IccFormLabel, semIcc: IccFormLabel): Record<string, unknown> {
  const f = result.forms[label];
  const s = c.sem[label];
  const row: Record<string, unknown> = {
    icc_form: f.form,
    mcgraw_wong: f.mcgrawWong,
    model: f.model,
    type: f.type,
    measures: f.measures,
    icc: f.icc ?? null,
    conf_level: result.confLevel,
  };
  if (f.ok) Object.assign(row, { ci_lower: f.ciLower, ci_upper: f.ciUpper, f_value: f.fValue, df1: f.df1, df2: f.df2, p: f.p });
  if (s?.ok) {
    Object.assign(row, {
      sd_all: s.sdAll,
      sem_from_icc: s.semFromIcc,
      mdc95_from_icc: s.mdc95FromIcc,
      error_term: s.msErrorTerm,
      ms_error: s.msError,
      sem_from_ms_error: s.semFromMsError,
      mdc95_from_ms_error: s.mdc95FromMsError,
    });
  }
  row.sem_default = label === semIcc;
  if (!f.ok) row.note = f.reason;
  return row;
}

/**
 * Reliability, one row per cell × measure × ICC form (Shrout–Fleiss label with the McGraw–Wong
 * name, CI, F test, SEM and MDC95 from that form); `sem_default` marks the form chosen for the
 * MDC checks. A cell with no ICC at all has one row with its reason in `note`.
 */
export function reliabilityTable(cells: readonly ReliabilityCell[], semIcc: IccFormLabel, keys: KeyColumns): TidyTable {
  const rows: Record<string, unknown>[] = [];
  for (const c of cells) {
    const base = {
      ...cellKeyOf(c),
      measure: c.measure,
      unit: c.unit,
      n_subjects: c.icc.nSubjects,
      k_trials: c.icc.kTrials,
      trials: c.trials.join(' '),
      dropped_subjects: droppedSubjects(c).join(' '),
    };
    const r = c.icc;
    if (!r.ok) rows.push({ ...base, note: r.reason });
    else for (const label of ICC_FORMS) rows.push({ ...base, ...formFields(r, c, label, semIcc) });
  }
  return { rows, columns: ['muscle', 'side', ...keys, ...RELIABILITY_COLUMNS] };
}

/** The reliability cells for JSON: one object per cell × measure with its mean squares and forms. */
export function reliabilityJson(cells: readonly ReliabilityCell[], semIcc: IccFormLabel): Record<string, unknown>[] {
  return cells.map((c) => {
    const out: Record<string, unknown> = {
      ...cellKeyOf(c),
      measure: c.measure,
      unit: c.unit,
      n_subjects: c.icc.nSubjects,
      k_trials: c.icc.kTrials,
      trials: c.trials,
      subjects: c.subjects,
      dropped_subjects: droppedSubjects(c),
      ok: c.icc.ok,
      sem_icc: semIcc,
    };
    const r = c.icc;
    if (r.ok) {
      const m = r.meanSquares;
      out.mean_squares = {
        ms_rows: m.msRows, ms_columns: m.msColumns, ms_error: m.msError, ms_within: m.msWithin,
        df_rows: m.dfRows, df_columns: m.dfColumns, df_error: m.dfError, df_within: m.dfWithin, ss_total: m.ssTotal,
      };
      out.forms = ICC_FORMS.map((label) => formFields(r, c, label, semIcc));
    } else {
      out.reason = r.reason;
    }
    return out;
  });
}

const AGREEMENT_COLUMNS = [
  'measure', 'unit', 'between', 'first', 'second', 'n', 'n_dropped', 'bias', 'sd_diff', 'loa_lower', 'loa_upper', 'loa_multiplier',
  'conf_level', 't_quantile', 'bias_ci_lower', 'bias_ci_upper', 'loa_lower_ci_lower', 'loa_lower_ci_upper', 'loa_upper_ci_lower', 'loa_upper_ci_upper',
  'ci_method', 'note',
];

/** Bland–Altman rows: bias (first − second), limits of agreement and their approximate CIs. */
export function agreementTable(cells: readonly AgreementCell[], keys: KeyColumns): TidyTable {
  const rows = cells.map((a) => {
    const row: Record<string, unknown> = {
      ...cellKeyOf(a),
      measure: a.measure,
      unit: a.unit,
      between: a.between,
      first: a.first,
      second: a.second,
      n: a.result.n,
      n_dropped: a.result.droppedIndices.length,
    };
    const r = a.result;
    if (!r.ok) return { ...row, note: r.reason };
    return {
      ...row,
      bias: r.bias,
      sd_diff: r.sdDiff,
      loa_lower: r.loaLower,
      loa_upper: r.loaUpper,
      loa_multiplier: r.loaMultiplier,
      conf_level: r.confLevel,
      t_quantile: r.tQuantile,
      bias_ci_lower: r.biasCiLower,
      bias_ci_upper: r.biasCiUpper,
      loa_lower_ci_lower: r.loaLowerCiLower,
      loa_lower_ci_upper: r.loaLowerCiUpper,
      loa_upper_ci_lower: r.loaUpperCiLower,
      loa_upper_ci_upper: r.loaUpperCiUpper,
      ci_method: r.ciMethod,
    };
  });
  return { rows, columns: ['muscle', 'side', ...keys, ...AGREEMENT_COLUMNS] };
}

/** Group differences of the per-subject means against the MDC95. */
export function differencesTable(diffs: readonly GroupDifference[], keys: KeyColumns): TidyTable {
  const rows = diffs.map((d) => ({
    ...cellKeyOf(d),
    measure: d.measure,
    unit: d.unit,
    reference_group: d.referenceGroup,
    focal_group: d.focalGroup,
    n_reference: d.nReference,
    n_focal: d.nFocal,
    mean_reference: d.meanReference,
    mean_focal: d.meanFocal,
    difference: d.difference,
    mdc95: d.mdc95,
    below_mdc: d.belowMdc,
  }));
  return {
    rows,
    columns: ['muscle', 'side', ...keys, 'measure', 'unit', 'reference_group', 'focal_group', 'n_reference', 'n_focal', 'mean_reference', 'mean_focal', 'difference', 'mdc95', 'below_mdc'],
  };
}

/** Pre/post changes per subject against the baseline session's MDC95. */
export function sessionsTable(changes: readonly SessionChange[], keys: KeyColumns): TidyTable {
  const rows = changes.map((c) => ({
    subject: c.subject,
    group: c.group,
    muscle: c.muscle,
    side: c.side,
    level: c.level,
    rater: c.rater,
    measure: c.measure,
    unit: c.unit,
    session_from: c.sessionFrom,
    session_to: c.sessionTo,
    value_from: c.valueFrom,
    value_to: c.valueTo,
    change: c.change,
    mdc95: c.mdc95,
    within_mdc: c.withinMdc,
  }));
  const k = keys.filter((c) => c !== 'session');
  return {
    rows,
    columns: ['subject', 'group', 'muscle', 'side', ...k, 'measure', 'unit', 'session_from', 'session_to', 'value_from', 'value_to', 'change', 'mdc95', 'within_mdc'],
  };
}

/** Every unpaired row, missing trial and subject cell without a pair. */
export function pairingTable(issues: readonly PairingIssue[], keys: KeyColumns): TidyTable {
  const rows = issues.map((i) => ({
    kind: i.kind,
    subject: i.subject,
    ...cellKeyOf(i),
    trial: i.trial,
    condition: i.condition,
    line: i.line,
    message: i.message,
  }));
  return { rows, columns: ['kind', 'subject', 'muscle', 'side', ...keys, 'trial', 'condition', 'line', 'message'] };
}

/** The per-subject records; the optional columns appear only when some record has them. */
export function recordsTable(a: ThicknessAnalysis, keys: KeyColumns): TidyTable {
  const rows = a.records as unknown as Record<string, unknown>[];
  const optional = ['symptom_side', 'side_to_symptoms', 'smaller_side'].filter((c) => rows.some((r) => r[c] !== undefined));
  return { rows, columns: ['subject', 'group', 'muscle', 'side', ...keys, 'measure', 'value', 'unit', ...optional] };
}

/** Every table of an analysis, by name. */
export function thicknessTables(a: ThicknessAnalysis, semIcc: IccFormLabel, keys: KeyColumns): Record<ThicknessTableName, TidyTable> {
  return {
    records: recordsTable(a, keys),
    reliability: reliabilityTable(a.reliability, semIcc, keys),
    agreement: agreementTable(a.agreement, keys),
    differences: differencesTable(a.differences, keys),
    sessions: sessionsTable(a.sessionChanges, keys),
    pairing: pairingTable(a.issues, keys),
  };
}
