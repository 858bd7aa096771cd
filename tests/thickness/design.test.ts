import { describe, expect, it } from 'vitest';
import { defaultReferenceGroup, orderSessions } from '../../src/pipeline/thickness-design.js';
import { LISTED_ISSUES, analyseThickness } from '../../src/pipeline/thickness-analysis.js';
import type { ThicknessRow } from '../../src/model/thickness.js';

describe('session order and reference group defaults', () => {
  it('puts baseline words first and follow-up words last, the rest in natural order', () => {
    expect(orderSessions(['post', 'pre'])).toEqual(['pre', 'post']);
    expect(orderSessions(['follow-up', 'week6', 'baseline', 'week2'])).toEqual(['baseline', 'week2', 'week6', 'follow-up']);
    expect(orderSessions(['10', '2', '1'])).toEqual(['1', '2', '10']);
  });
  it('takes the one group named like a control group, never one chosen alphabetically', () => {
    expect(defaultReferenceGroup(['LBP', 'control'])).toBe('control');
    expect(defaultReferenceGroup(['no-LBP', 'LBP'])).toBe('no-LBP');
    expect(defaultReferenceGroup(['Pain_Free', 'chronic'])).toBe('Pain_Free');
    expect(defaultReferenceGroup(['patients', 'athletes'])).toBeUndefined();
    expect(defaultReferenceGroup(['control', 'healthy', 'LBP'])).toBeUndefined();
    expect(defaultReferenceGroup([])).toBeUndefined();
  });
});

describe('warnings about pairing', () => {
  it(`lists the first ${LISTED_ISSUES} problems and counts all of them`, () => {
    const rows: ThicknessRow[] = [];
    let line = 2;
    for (let s = 1; s <= 30; s++) {
      for (const t of ['1', '2']) rows.push({ subject: `s${s}`, group: 'g', muscle: 'ES', side: 'L', condition: 'rest', trial: t, thicknessMm: 10 + s, extra: {}, line: line++ });
      rows.push({ subject: `s${s}`, group: 'g', muscle: 'ES', side: 'L', condition: 'contracted', trial: '1', thicknessMm: 12 + s, extra: {}, line: line++ });
    }
    const a = analyseThickness({ path: 't.csv', form: 'long', rows, extraColumns: [] }, new Map(), {
      changeFrom: 'trials', confLevel: 0.95, semIcc: 'ICC(3,1)', semFrom: 'icc', agreementTrials: null, raters: null,
      referenceGroup: 'g', focalGroups: [], sessions: [],
    });
    expect(a.issues).toHaveLength(30);
    const listed = a.warnings.filter((w) => /has a rest thickness but no contracted one/.test(w));
    expect(listed).toHaveLength(LISTED_ISSUES);
    expect(listed[0]).toBe('t.csv:3: subject "s1" ES L trial 2 has a rest thickness but no contracted one; not used for change_pct or ratio');
    expect(a.warnings).toContain(`t.csv: 30 unpaired rows, 0 missing trials, 0 subject cells without a paired trial (${LISTED_ISSUES} of 30 listed above; all under "pairing" in --json)`);
  });
});
