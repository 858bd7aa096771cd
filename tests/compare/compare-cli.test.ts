import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTemp } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

/** `myoscope compare` as a user runs it: bad usage exits 2, bad data 3, each with one clear message. */
const dir = tempDir('myoscope-compare-');
const f = (name: string, content: string) => writeTemp(dir, name, content);

const two = f(
  'two.csv',
  'subject,group,muscle,score\nS1,LBP,ES,1.5\nS2,LBP,ES,2.25\nS3,LBP,ES,4\nS4,control,ES,3\nS5,control,ES,4.5\nS6,control,ES,5.25\n' +
    'S1,LBP,GM,7\nS2,LBP,GM,8\nS3,LBP,GM,6.5\nS4,control,GM,7.5\nS5,control,GM,9\nS6,control,GM,8.75\n',
);

interface Case {
  name: string;
  args: () => string[];
  code: 2 | 3;
  /** The whole stderr line after `myoscope: error: `. */
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'a group column holding one level',
    args: () => [f('one.csv', 'subject,group,score\nS1,LBP,1\nS2,LBP,2\nS3,LBP,3\n'), '--measure', 'score'],
    code: 3,
    message: /^.*one\.csv: --group column "group" has only one level \("LBP"\); compare needs two groups$/,
  },
  {
    name: 'a measure column holding text (wide)',
    args: () => [f('text.csv', 'subject,group,score\nS1,LBP,1\nS2,LBP,2x\nS3,control,3\n'), '--measure', 'score'],
    code: 3,
    message: /^.*text\.csv:3:3: measure "score": "2x" is not a number$/,
  },
  {
    name: 'a value cell holding text (long)',
    args: () => [f('text-long.csv', 'subject,group,measure,value\nS1,LBP,a,1\nS2,LBP,a,abc\nS3,control,a,3\n')],
    code: 3,
    message: /^.*text-long\.csv:3:4: measure "a": "abc" is not a number$/,
  },
  {
    name: 'an empty stratum (a group with no rows in it)',
    args: () => [
      f('empty-stratum.csv', 'subject,group,muscle,score\nS1,LBP,ES,1\nS2,LBP,ES,2\nS3,control,ES,3\nS4,control,ES,4\nS5,control,GM,3\nS6,control,GM,3.5\n'),
      '--measure',
      'score',
      '--by',
      'muscle',
    ],
    code: 3,
    message:
      /^.*empty-stratum\.csv: measure "score", stratum muscle=GM has no rows of group "LBP" \(column "group"\); every stratum needs both levels compared \(pass --empty-strata report to keep such strata as rows with the reason\)$/,
  },
  {
    name: 'an empty stratum cell',
    args: () => [f('empty-cell.csv', 'subject,group,muscle,score\nS1,LBP,ES,1\nS2,LBP,ES,2\nS3,control,,3\nS4,control,ES,4\n'), '--measure', 'score', '--by', 'muscle'],
    code: 3,
    message: /^.*empty-cell\.csv:4:3: stratum column "muscle" is empty$/,
  },
  {
    name: 'an empty group cell',
    args: () => [f('empty-group.csv', 'subject,group,score\nS1,LBP,1\nS2,,2\nS3,control,3\n'), '--measure', 'score'],
    code: 3,
    message: /^.*empty-group\.csv:3:2: group column "group" is empty$/,
  },
  {
    name: 'a subject with two rows in one cell',
    args: () => [f('repeated.csv', 'subject,group,trial,score\nS1,LBP,1,1\nS1,LBP,2,1.2\nS2,control,1,3\n'), '--measure', 'score'],
    code: 3,
    message:
      /^.*repeated\.csv:3: subject "S1" has 2 values of measure "score" \(group "LBP"; lines 2, 3\): add the column that tells them apart to --by, or pass --aggregate mean$/,
  },
  {
    name: 'a measure whose unit changes',
    args: () => [f('units.csv', 'subject,group,measure,value,unit\nS1,LBP,t,31,mm\nS2,control,t,3.2,cm\n')],
    code: 3,
    message: /^.*units\.csv:3:5: measure "t" has unit "cm" here but "mm" on line 2$/,
  },
  {
    name: 'a header with no rows',
    args: () => [f('header-only.csv', 'subject,group,score\n'), '--measure', 'score'],
    code: 3,
    message: /^.*header-only\.csv:1: has a header row but no data rows$/,
  },
  {
    name: 'a summary table with text for an SD',
    args: () => [f('summary-text.csv', 'group,mean,sd,n\nLBP,10.2,5.1,24\ncontrol,13.7,n/a,26\n'), '--from-summary'],
    code: 3,
    message: /^.*summary-text\.csv:3:3: SD "n\/a" is not a number$/,
  },
  {
    name: 'a summary table with a fractional n',
    args: () => [f('summary-n.csv', 'group,mean,sd,n\nLBP,10.2,5.1,24.5\ncontrol,13.7,6,26\n'), '--from-summary'],
    code: 3,
    message: /^.*summary-n\.csv:2:4: n 24\.5 must be a whole number of at least 1$/,
  },
  {
    name: 'no reference among three groups',
    args: () => [f('three.csv', 'subject,group,score\nS1,LBP,1\nS2,controls,2\nS3,patients,3\n'), '--measure', 'score'],
    code: 2,
    message:
      /^give --reference LEVEL \(the difference is reported as focal minus reference\): --group column "group" has levels "LBP", "controls", "patients", and the reference is chosen for you only between two levels of which one is a control group$/,
  },
  {
    name: 'no control-like level among two',
    args: () => [f('ab.csv', 'subject,group,score\nS1,A,1\nS2,B,2\n'), '--measure', 'score'],
    code: 2,
    message: /^give --reference LEVEL .*: --group column "group" has levels "A", "B", and the reference/,
  },
  { name: 'a reference that is not a level', args: () => [two, '--measure', 'score', '--by', 'muscle', '--reference', 'healthy'], code: 2, message: /^--reference "healthy" is not a level of --group column "group" in .*two\.csv; its levels are "LBP", "control"$/ },
  { name: 'an unknown column', args: () => [two, '--measure', 'score', '--by', 'level'], code: 2, message: /^--by column "level" is not in .*two\.csv; its columns are subject, group, muscle, score$/ },
  { name: 'a wide table without --measure', args: () => [two], code: 2, message: /^give --measure COLUMN\[,COLUMN…\]: .*two\.csv has no measure\/value columns \(long form\), so name the numeric columns to compare; numeric columns: score$/ },
  { name: 'a stratum that is the group', args: () => [two, '--measure', 'score', '--by', 'group'], code: 2, message: /^--by column "group" is already the --group column$/ },
  { name: '--paired-by without --within', args: () => [two, '--measure', 'score', '--paired-by', 'subject'], code: 2, message: /^--paired-by and --within go together: give both for paired mode$/ },
  { name: 'a paired test for independent groups', args: () => [two, '--measure', 'score', '--test', 'wilcoxon'], code: 2, message: /^--test wilcoxon does not apply to independent groups; choose welch or student or mann-whitney$/ },
  { name: 'an unknown alternative', args: () => [two, '--measure', 'score', '--alternative', 'both'], code: 2, message: /^--alternative "both" is not one of two-sided, two\.sided, less, greater$/ },
  { name: 'a confidence level in percent', args: () => [two, '--measure', 'score', '--conf-level', '95'], code: 2, message: /^--conf-level 95 must be at most 1$/ },
  { name: '--aggregate without a subject column', args: () => [f('nosubject.csv', 'group,score\nLBP,1\ncontrol,2\n'), '--measure', 'score', '--aggregate', 'mean'], code: 2, message: /^--aggregate mean averages each subject's rows, but .*nosubject\.csv has no subject column: give --subject COLUMN$/ },
  { name: 'paired mode without --reference', args: () => [two, '--measure', 'score', '--paired-by', 'subject', '--within', 'muscle'], code: 2, message: /^give --reference LEVEL \(the difference is reported as focal minus reference\): --within column "muscle" has levels "ES", "GM"$/ },
];

