import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeWording, isRealChange } from '../../src/report/change-wording.js';
import { decimateMinMax } from '../../src/report/decimate-min-max.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { matchReferenceRow, normativeResults, percentileWords, referenceFromGroup, zWording, type SubjectValue } from '../../src/report/normative.js';
import { ordinal } from '../../src/report/ordinal.js';
import { makePseudonymizer, pseudonym } from '../../src/report/pseudonym.js';
import { spreadsheetText } from '../../src/report/spreadsheet-text.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { ROOT } from '../helpers/run-cli.js';

const REF = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/report/reference.json'), 'utf8')) as {
  key: string;
  pseudonyms: Record<string, string>;
  reference: number[];
  reference_mean: number;
  reference_sd: number;
  normative: { value: number; z: number; percentile: number }[];
};

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`a"b'c&d`)).toBe('a&quot;b&#39;c&amp;d');
  });
  it('leaves no character that could open a tag or end an attribute (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>"']/.test(escapeHtml(s)) && !/&(?!(amp|lt|gt|quot|#39);)/.test(escapeHtml(s))), { seed: 7 });
  });
});

describe('spreadsheetText', () => {
  it('neutralises formulas and leaves numbers and plain text', () => {
    expect(spreadsheetText('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(spreadsheetText('+cmd')).toBe("'+cmd");
    expect(spreadsheetText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetText('-1.5')).toBe('-1.5');
    expect(spreadsheetText('sub-C01')).toBe('sub-C01');
  });
});

describe('pseudonyms', () => {
  it('match HMAC-SHA256 computed by Python hmac (first 10 hex characters)', () => {
    for (const [id, want] of Object.entries(REF.pseudonyms)) expect(pseudonym(id, REF.key)).toBe(want);
  });
  it('change with the key', () => {
    expect(pseudonym('sub-C01', 'other key')).not.toBe(REF.pseudonyms['sub-C01']);
  });
  it('replace whole IDs in free text, longest first, never inside a longer name', () => {
    const p = makePseudonymizer(['sub-1', 'sub-10'], REF.key);
    const text = p.text('emg/sub-10/sub-10_task-x.csv and sub-1; sub-100 stays');
    expect(text).toBe(`emg/${pseudonym('sub-10', REF.key)}/${pseudonym('sub-10', REF.key)}_task-x.csv and ${pseudonym('sub-1', REF.key)}; sub-100 stays`);
    expect(p.id('sub-1')).toBe(pseudonym('sub-1', REF.key));
  });
  it('without a key change nothing', () => {
    const p = makePseudonymizer(['sub-1'], undefined);
    expect(p.active).toBe(false);
    expect(p.text('sub-1')).toBe('sub-1');
  });
});

describe('decimateMinMax', () => {
  it('keeps every sample of a short trace, with times from the start', () => {
    const d = decimateMinMax(new Float64Array([1, 2, 3]), 1000, 0.5, 10);
    expect(d.values).toEqual([1, 2, 3]);
    expectAllClose(d.timeS, [0.5, 0.501, 0.502], { rtol: 0, atol: 1e-15 });
  });
  it('keeps the extremes of every bucket, in time order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 50, maxLength: 400 }), fc.integer({ min: 2, max: 20 }), (xs, buckets) => {
        const x = Float64Array.from(xs);
        const d = decimateMinMax(x, 100, 0, buckets);
        const sortedTimes = [...d.timeS].every((t, i, a) => i === 0 || a[i - 1] < t);
        return sortedTimes && d.values.includes(Math.max(...xs)) && d.values.includes(Math.min(...xs)) && d.values.length <= 2 * buckets;
      }),
      { seed: 11 },
    );
  });
});

const row = (subject: string, group: string, value: number | null, over: Partial<SubjectValue> = {}): SubjectValue => ({
  subject, group, session: '', task: 'n/a', step: 'thickness', channel: 'n/a', muscle: 'ES', side: 'L', measure: 'change_pct', value, unit: '%', n: 1, ...over,
});

