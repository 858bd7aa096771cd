import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCommand, compareOptionValues } from '../../src/commands/compare.js';
import { InputError, UsageError } from '../../src/errors.js';
import { memoryIo } from '../../src/io/io.js';
import { parseTable } from '../../src/io/read-table.js';
import { compareCells } from '../../src/pipeline/compare-cells.js';
import { compareGroups } from '../../src/pipeline/compare-groups.js';
import { compareObservations } from '../../src/pipeline/compare-observations.js';
import { compareLevels, isControlLike } from '../../src/pipeline/compare-reference.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { tempDir, writeTemp } from '../helpers/run-cli.js';

describe('reference level', () => {
  const ctx = { file: 't.csv', column: 'group', role: 'group' as const };
  it('of two groups, the control-like one is the reference', () => {
    for (const control of ['control', 'Controls', 'no LBP', 'no_lbp', 'Healthy control', 'HC', 'asymptomatic', 'non-LBP']) {
      expect(isControlLike(control), control).toBe(true);
      expect(compareLevels(['LBP', control], {}, ctx)).toEqual({ reference: control, focal: ['LBP'] });
    }
    for (const other of ['LBP', 'patients', 'controlled', 'chronic']) expect(isControlLike(other), other).toBe(false);
  });
  it('is never guessed otherwise', () => {
    expect(() => compareLevels(['A', 'B'], {}, ctx)).toThrow(UsageError);
    expect(() => compareLevels(['control', 'healthy'], {}, ctx)).toThrow(/give --reference LEVEL/);
    expect(() => compareLevels(['LBP', 'control', 'acute'], {}, ctx)).toThrow(/give --reference LEVEL/);
  });
  it('--reference and --focal choose among several groups', () => {
    expect(compareLevels(['acute', 'control', 'chronic'], { reference: 'control' }, ctx)).toEqual({ reference: 'control', focal: ['acute', 'chronic'] });
    expect(compareLevels(['acute', 'control', 'chronic'], { reference: 'control', focal: ['chronic'] }, ctx)).toEqual({ reference: 'control', focal: ['chronic'] });
    expect(() => compareLevels(['a', 'b'], { reference: 'a', focal: ['a'] }, ctx)).toThrow('--focal "a" is also the --reference');
  });
  it('one level is an input error naming file and column', () => {
    expect(() => compareLevels(['LBP'], {}, ctx)).toThrow(InputError);
    expect(() => compareLevels(['LBP'], {}, ctx)).toThrow('t.csv: --group column "group" has only one level ("LBP"); compare needs two groups');
  });
});

describe('cells', () => {
  const table = parseTable(
    [
      'subject,group,side,muscle,trial,value_mm',
      's1,LBP,R,GM,1,10',
      's1,LBP,R,GM,2,14',
      's1,LBP,R,GM,3,NA',
      's1,LBP,L,ES,1,30',
      's2,control,L,GM,1,12',
      's2,control,R,ES,1,n/a',
      's2,control,R,ES,2,',
    ].join('\n'),
    'cells.csv',
  );
  const obs = compareObservations(table, {
    source: { form: 'wide', measureColumns: [5] },
    factorColumn: 1,
    factorRole: 'group',
    byColumns: [2, 3],
    subjectColumn: 0,
  });
  it('strata in the order their levels first appear, column by column', () => {
    const { cells, levels } = compareCells(obs, { file: 'cells.csv', byNames: ['side', 'muscle'], factorRole: 'group', aggregate: 'median' });
    expect(levels).toEqual(['LBP', 'control']);
    expect(cells.map((c) => c.strata)).toEqual([
      { side: 'R', muscle: 'GM' },
      { side: 'R', muscle: 'ES' },
      { side: 'L', muscle: 'GM' },
      { side: 'L', muscle: 'ES' },
    ]);
  });
  it('--aggregate takes the mean or median over the values present; all missing stays missing', () => {
    const median = compareCells(obs, { file: 'cells.csv', byNames: ['side', 'muscle'], factorRole: 'group', aggregate: 'median' }).cells;
    expect(median[0].levels.get('LBP')).toEqual({ subjects: ['s1'], values: [12] });
    expect(median[1].levels.get('control')?.values[0]).toBeNaN();
    const mean = compareCells(obs, { file: 'cells.csv', byNames: ['side', 'muscle'], factorRole: 'group', aggregate: 'mean' }).cells;
    expect(mean[0].levels.get('LBP')?.values).toEqual([12]);
  });
});