describe('compare: bad usage (exit 2) and bad input (exit 3)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runCli(['compare', ...c.args()]);
      expect(r.code, r.stderr).toBe(c.code);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0].startsWith('myoscope: error: ')).toBe(true);
      expect(lines[0].slice('myoscope: error: '.length)).toMatch(c.message);
    });
  }
});

describe('compare: output', () => {
  it('--empty-strata report keeps the empty stratum as a row with the reason', () => {
    const file = f('empty-report.csv', 'subject,group,muscle,score\nS1,LBP,ES,1\nS2,LBP,ES,2\nS3,control,ES,3\nS4,control,ES,4.5\nS5,control,GM,3\nS6,control,GM,3.5\n');
    const r = runCli(['compare', file, '--measure', 'score', '--by', 'muscle', '--empty-strata', 'report', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('myoscope: warning: measure "score", stratum muscle=GM has no rows of group "LBP" (column "group"): reported without statistics\n');
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    const gm = doc.results[1];
    expect(gm.strata).toEqual({ muscle: 'GM' });
    expect(gm.groups.LBP).toMatchObject({ n: 0, missing: 0, mean: null, reason: 'group "LBP" has no values' });
    expect(gm.welch).toEqual({ t: null, df: null, p: null, reason: 'group "LBP" has fewer than 2 values' });
    expect(gm.p_adjusted).toMatchObject({ holm: null, bh: null, of: 'welch', m: 1 });
    expect(doc.results[0].p_adjusted.m).toBe(1);
  });

  it('JSON: reasons in place of statistics, never NaN; the schema rejects a malformed record', () => {
    const file = f('tied.csv', 'subject,group,score\nS1,LBP,4\nS2,LBP,4\nS3,LBP,4\nS4,control,4\nS5,control,4\nS6,Control,9\n');
    const r = runCli(['compare', file, '--measure', 'score', '--reference', 'control', '--focal', 'LBP', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/NaN/);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    const rec = doc.results[0];
    expect(rec.welch.reason).toBe('groups "LBP" and "control" both have no variance, so t is undefined');
    expect(rec.mann_whitney).toMatchObject({ w: null, p: null, method: null, reason: 'all values of groups "LBP" and "control" are tied, so the rank test is undefined' });
    expect(rec.effect_size).toMatchObject({ cohens_d: null, hedges_g: null, cliffs_delta: 0, rank_biserial: 0 });
    expect(rec.effect_size.reasons.hedges_g).toBe('groups "LBP" and "control" both have no variance, so the pooled SD is 0');
    expect(rec.mean_difference).toMatchObject({ estimate: 0, ci_low: null, ci_high: null });
    expect(() => expectValidOutput({ ...doc, results: [{ ...rec, welch: { t: 1, df: 2, p: 'small' } }] })).toThrow();
    expect(() => expectValidOutput({ ...doc, results: [{ ...rec, mean_difference: { ...rec.mean_difference, ci_low: 'Inf' } }] })).toThrow();
  });

  it('one-sided intervals: the open end is "-Inf" in JSON and -Inf in CSV', () => {
    const json = runCli(['compare', two, '--measure', 'score', '--by', 'muscle', '--alternative', 'less', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expectValidOutput(doc);
    expect(doc.params).toMatchObject({ alternative: 'less', reference: 'control', focal: ['LBP'], test: 'welch', conf_level: 0.95 });
    for (const rec of doc.results) {
      expect(rec.mean_difference.ci_low).toBe('-Inf');
      expect(typeof rec.mean_difference.ci_high).toBe('number');
      expect(rec.effect_size.hedges_g_ci_low).toBe('-Inf');
    }
    const csv = runCli(['compare', two, '--measure', 'score', '--by', 'muscle', '--alternative', 'less', '--csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const [head, ...rows] = csv.stdout.trim().split('\n').map((l) => l.split(','));
    expect(rows).toHaveLength(2);
    expect(head.slice(0, 6)).toEqual(['measure', 'unit', 'muscle', 'focal', 'reference', 'focal_n']);
    for (const k of ['mean_difference', 'welch_t', 'welch_p', 'hedges_g', 'p_holm', 'p_bh', 'reason']) expect(head).toContain(k);
    expect(rows[0][head.indexOf('mean_difference_ci_low')]).toBe('-Inf');
    expect(rows[0][head.indexOf('hedges_g_ci_low')]).toBe('-Inf');
    expect(Number(rows[0][head.indexOf('welch_p')])).toBe(doc.results[0].welch.p);
  });

  it('the human table ends each row with the APA line', () => {
    const r = runCli(['compare', two, '--measure', 'score', '--by', 'muscle']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^LBP vs control \(group\): Welch t-test, two-sided; p adjusted over 2 tests\n/);
    const rows = r.stdout.split('\n').filter((l) => /│ score/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/│ t\(\d+\.\d\) = −?\d+\.\d\d, p = \.\d{3}, g = −?\d\.\d\d \[−?\d\.\d\d, −?\d\.\d\d\] +│$/);
  });

  it("a table from R's write.csv: quoted cells and a row-name column without a header", () => {
    const file = f('r-write-csv.csv', '"","subject","group","score"\n"1","S1","LBP",1\n"2","S2","LBP",2\n"3","S3","control",3\n"4","S4","control",4.5\n"5","S5","control",NA\n');
    const r = runCli(['compare', file, '--measure', 'score', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`myoscope: warning: ${file}: the first column has no name (row names, as R's write.csv writes them); read as "row_name"\n`);
    const rec = JSON.parse(r.stdout).results[0];
    expect(rec.groups.control).toMatchObject({ n: 2, missing: 1, mean: 3.75 });
    expect(rec.groups.LBP).toMatchObject({ n: 2, mean: 1.5 });
  });

  it('subject IDs that restart in each group are different people, with a warning', () => {
    const file = f('nested-ids.csv', 'subject,group,score\n1,LBP,1\n2,LBP,2.5\n1,control,3\n2,control,4.5\n3,control,4\n');
    const r = runCli(['compare', file, '--measure', 'score', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'myoscope: warning: 2 subject IDs are in more than one group, e.g. "1" (LBP, control), "2" (LBP, control): ' +
        'taken as different people (IDs numbered within each group); if they are the same people, use --paired-by and --within\n',
    );
    const rec = JSON.parse(r.stdout).results[0];
    expect([rec.groups.LBP.n, rec.groups.control.n]).toEqual([2, 3]);
  });

  it('a published summary table beside raw data: the same keys, design "summary"', () => {
    const file = f('paper.csv', 'measure,group,mean,sd,n\nES activation %,LBP,10.21,5.12,24\nES activation %,no LBP,13.67,6.03,26\n');
    const r = runCli(['compare', file, '--from-summary', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.params).toMatchObject({ design: 'summary', reference: 'no LBP', focal: ['LBP'] });
    const rec = doc.results[0];
    expect(rec).toMatchObject({ design: 'summary', measure: 'ES activation %', focal: 'LBP', reference: 'no LBP' });
    expect(Object.keys(rec.groups)).toEqual(['LBP', 'no LBP']);
    expect(rec.groups.LBP).toEqual({ n: 24, mean: 10.21, sd: 5.12, se: 5.12 / Math.sqrt(24) });
    expect(Object.keys(rec.welch)).toEqual(['t', 'df', 'p']);
  });
});
