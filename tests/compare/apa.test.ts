import { describe, expect, it } from 'vitest';
import type { CompareRecord, IndependentRecord, PairedRecord } from '../../src/pipeline/compare-record.js';
import { apaFixed, apaLine, apaP } from '../../src/render/apa.js';

const base = {
  measure: 'thickness_change_pct',
  unit: '%',
  strata: { muscle: 'ES' },
  focal: 'LBP',
  reference: 'control',
  mean_difference: { estimate: -3.46, ci_low: -6.1, ci_high: -0.8, conf_level: 0.95, ci_from: 'welch' },
  p_adjusted: { holm: 0.058, bh: 0.029, of: 'welch', m: 2 },
};

function independent(over: Partial<IndependentRecord> = {}): IndependentRecord {
  return {
    ...base,
    design: 'independent',
    groups: {},
    welch: { t: -2.3104, df: 27.43, p: 0.0286 },
    student: { t: -2.29, df: 28, p: 0.0297 },
    mann_whitney: { w: 52.5, p: 0.0412, method: 'normal', hodges_lehmann: { estimate: -3, ci_low: -6, ci_high: -0.5, conf_level: 0.95 } },
    effect_size: {
      cohens_d: -0.84,
      hedges_g: -0.8213,
      hedges_g_ci_low: -1.5512,
      hedges_g_ci_high: -0.0791,
      glass_delta: -0.9,
      cliffs_delta: -0.31,
      rank_biserial: -0.3125,
    },
    ...over,
  } as IndependentRecord;
}

describe('APA-style line', () => {
  it('Welch: the documented example, with true minus signs', () => {
    expect(apaLine(independent(), 'welch')).toBe('t(27.4) = \u22122.31, p = .029, g = \u22120.82 [\u22121.55, \u22120.08]');
  });
  it('Student gives whole df; Mann-Whitney gives W and the rank-biserial r', () => {
    expect(apaLine(independent(), 'student')).toBe('t(28) = \u22122.29, p = .030, g = \u22120.82 [\u22121.55, \u22120.08]');
    expect(apaLine(independent(), 'mann-whitney')).toBe('W = 52.5, p = .041, r_rb = \u22120.31');
  });
  it('p below .001 and above .999; a value rounding to zero has no sign', () => {
    expect(apaP(3e-21)).toBe('p < .001');
    expect(apaP(0.001)).toBe('p = .001');
    expect(apaP(0.99951)).toBe('p > .999');
    expect(apaP(1)).toBe('p > .999');
    expect(apaFixed(-0.004, 2)).toBe('0.00');
    expect(apaFixed(-0.005001, 2)).toBe('\u22120.01');
    expect(apaFixed(12.345, 1)).toBe('12.3');
  });
  it('a one-sided interval shows its open end as infinity', () => {
    const r = independent({
      welch: { t: -2.3104, df: 27.43, p: 0.0143 },
      effect_size: { ...independent().effect_size, hedges_g_ci_low: '-Inf', hedges_g_ci_high: -0.2 },
    });
    expect(apaLine(r, 'welch')).toBe('t(27.4) = \u22122.31, p = .014, g = \u22120.82 [\u2212\u221e, \u22120.20]');
  });
  it('a test that could not be computed gives its reason', () => {
    const r = independent({ welch: { t: null, df: null, p: null, reason: 'group "LBP" has fewer than 2 values' } });
    expect(apaLine(r, 'welch')).toBe('Welch t not computed: group "LBP" has fewer than 2 values');
  });
  it('paired: t with d_z and its interval; signed rank with V', () => {
    const paired: PairedRecord = {
      ...base,
      design: 'paired',
      focal: 'post',
      reference: 'pre',
      n_pairs: 20,
      groups: {},
      mean_difference: { ...base.mean_difference, ci_from: 'paired_t' },
      paired_t: { t: 2.1, df: 19, p: 0.0493 },
      wilcoxon_signed_rank: { v: 160, p: 0.021, method: 'exact', n_nonzero: 20 },
      effect_size: { cohens_dz: 0.4696, cohens_dz_ci_low: 0.0012, cohens_dz_ci_high: 0.93, cohens_dav: 0.45 },
      p_adjusted: { ...base.p_adjusted, of: 'paired_t' },
    };
    expect(apaLine(paired as CompareRecord, 'paired-t')).toBe('t(19) = 2.10, p = .049, d_z = 0.47 [0.00, 0.93]');
    expect(apaLine(paired as CompareRecord, 'wilcoxon')).toBe('V = 160, p = .021, d_z = 0.47 [0.00, 0.93]');
  });
});