describe('normative comparison', () => {
  const rows = REF.reference.map((v, i) => row(`c${i}`, 'control', v));
  it('reference mean, SD, z and percentile match numpy and scipy.stats.norm.cdf', () => {
    const stats = referenceFromGroup(rows, 'control', '', new Set());
    const s = [...stats.values()][0] as { mean: number; sd: number; n: number };
    expectAllClose([s.mean, s.sd], [REF.reference_mean, REF.reference_sd], { rtol: 1e-14, atol: 0 });
    expect(s.n).toBe(REF.reference.length);
    const out = normativeResults(REF.normative.map((x, i) => row(`p${i}`, 'LBP', x.value)), () => s, 'the reference group');
    expectAllClose(out.map((r) => r.z as number), REF.normative.map((x) => x.z), { rtol: 1e-13, atol: 1e-15 });
    // Percentiles far in the tail come from a different erfc implementation: relative 1e-12.
    expectAllClose(out.map((r) => r.percentile as number), REF.normative.map((x) => x.percentile), { rtol: 1e-12, atol: 0 });
  });
  it('leaves the patient out of their own reference group', () => {
    const stats = referenceFromGroup([...rows, row('p', 'control', 100)], 'control', '', new Set(['p']));
    expect(([...stats.values()][0] as { n: number }).n).toBe(REF.reference.length);
  });
  it('gives a reason instead of a z when the reference cannot give one', () => {
    const one = referenceFromGroup([row('c', 'control', 3)], 'control', '', new Set());
    expect([...one.values()][0]).toEqual({ n: 1, reason: 'only 1 subject in the reference group has this value' });
    const flat = normativeResults([row('p', 'LBP', 2)], () => ({ mean: 1, sd: 0, n: 5 }), 'x');
    expect(flat[0].z).toBeNull();
    expect(flat[0].reason).toBe('the reference SD is zero, so no z-score');
  });
  it('words a z-score plainly', () => {
    expect(zWording({ muscle: 'ES', side: 'L', channel: 'n/a', measure: 'change_pct' }, -1.8, 3.59, 'the reference group')).toBe(
      'Left erector spinae % thickness change 1.8 SD below the reference group (4th percentile).',
    );
    expect(zWording({ muscle: 'MF', side: 'R', channel: 'MF_R', measure: 'rms_pct_mvc' }, 0.01, 50.4, 'the reference group')).toBe(
      'Right multifidus activation (RMS, % of maximal contraction) at the mean of the reference group (50th percentile).',
    );
    expect(percentileWords(0.01)).toBe('below the 1st percentile');
    expect(percentileWords(99.9)).toBe('above the 99th percentile');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st']);
  });
  it('takes the most specific row of a reference file', () => {
    const file = [
      { measure: 'change_pct', keys: {}, mean: 1, sd: 1, n: null, line: 2 },
      { measure: 'change_pct', keys: { muscle: 'ES' }, mean: 2, sd: 1, n: null, line: 3 },
      { measure: 'change_pct', keys: { muscle: 'ES', side: 'L' }, mean: 3, sd: 1, n: null, line: 4 },
      { measure: 'change_pct', keys: { muscle: 'GM', side: 'L' }, mean: 4, sd: 1, n: null, line: 5 },
    ];
    expect(matchReferenceRow(file, row('p', 'x', 1))?.line).toBe(4);
    expect(matchReferenceRow(file, row('p', 'x', 1, { side: 'R' }))?.line).toBe(3);
    expect(matchReferenceRow(file, row('p', 'x', 1, { muscle: 'TrA' }))?.line).toBe(2);
    expect(matchReferenceRow(file, row('p', 'x', 1, { measure: 'rest_mm' }))).toBeUndefined();
  });
});

describe('change against the MDC', () => {
  const base = { muscle: 'ES', side: 'L', channel: 'n/a', measure: 'change_pct', unit: '%', sessionFrom: 'pre', sessionTo: 'post' };
  it('is real only when at least the MDC95', () => {
    expect(isRealChange(5, 4.1)).toBe(true);
    expect(isRealChange(-4.1, 4.1)).toBe(true);
    expect(isRealChange(4, 4.1)).toBe(false);
    expect(isRealChange(4, null)).toBeNull();
  });
  it('says so in plain words', () => {
    expect(changeWording({ ...base, change: 6.2, mdc95: 4.1 })).toBe(
      'Left erector spinae % thickness change rose by 6.20 points from pre to post: at least the smallest detectable change (MDC95 4.10 points), so a real change.',
    );
    expect(changeWording({ ...base, change: -1.2, mdc95: 4.1 })).toBe(
      'Left erector spinae % thickness change fell by 1.20 points from pre to post: less than the smallest detectable change (MDC95 4.10 points), so within measurement error.',
    );
    expect(changeWording({ ...base, measure: 'rest_mm', unit: 'mm', change: 1.5, mdc95: null })).toContain('the study gives no MDC for this measure');
  });
});
