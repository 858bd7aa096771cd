import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../src/report/pseudonym.js';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { FORMULA_ID, makeThicknessStudy, SCRIPT_ID } from './thickness-study.js';
import { expectValidOutput } from '../helpers/schema.js';

const TWO_GROUPS: [string, string][] = [
  [SCRIPT_ID, 'control'],
  [FORMULA_ID, 'LBP'],
  ...[1, 2, 3, 4, 5].map((i): [string, string] => [`c${i}`, 'control']),
  ...[1, 2, 3, 4, 5].map((i): [string, string] => [`l${i}`, 'LBP']),
];

describe('myoscope report on a study with crafted subject IDs and two sessions', () => {
  const study = makeThicknessStudy(TWO_GROUPS, { sessions: true, compare: true, reference: 'control' });
  const out = join(study.dir, 'out');
  beforeAll(() => {
    const r = runCli(['run', study.config, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('writes one self-contained page in which every ID is text, never markup', () => {
    const r = runCli(['report', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(doc.params.out).toBe(join(out, 'report.html'));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    // Group figures, the forest plot, the comparison table; no single trials without recordings.
    expect(doc.results.filter((f: { figure_kind: string }) => f.figure_kind === 'group').length).toBeGreaterThan(0);
    expect(doc.results.filter((f: { figure_kind: string }) => f.figure_kind === 'forest')).toHaveLength(1);
    expect(html).toContain('The study has no EMG step (onset or activation), so there are no single trials to draw.');
    expect(html).toMatch(/t\(\d+\.\d\) = /);
  });

  it('clinic mode: z-scores, plain wording and change between sessions against the MDC', () => {
    const r = runCli(['report', out, '--patient', 'l2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.params.mode).toBe('clinic');
    expect(doc.params.reference).toBe('group:control');
    const change = doc.results.find((x: { measure?: string; session?: string; muscle?: string; side?: string }) => x.measure === 'change_pct' && x.session === 'post' && x.side === 'L');
    expect(change.wording).toMatch(/^Left erector spinae % thickness change \d\.\d SD (below|above) the reference group \(control\) \((\d+(st|nd|rd|th) percentile|below the 1st percentile|above the 99th percentile)\)\.$/);
    expect(change.reference_n).toBe(6);
    const html = readFileSync(join(out, 'report-l2.html'), 'utf8');
    expect(html).toContain('Change from session pre to post.');
    expect(html).toMatch(/Left erector spinae % thickness change (rose|fell) by [\d.]+ points from pre to post: (at least|less than) the smallest detectable change \(MDC95 [\d.]+ points\)/);
  });

  it('clinic mode CSV neutralises a subject ID that is a spreadsheet formula', () => {
    const r = runCli(['report', out, '--patient', FORMULA_ID, '--csv', '--out', join(study.dir, 'formula.html')]);
    expect(r.code, r.stderr).toBe(0);
    const cells = r.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    expect(r.stdout).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/(^|,)=/);
    expect(cells.length).toBeGreaterThan(5);
    const html = readFileSync(join(study.dir, 'formula.html'), 'utf8');
    expect(html).toContain('Patient =HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });

  it('--pseudonymize replaces every subject ID in the page and the CSV', () => {
    const key = 'a study key';
    const page = join(study.dir, 'pseudo.html');
    const r = runCli(['report', out, '--pseudonymize', '--out', page], { env: { MYOSCOPE_PSEUDONYM_KEY: key } });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(page, 'utf8');
    for (const id of ['alert(1)', 'HYPERLINK', '>c1<', '>l2<']) expect(html).not.toContain(id);
    const r2 = runCli(['report', out, '--pseudonymize', '--key', key, '--patient', 'l2', '--csv', '--out', join(study.dir, 'p.html')]);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stdout).toContain(pseudonym('l2', key));
    expect(r2.stdout).not.toMatch(/(^|,)l2,/m);
    // The same key gives the same pseudonym; the default file name carries it, not the ID.
    const r3 = runCli(['report', out, '--pseudonymize', '--key', key, '--patient', 'l2', '--json']);
    expect(JSON.parse(r3.stdout).params.out).toBe(join(out, `report-${pseudonym('l2', key)}.html`));
    // --patient also takes the pseudonym itself.
    const r4 = runCli(['report', out, '--pseudonymize', '--key', key, '--patient', pseudonym('l2', key), '--json']);
    expect(JSON.parse(r4.stdout).params).toMatchObject({ patient: pseudonym('l2', key), out: join(out, `report-${pseudonym('l2', key)}.html`) });
    expect(existsSync(join(out, 'report-l2.html'))).toBe(true);
  });
});

describe('myoscope report on a one-group study (clinic mode against a reference file)', () => {
  const subjects: [string, string][] = [1, 2, 3, 4].map((i) => [`p${i}`, 'patients']);
  const study = makeThicknessStudy(subjects, { sessions: false, compare: false });
  const out = join(study.dir, 'out');
  const norms = join(study.dir, 'norms.csv');
  beforeAll(() => {
    const r = runCli(['run', study.config, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(norms, 'measure,muscle,side,mean,sd,n\nchange_pct,ES,,14,3,40\nchange_pct,ES,L,15,2.5,40\nrest_mm,,,30,4,40\n');
  });

  it('the study report says there is no comparison', () => {
    const r = runCli(['report', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('The study has no group comparison');
  });

  it('z-scores come from the most specific row of the reference file; no change over time', () => {
    const r = runCli(['report', out, '--patient', 'p3', '--reference-file', norms, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    const recs = doc.results.filter((x: { kind: string }) => x.kind === 'patient_measure');
    const left = recs.find((x: { measure: string; side: string }) => x.measure === 'change_pct' && x.side === 'L');
    const right = recs.find((x: { measure: string; side: string }) => x.measure === 'change_pct' && x.side === 'R');
    expect([left.reference_mean, left.reference_sd, left.reference_n]).toEqual([15, 2.5, 40]);
    expect([right.reference_mean, right.reference_sd]).toEqual([14, 3]);
    expect(left.z).toBe((left.value - 15) / 2.5);
    expect(left.wording).toContain('the reference values');
    const contracted = recs.find((x: { measure: string }) => x.measure === 'contracted_mm');
    expect(contracted.z).toBeNull();
    expect(contracted.reason).toBe('no row for contracted_mm in norms.csv');
    const html = readFileSync(join(out, 'report-p3.html'), 'utf8');
    expect(html).toContain('Change over time is not available: the study has one session per subject.');
  });

  it('a one-group study without --reference-file has no reference to name', () => {
    const r = runCli(['report', out, '--patient', 'p3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('clinic mode needs a reference: --reference-group GROUP (groups: patients) or --reference-file FILE');
  });

  it('bad reference files are bad input with file, line and column', () => {
    const noSd = join(study.dir, 'nosd.csv');
    writeFileSync(noSd, 'measure,mean\nchange_pct,14\n');
    let r = runCli(['report', out, '--patient', 'p3', '--reference-file', noSd]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${noSd}:1: a reference file needs the columns measure, mean and sd`);
    const badMean = join(study.dir, 'badmean.csv');
    writeFileSync(badMean, 'measure,mean,sd\nchange_pct,14x,3\n');
    r = runCli(['report', out, '--patient', 'p3', '--reference-file', badMean]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${badMean}:2:2: mean "14x" is not a number`);
  });

  it('usage errors exit 2 with a message', () => {
    const cases: [string[], string][] = [
      [['report', out, '--patient', 'nobody', '--reference-file', norms], '--patient "nobody" is not a subject of this study (subjects: p1, p2, p3, p4)'],
      [['report', out, '--pseudonymize'], '--pseudonymize needs a key: --key KEY or the environment variable MYOSCOPE_PSEUDONYM_KEY'],
      [['report', out, '--key', 'k'], '--key is the key of --pseudonymize: add --pseudonymize'],
      [['report', out, '--reference-group', 'patients'], '--reference-group and --reference-file are for clinic mode: add --patient ID'],
      [['report', out, '--patient', 'p1', '--reference-group', 'nope'], '--reference-group "nope" is not a group of this study (groups: patients)'],
      [['report', out, '--max-trial-figures', '2.5'], '--max-trial-figures 2.5 must be a whole number'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { env: { MYOSCOPE_PSEUDONYM_KEY: '' } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('a folder that is not a run output is bad input', () => {
    const empty = tempDir('myoscope-report-empty-');
    const r = runCli(['report', empty]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${join(empty, 'provenance.json')}: not found: give the output folder of \`myoscope run\``);
  });
});
