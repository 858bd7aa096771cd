/** The tidy rows of a study's outputs, and how command results become them. */

/** One per trial (or window) × channel × measure: `trials.csv`. */
export interface TrialRow {
  subject: string;
  group: string;
  session: string;
  task: string;
  run: string;
  file: string;
  step: string;
  trial: string;
  channel: string;
  muscle: string;
  side: string;
  method: string;
  measure: string;
  value: number | null;
  unit: string;
  flags: string;
}

export const TRIAL_COLUMNS: (keyof TrialRow)[] = [
  'subject', 'group', 'session', 'task', 'run', 'file', 'step', 'trial', 'channel', 'muscle', 'side', 'method', 'measure', 'value', 'unit', 'flags',
];

/** One per subject × step × channel/muscle/side × measure: `subjects.csv`. */
export interface SubjectRow {
  subject: string;
  group: string;
  session: string;
  task: string;
  step: string;
  channel: string;
  muscle: string;
  side: string;
  measure: string;
  value: number | null;
  unit: string;
  /** Trials the value is the mean of (1 for measures that are per subject already). */
  n: number;
}

export const SUBJECT_COLUMNS: (keyof SubjectRow)[] = ['subject', 'group', 'session', 'task', 'step', 'channel', 'muscle', 'side', 'measure', 'value', 'unit', 'n'];

const KEY_FIELDS = new Set(['subject', 'group', 'session', 'task', 'run', 'file', 'path', 'trial', 'channel', 'muscle', 'side', 'method', 'flags', 'measure', 'value', 'unit', 'level', 'rater', 'kind', 'formula', 'n']);

/** Unit from a snake_case key's suffix (`latency_ms` → ms). */
export function unitFromKey(key: string): string {
  const m = /_(ms|s|hz|pct|mm|uv|mv|v|deg)$/.exec(key);
  if (!m) return '';
  return { ms: 'ms', s: 's', hz: 'Hz', pct: '%', mm: 'mm', uv: 'uV', mv: 'mV', v: 'V', deg: 'deg' }[m[1]] ?? '';
}

/**
 * The value of a key column that does not apply to a row (the side of a GMed_R/ES_R ratio, the
 * channel of a thickness): BIDS's `n/a`, so every stratum has a level and R reads it as text.
 */
export const NOT_APPLICABLE = 'n/a';

const str = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(';') : String(v));

/**
 * Long rows from a command's tidy records: records that already have `measure`/`value` pass as
 * they are; otherwise every number or boolean field that is not an identifying key becomes one row
 * (booleans as 1/0, unit `bool`). Missing values (`null`) stay as rows with no value, so nothing is
 * silently dropped.
 */
export function toLongRows(records: Record<string, unknown>[], base: Omit<TrialRow, 'trial' | 'channel' | 'muscle' | 'side' | 'method' | 'measure' | 'value' | 'unit' | 'flags'>, channelMap: Record<string, { muscle: string; side?: string }>): TrialRow[] {
  const rows: TrialRow[] = [];
  // A field that is boolean in some records (feedforward) keeps the unit `bool` where it is null.
  const booleanKeys = new Set<string>();
  for (const r of records) for (const [k, v] of Object.entries(r)) if (typeof v === 'boolean') booleanKeys.add(k);
  for (const r of records) {
    const channel = str(r.channel);
    const mapped = channelMap[channel];
    const common = {
      ...base,
      task: base.task || NOT_APPLICABLE,
      trial: str(r.trial),
      channel: channel || NOT_APPLICABLE,
      muscle: str(r.muscle) || mapped?.muscle || NOT_APPLICABLE,
      side: str(r.side) || mapped?.side || NOT_APPLICABLE,
      method: str(r.method),
      flags: str(r.flags),
    };
    if ('measure' in r && 'value' in r) {
      const v = r.value;
      rows.push({ ...common, measure: str(r.measure), value: typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null, unit: str(r.unit) });
      continue;
    }
    for (const [k, v] of Object.entries(r)) {
      if (KEY_FIELDS.has(k)) continue;
      if (typeof v === 'number') rows.push({ ...common, measure: k, value: Number.isFinite(v) ? v : null, unit: unitFromKey(k) });
      else if (typeof v === 'boolean') rows.push({ ...common, measure: k, value: v ? 1 : 0, unit: 'bool' });
      else if (v === null) rows.push({ ...common, measure: k, value: null, unit: booleanKeys.has(k) ? 'bool' : unitFromKey(k) });
    }
  }
  return rows;
}
