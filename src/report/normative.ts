import { mean, normalCdf, variance } from '../stats/index.js';
import { isBookkeeping, measureLabel, siteName } from './measure-names.js';
import { ordinal } from './ordinal.js';
import type { SubjectRow } from '../study/rows.js';

/** The columns that say what a per-subject value is (with `measure`). */
export const STRATUM_KEYS = ['step', 'task', 'channel', 'muscle', 'side'] as const;
export type StratumKey = (typeof STRATUM_KEYS)[number];

/** One per-subject value as `subjects.csv` holds it (the runner's own row type). */
export type SubjectValue = SubjectRow;

/** Normative mean and SD of one measure (in a stratum), and where they come from. */
export interface ReferenceStats {
  mean: number;
  sd: number;
  n: number | null;
}

/** One row of a reference file: measure, optional stratum columns (blank = any), mean, SD, n. */
export interface ReferenceFileRow {
  measure: string;
  keys: Partial<Record<StratumKey, string>>;
  mean: number;
  sd: number;
  n: number | null;
  /** 1-based line in the file, for messages. */
  line: number;
}

/** A patient's value against the reference: z, percentile and a sentence in plain words. */
export interface NormativeResult {
  subject: string;
  session: string;
  step: string;
  task: string;
  channel: string;
  muscle: string;
  side: string;
  measure: string;
  unit: string;
  value: number;
  reference_mean: number | null;
  reference_sd: number | null;
  reference_n: number | null;
  /** (value − reference mean) / reference SD. */
  z: number | null;
  /** 100 · Φ(z): the percentile if the reference values are normally distributed. */
  percentile: number | null;
  wording: string;
  /** Why there is no z (no reference for this measure, SD of zero, fewer than 2 reference subjects). */
  reason: string | null;
}

const keyOf = (r: Pick<SubjectValue, StratumKey | 'measure'>) => [r.measure, ...STRATUM_KEYS.map((k) => r[k])].join('\u0000');

/**
 * Per-stratum mean and SD (n − 1) of a reference group's per-subject values, one session only
 * (`session`; `''` in a study without sessions). Subjects in `exclude` (the patient, when the
 * patient belongs to the reference group) are left out.
 */
export function referenceFromGroup(rows: readonly SubjectValue[], group: string, session: string, exclude: ReadonlySet<string>): Map<string, ReferenceStats | { n: number; reason: string }> {
  const values = new Map<string, number[]>();
  for (const r of rows) {
    if (r.group !== group || r.session !== session || exclude.has(r.subject) || r.value === null || isBookkeeping(r.measure)) continue;
    const k = keyOf(r);
    const list = values.get(k) ?? [];
    list.push(r.value);
    values.set(k, list);
  }
  const out = new Map<string, ReferenceStats | { n: number; reason: string }>();
  for (const [k, v] of values) {
    if (v.length < 2) out.set(k, { n: v.length, reason: `only ${v.length} subject in the reference group has this value` });
    else out.set(k, { mean: mean(v), sd: Math.sqrt(variance(v)), n: v.length });
  }
  return out;
}

/** The most specific reference-file row for a value (the one matching the most stratum columns). */
export function matchReferenceRow(rows: readonly ReferenceFileRow[], v: Pick<SubjectValue, StratumKey | 'measure'>): ReferenceFileRow | undefined {
  let best: ReferenceFileRow | undefined;
  let bestScore = -1;
  for (const r of rows) {
    if (r.measure !== v.measure) continue;
    let score = 0;
    let ok = true;
    for (const k of STRATUM_KEYS) {
      const want = r.keys[k];
      if (want === undefined || want === '') continue;
      if (want !== v[k]) {
        ok = false;
        break;
      }
      score++;
    }
    if (ok && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

function fmt(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s.replace(/^-/, '\u2212');
}

/** A percentile as words: "4th percentile", "below the 1st percentile", "above the 99th percentile". */
export function percentileWords(p: number): string {
  if (p < 1) return 'below the 1st percentile';
  if (p > 99) return 'above the 99th percentile';
  return `${ordinal(Math.round(p))} percentile`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The sentence for one value against its reference, from a template:
 * "Left erector spinae % thickness change 1.8 SD below the reference group (4th percentile)."
 * |z| under 0.05 reads "at the reference group's mean".
 */
export function zWording(r: { muscle: string; side: string; channel: string; measure: string }, z: number, percentile: number, referenceName: string): string {
  const site = siteName(r);
  const subject = capitalise(`${site ? `${site} ` : ''}${measureLabel(r.measure)}`);
  const where = Math.abs(z) < 0.05 ? `at the mean of ${referenceName}` : `${fmt(Math.abs(z), 1)} SD ${z < 0 ? 'below' : 'above'} ${referenceName}`;
  return `${subject} ${where} (${percentileWords(percentile)}).`;
}

/**
 * z-scores and percentiles of a patient's values against reference statistics (`lookup` gives the
 * reference of each value, or the reason there is none). The percentile assumes the reference
 * values are normally distributed: 100 · Φ(z).
 */
export function normativeResults(
  patient: readonly SubjectValue[],
  lookup: (v: SubjectValue) => ReferenceStats | { n: number | null; reason: string },
  referenceName: string,
): NormativeResult[] {
  const out: NormativeResult[] = [];
  for (const v of patient) {
    if (v.value === null || isBookkeeping(v.measure)) continue;
    const ref = lookup(v);
    const base = { subject: v.subject, session: v.session, step: v.step, task: v.task, channel: v.channel, muscle: v.muscle, side: v.side, measure: v.measure, unit: v.unit, value: v.value };
    if ('reason' in ref) {
      out.push({ ...base, reference_mean: null, reference_sd: null, reference_n: ref.n, z: null, percentile: null, wording: '', reason: ref.reason });
      continue;
    }
    if (!(ref.sd > 0)) {
      out.push({ ...base, reference_mean: ref.mean, reference_sd: ref.sd, reference_n: ref.n, z: null, percentile: null, wording: '', reason: 'the reference SD is zero, so no z-score' });
      continue;
    }
    const z = (v.value - ref.mean) / ref.sd;
    const percentile = 100 * normalCdf(z);
    out.push({ ...base, reference_mean: ref.mean, reference_sd: ref.sd, reference_n: ref.n, z, percentile, wording: zWording(v, z, percentile, referenceName), reason: null });
  }
  return out;
}