describe('two-group comparison', () => {
  const group = fc.array(fc.integer({ min: -5000, max: 5000 }).map((v) => v / 100), { minLength: 2, maxLength: 25 });
  it('swapping focal and reference negates the difference, t and the effect sizes (property)', () => {
    fc.assert(
      fc.property(group, group, (a, b) => {
        const cell = { measure: 'm', unit: null, strata: {}, levels: new Map([['A', { subjects: a.map(() => null), values: a }], ['B', { subjects: b.map(() => null), values: b }]]) };
        const options = { alternative: 'two.sided' as const, confLevel: 0.95, ciFrom: 'welch' as const };
        const ab = compareGroups(cell, 'A', 'B', options);
        const ba = compareGroups(cell, 'B', 'A', options);
        expect(ab.welch.p).toBe(ba.welch.p);
        expect(ab.mann_whitney.p).toBe(ba.mann_whitney.p);
        if (ab.welch.t !== null && ba.welch.t !== null) {
          expect(ba.welch.t).toBe(-ab.welch.t);
          expectAllClose([ba.mean_difference.estimate as number], [-(ab.mean_difference.estimate as number)], { atol: 1e-12 });
          expectAllClose([ba.mean_difference.ci_low as number], [-(ab.mean_difference.ci_high as number)], { rtol: 1e-12, atol: 1e-12 });
          expectAllClose([ba.effect_size.hedges_g as number], [-(ab.effect_size.hedges_g as number)], { rtol: 1e-12, atol: 1e-12 });
        }
        expect(ba.effect_size.cliffs_delta === -(ab.effect_size.cliffs_delta as number), 'cliffs_delta negated').toBe(true);
        expect(JSON.stringify(ab)).not.toMatch(/NaN|Infinity/);
      }),
      { seed: 20250301, numRuns: 60 },
    );
  });
});

describe('options and run()', () => {
  it('option values are parsed strictly', () => {
    expect(compareOptionValues({ alternative: 'two-sided', confLevel: '0.9', test: 'Mann-Whitney', by: 'muscle, side' })).toMatchObject({
      alternative: 'two.sided',
      confLevel: 0.9,
      test: 'mann-whitney',
      by: ['muscle', 'side'],
      aggregate: 'none',
      emptyStrata: 'error',
      fromSummary: false,
    });
    expect(() => compareOptionValues({ confLevel: '0.95x' })).toThrow('--conf-level "0.95x" is not a number');
    expect(() => compareOptionValues({ by: 'muscle,,side' })).toThrow('--by "muscle,,side" has an empty name');
    expect(() => compareOptionValues({ aggregate: 'sum' })).toThrow('--aggregate "sum" is not one of none, mean, median');
  });
  it('run() in memory: every resolved option is in params, nothing is written to stdout', async () => {
    const file = writeTemp(tempDir(), 'g.csv', 'subject,group,x_mm\na,LBP,1\nb,LBP,2.5\nc,LBP,2\nd,control,3\ne,control,4.5\nf,control,3.5\n');
    const io = memoryIo();
    const result = await compareCommand.run([file], { measure: 'x_mm', alternative: 'two-sided', confLevel: '0.95', aggregate: 'none', emptyStrata: 'error' }, io);
    expect(io.out).toEqual([]);
    expect(result.params).toMatchObject({
      table: file,
      design: 'independent',
      form: 'wide',
      group: 'group',
      subject: 'subject',
      reference: 'control',
      focal: ['LBP'],
      measures: ['x_mm'],
      by: [],
      test: 'welch',
      alternative: 'two.sided',
      conf_level: 0.95,
      aggregate: 'none',
      empty_strata: 'error',
      mean_difference_ci: 'welch',
      p_adjust: { methods: ['holm', 'BH'], of: 'welch', m: 1 },
    });
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({ measure: 'x_mm', strata: {}, focal: 'LBP', reference: 'control' });
    expect(Object.keys(result.extra?.formulas as object)).toEqual(expect.arrayContaining(['welch', 'hedges_g', 'mann_whitney', 'p_adjust_holm']));
  });
});
