import type { CiEnd, CompareRecord, TBlock } from '../pipeline/compare-record.js';
import type { PrimaryTest } from '../pipeline/compare-run.js';

/** U+2212, the minus sign APA typesetting uses (not the hyphen). */
const MINUS = '\u2212';

/** `x` to `digits` decimals with a true minus sign; a value that rounds to zero has no sign. */
export function apaFixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  if (/^-0\.?0*$/.test(s)) return s.slice(1);
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/** APA p: three decimals without the leading zero, `p < .001` below that, `p > .999` above. */
export function apaP(p: number): string {
  if (p < 0.001) return 'p < .001';
  const s = p.toFixed(3);
  if (s === '1.000') return 'p > .999';
  return `p = ${s.replace(/^0/, '')}`;
}

function end(x: CiEnd, digits: number): string {
  if (x === '-Inf') return `${MINUS}\u221e`;
  if (x === 'Inf') return '\u221e';
  return x === null ? '?' : apaFixed(x, digits);
}

/** ` [low, high]` of an interval, with ∞ for an open end. */
function interval(low: CiEnd, high: CiEnd): string {
  return low === null || high === null ? '' : ` [${end(low, 2)}, ${end(high, 2)}]`;
}

function tPart(block: TBlock, dfDigits: number): string | null {
  if (block.t === null || block.df === null || block.p === null) return null;
  return `t(${apaFixed(block.df, dfDigits)}) = ${apaFixed(block.t, 2)}, ${apaP(block.p)}`;
}

function rankStatistic(x: number): string {
  return Number.isInteger(x) ? String(x) : apaFixed(x, 1);
}

/**
 * The APA-style result of one comparison's primary test with its effect size, e.g.
 * `t(27.4) = −2.31, p = .029, g = −0.82 [−1.55, −0.08]` (Welch; Student and paired t give
 * whole df), `W = 52, p = .041, r_rb = −0.31` (Mann–Whitney), `t(19) = 2.10, p = .049,
 * d_z = 0.47 [0.01, 0.93]` (paired), `V = 160, p = .021, d_z = …` (signed rank). Statistics to 2
 * decimals, Welch df to 1, p as APA; a test that could not be computed gives its reason.
 */
export function apaLine(record: CompareRecord, test: PrimaryTest): string {
  const unavailable = (name: string, reason: string | undefined) => `${name} not computed: ${reason ?? 'no value'}`;
  if (record.design === 'paired') {
    const es = record.effect_size;
    const dz = es.cohens_dz === null ? '' : `, d_z = ${apaFixed(es.cohens_dz, 2)}${interval(es.cohens_dz_ci_low, es.cohens_dz_ci_high)}`;
    if (test === 'wilcoxon') {
      const w = record.wilcoxon_signed_rank;
      if (w.v === null || w.p === null) return unavailable('Wilcoxon V', w.reason);
      return `V = ${rankStatistic(w.v)}, ${apaP(w.p)}${dz}`;
    }
    const t = tPart(record.paired_t, 0);
    return t === null ? unavailable('paired t', record.paired_t.reason) : t + dz;
  }
  const es = record.effect_size;
  const g = es.hedges_g === null ? '' : `, g = ${apaFixed(es.hedges_g, 2)}${interval(es.hedges_g_ci_low, es.hedges_g_ci_high)}`;
  if (record.design === 'independent' && test === 'mann-whitney') {
    const mw = record.mann_whitney;
    if (mw.w === null || mw.p === null) return unavailable('Mann\u2013Whitney W', mw.reason);
    const rb = record.effect_size.rank_biserial;
    return `W = ${rankStatistic(mw.w)}, ${apaP(mw.p)}${rb === null ? '' : `, r_rb = ${apaFixed(rb, 2)}`}`;
  }
  if (record.design === 'independent' && test === 'student') {
    const t = tPart(record.student, 0);
    return t === null ? unavailable('Student t', record.student.reason) : t + g;
  }
  const t = tPart(record.welch, 1);
  return t === null ? unavailable('Welch t', record.welch.reason) : t + g;
}
