import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import { runCli, tempDir, writeTemp } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

type Row = Record<string, unknown>;
const dir = tempDir('myoscope-thickness-');
const LONG = fileURLToPath(new URL('../fixtures/activation/thickness-long.csv', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(['thickness', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

async function runJson(args: string[]): Promise<{ code: number; doc: Row & { results: Row[]; warnings: string[]; params: Row }; err: string }> {
  const r = await run(['--json', ...args]);
  expect(r.code, r.err).toBe(0);
  const doc = JSON.parse(r.out);
  expectValidOutput(doc);
  return { code: r.code, doc, err: r.err };
}

const HEADER = 'subject,group,muscle,side,condition,trial,thickness_mm\n';
/** Two subjects per group, ES L and R, two trials: every value is easy to work by hand. */
function table(rows: string[]): string {
  return HEADER + rows.join('\n') + '\n';
}
function full(): string[] {
  const rows: string[] = [];
  const subjects: [string, string, number, number][] = [
    ['c1', 'control', 10, 12],
    ['c2', 'control', 20, 23],
    ['p1', 'LBP', 10, 11],
    ['p2', 'LBP', 20, 21],
  ];
  for (const [s, g, rest, con] of subjects) {
    for (const side of ['L', 'R']) {
      for (const t of [1, 2]) {
        const d = side === 'R' ? 1 : 0;
        rows.push(`${s},${g},ES,${side},rest,${t},${rest + d + (t - 1) * 0.5}`);
        rows.push(`${s},${g},ES,${side},contracted,${t},${con + d + (t - 1) * 0.5}`);
      }
    }
  }
  return rows;
}

describe('thickness: hand-worked values', () => {
  it('change_pct is the mean of per-trial changes; --change-from means the change of the means', async () => {
    // c1 ES L: trial 1 10 → 12 (20 %), trial 2 10.5 → 12.5 (19.047… %).
    const file = writeTemp(dir, 'hand.csv', table(full()));
    const { doc } = await runJson([file]);
    const get = (d: Row & { results: Row[] }, m: string) => d.results.find((r) => r.subject === 'c1' && r.side === 'L' && r.measure === m)?.value;
    expect(get(doc, 'change_pct')).toBeCloseTo((20 + (2 / 10.5) * 100) / 2, 12);
    expect(get(doc, 'ratio')).toBeCloseTo((1.2 + 12.5 / 10.5) / 2, 12);
    expect(get(doc, 'rest_mm')).toBe(10.25);
    expect(get(doc, 'contracted_mm')).toBe(12.25);
    expect(get(doc, 'n_trials')).toBe(2);
    const means = (await runJson(['--change-from', 'means', file])).doc;
    expect(get(means, 'change_pct')).toBeCloseTo(((12.25 - 10.25) / 10.25) * 100, 12);
    expect(means.params.change_from).toBe('means');
    // Asymmetry of c1 rest: L 10.25, R 11.25.
    const asym = doc.results.find((r) => r.subject === 'c1' && r.side === 'L-R' && r.measure === 'rest_asymmetry_pct');
    expect(asym?.value).toBeCloseTo(((10.25 - 11.25) / 10.75) * 100, 12);
    expect(asym?.smaller_side).toBe('L');
    expect(doc.results.find((r) => r.subject === 'c1' && r.measure === 'rest_abs_asymmetry_pct')?.value).toBeCloseTo((1 / 11.25) * 100, 12);
  });

  it('the reference group is the one named control; differences are focal − reference', async () => {
    const { doc } = await runJson([writeTemp(dir, 'hand2.csv', table(full()))]);
    expect(doc.params.reference_group).toBe('control');
    expect(doc.params.reference_group_rule).toBe('control name');
    expect(doc.params.focal_groups).toEqual(['LBP']);
    const d = (doc.differences as Row[]).find((r) => r.side === 'L' && r.measure === 'rest_mm');
    // control rest L: 10.25, 20.25; LBP: 10.25, 20.25 → 0.
    expect(d?.difference).toBe(0);
    expect((doc.differences as Row[]).map((r) => r.side)).toEqual(['L', 'L', 'L', 'R', 'R', 'R', 'L+R', 'L+R', 'L+R']);
  });
});

describe('thickness: the reference group', () => {
  it('without a group named like a control group there are no group differences, and a warning says how to ask for them', async () => {
    const file = writeTemp(dir, 'groups.csv', table(full().map((r) => r.replace(',control,', ',A,').replace(',LBP,', ',B,'))));
    const { doc } = await runJson([file]);
    expect(doc.params.reference_group).toBeNull();
    expect(doc.differences).toEqual([]);
    expect(doc.warnings).toContain('no group differences against the MDC: no single group is named like a control group (groups: A, B); name the reference with --reference');
    const named = (await runJson(['--reference', 'B', file])).doc;
    expect(named.params).toMatchObject({ reference_group: 'B', reference_group_rule: 'option', focal_groups: ['A'] });
    expect((named.differences as Row[]).every((d) => d.focal_group === 'A' && d.reference_group === 'B')).toBe(true);
  });
});

describe('thickness: missing trials and unpaired rows are reported, never dropped silently', () => {
  it('lists each unpaired row with its line, each missing trial, and counts them', async () => {
    const rows = full();
    // Line numbers are 1-based and the header is line 1: rows[i] is on line i + 2.
    const dropContracted = rows.indexOf('c2,control,ES,R,contracted,2,24.5');
    const kept = rows.filter((_, i) => i !== dropContracted);
    const withoutTrial = kept.filter((r) => !r.startsWith('p1,LBP,ES,L,rest,2') && !r.startsWith('p1,LBP,ES,L,contracted,2'));
    const file = writeTemp(dir, 'missing.csv', table(withoutTrial));
    const restLine = withoutTrial.indexOf('c2,control,ES,R,rest,2,21.5') + 2;
    const { doc } = await runJson([file]);
    expect(doc.warnings).toContain(`${file}:${restLine}: subject "c2" ES R trial 2 has a rest thickness but no contracted one; not used for change_pct or ratio`);
    expect(doc.warnings).toContain(`${file}: subject "p1" ES L has no row for trial 2 (other subjects have it)`);
    expect(doc.warnings).toContain(`${file}: 1 unpaired rows, 1 missing trials, 0 subject cells without a paired trial`);
    expect(doc.pairing).toMatchObject({ unpaired_rows: 1, missing_trials: 1, cells_without_pair: 0 });
    const issues = (doc.pairing as { issues: Row[] }).issues;
    expect(issues).toHaveLength(2);
    expect(issues.find((i) => i.kind === 'unpaired')).toMatchObject({ subject: 'c2', muscle: 'ES', side: 'R', trial: '2', condition: 'rest', line: restLine });
    expect(issues.find((i) => i.kind === 'missing-trial')).toMatchObject({ subject: 'p1', muscle: 'ES', side: 'L', trial: '2' });
    // c2 ES R has one paired trial left.
    expect(doc.results.find((r) => r.subject === 'c2' && r.side === 'R' && r.measure === 'n_trials')?.value).toBe(1);
    // Its ICC row is dropped (complete cases) and the warning says so.
    expect(doc.warnings.some((w) => /reliability of ES R: subjects left out for a missing trial \(complete cases\): contracted_mm 1 of 4 \(c2\); change_pct 1 of 4 \(c2\)/.test(w))).toBe(true);
  });

  it('a subject with no paired trial gets no change value and a warning naming its lines', async () => {
    const rows = full().filter((r) => !r.startsWith('p2,LBP,ES,R,contracted'));
    const file = writeTemp(dir, 'nopair.csv', table(rows));
    const lines = rows.map((r, i) => (r.startsWith('p2,LBP,ES,R,rest') ? i + 2 : -1)).filter((l) => l > 0);
    const { doc } = await runJson([file]);
    const p2R = doc.results.filter((r) => r.subject === 'p2' && r.side === 'R');
    expect(p2R).toEqual([{ subject: 'p2', group: 'LBP', muscle: 'ES', side: 'R', measure: 'n_trials', value: 0, unit: 'trials' }]);
    expect(doc.warnings).toContain(`${file}: subject "p2" ES R has no trial with both a rest and a contracted thickness (lines ${lines.join(', ')}): no change_pct, ratio or thickness summary`);
    expect(doc.results.some((r) => r.subject === 'p2' && r.side === 'L-R')).toBe(false);
  });

  it('a table without any paired trial is bad input (exit 3)', async () => {
    const file = writeTemp(dir, 'onlyrest.csv', table(full().filter((r) => r.includes(',rest,'))));
    const r = await run([file]);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${file}: no subject has a trial with both a rest and a contracted thickness, so there is no percent change to report\n`);
  });
});

describe("thickness: a table written by R's write.csv", () => {
  it('the unnamed row-name column is read as row_name, with a warning, and the values are those of the plain table', async () => {
    const plain = await runJson([writeTemp(dir, 'plain.csv', table(full()))]);
    const quoted = full().map((row, i) => `"${i + 1}",` + row.split(',').map((c, j) => (j < 5 ? `"${c}"` : c)).join(','));
    const rHeader = '"",' + HEADER.trim().split(',').map((h) => `"${h}"`).join(',') + '\n';
    const file = writeTemp(dir, 'r-write-csv.csv', rHeader + quoted.join('\n') + '\n');
    const fromR = await runJson([file]);
    expect(fromR.doc.warnings).toContain(`${file}: the first column has no name (row names, as R's write.csv writes them); read as "row_name"`);
    expect(fromR.doc.results.map((r) => [r.subject, r.side, r.measure, r.value])).toEqual(plain.doc.results.map((r) => [r.subject, r.side, r.measure, r.value]));
  });
  it('an empty header cell elsewhere is still bad input naming its column', async () => {
    const file = writeTemp(dir, 'empty-header.csv', 'subject,group,,side,condition,trial,thickness_mm\n' + full().join('\n') + '\n');
    const r = await run([file]);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${file}:1:3: header cell is empty\n`);
  });
});

describe('thickness: malformed input (exit 3 with file:line:column)', () => {
  for (const [name, value] of [
    ['zero', '0'],
    ['negative', '-3.2'],
  ] as const) {
    it(`${name} thickness`, async () => {
      const rows = full();
      rows[4] = rows[4].replace(/,[^,]*$/, `,${value}`);
      const file = writeTemp(dir, `${name}.csv`, table(rows));
      const r = await run([file]);
      expect(r.code).toBe(3);
      expect(r.err).toBe(`myoscope: error: ${file}:6:7: thickness ${value} mm must be greater than 0\n`);
      expect(r.out).toBe('');
    });
  }
  it('a thickness that is not a number', async () => {
    const rows = full();
    rows[0] = rows[0].replace(/,[^,]*$/, ',12,5x');
    const file = writeTemp(dir, 'nan.csv', HEADER + rows.join('\n') + '\n');
    const r = await run([file]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(new RegExp(`^myoscope: error: ${file}:2:8: row has 8 fields, expected 7`));
  });
  it('a symptom side that changes within a subject', async () => {
    const rows = full().map((r, i) => `${r},${i === 3 ? 'R' : 'L'}`);
    const file = writeTemp(dir, 'symptom.csv', HEADER.replace('\n', ',symptom_side\n') + rows.join('\n') + '\n');
    const r = await run([file]);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`myoscope: error: ${file}:5: subject "c1" has symptom side "R" in column "symptom_side" here but "L" on line 2\n`);
  });
});

describe('thickness: usage errors (exit 2)', () => {
  const file = writeTemp(dir, 'usage.csv', table(full()));
  const cases: [string[], string][] = [
    [['--sem-icc', 'ICC(4,1)'], '--sem-icc "ICC(4,1)" is not an ICC form'],
    [['--reference', 'healthy'], `--reference "healthy" is not a group in ${file} (groups: control, LBP)`],
    [['--agreement-trials', '1,3'], `--agreement-trials: trial "3" is not in ${file} (trials: 1, 2)`],
    [['--agreement-trials', '1'], '--agreement-trials "1" needs exactly 2 comma-separated names'],
    [['--raters', 'A,B'], `--raters: rater "A" is not in ${file} (it has no rater column)`],
    [['--sessions', 'pre,post'], `--sessions must list every session of ${file} once, baseline first (sessions: none; not in the table: pre, post)`],
    [['--symptom-side', 'side_of_pain'], `--symptom-side column "side_of_pain" is not in ${file}`],
    [['--conf-level', '1'], '--conf-level 1 must be below 1'],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const r = await run([...args, file]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`myoscope: error: ${message}`);
    });
  }
  it('an unknown --table is refused by the option parser', async () => {
    const r = await run(['--table', 'everything', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--table <name>' argument 'everything' is invalid/);
  });
});

describe('thickness: options and outputs', () => {
  it('McGraw–Wong names select the same ICC; --sem-from ms-error changes the MDC used', async () => {
    const a = (await runJson(['--sem-icc', 'C,1', LONG])).doc;
    const b = (await runJson([LONG])).doc;
    expect(a.params.sem_icc).toBe('ICC(3,1)');
    expect(a.differences).toEqual(b.differences);
    const c = (await runJson(['--sem-icc', 'ICC(A,1)', '--sem-from', 'ms-error', LONG])).doc;
    const rel = (c.reliability as (Row & { forms: Row[] })[]).find((r) => r.muscle === 'ES' && r.side === 'L' && r.measure === 'change_pct');
    const form = rel?.forms.find((f) => f.icc_form === 'ICC(2,1)');
    expect(form?.sem_default).toBe(true);
    const d = (c.differences as Row[]).find((r) => r.muscle === 'ES' && r.side === 'L' && r.measure === 'change_pct');
    expect(d?.mdc95).toBe(form?.mdc95_from_ms_error);
  });

  it('the symptom_side column gives ipsilateral/contralateral labels and the ipsilateral difference', async () => {
    const { doc } = await runJson([LONG]);
    expect(doc.params.symptom_side_column).toBe('symptom_side');
    // s07 has left-sided symptoms, s09 bilateral, s01 none.
    expect(doc.results.find((r) => r.subject === 's07' && r.side === 'L' && r.measure === 'change_pct')).toMatchObject({ symptom_side: 'L', side_to_symptoms: 'ipsilateral' });
    expect(doc.results.find((r) => r.subject === 's07' && r.side === 'R' && r.measure === 'change_pct')).toMatchObject({ side_to_symptoms: 'contralateral' });
    expect(doc.results.find((r) => r.subject === 's09' && r.side === 'L' && r.measure === 'change_pct')).toMatchObject({ symptom_side: 'bilateral' });
    expect(doc.results.find((r) => r.subject === 's09' && r.side === 'L' && r.measure === 'change_pct')?.side_to_symptoms).toBeUndefined();
    expect(doc.results.find((r) => r.subject === 's01' && r.side === 'L' && r.measure === 'change_pct')?.symptom_side).toBeUndefined();
    expect(doc.results.some((r) => r.subject === 's09' && r.measure === 'rest_ipsilateral_diff_pct')).toBe(false);
    expect(doc.results.some((r) => r.subject === 's07' && r.measure === 'rest_ipsilateral_diff_pct')).toBe(true);
  });

  it('symptom sides from --participants', async () => {
    const participants = writeTemp(dir, 'participants.tsv', 'participant_id\tgroup\tsymptom_side\nc1\tcontrol\tn/a\np1\tLBP\tright\np2\tLBP\tbilateral\n');
    const { doc } = await runJson(['--participants', participants, writeTemp(dir, 'hand3.csv', table(full()))]);
    expect(doc.params.symptom_side_source).toBe(participants);
    expect(doc.results.find((r) => r.subject === 'p1' && r.side === 'R' && r.measure === 'rest_mm')).toMatchObject({ symptom_side: 'R', side_to_symptoms: 'ipsilateral' });
    expect((doc.inputs as Row[]).map((i) => i.path)).toContain(participants);
  });

  it('--csv prints the tidy records; --table picks another table; --out-dir writes them all', async () => {
    const file = writeTemp(dir, 'csv.csv', table(full()));
    const r = await run(['--csv', file]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('subject,group,muscle,side,measure,value,unit,smaller_side');
    expect(lines[1]).toBe('c1,control,ES,L,rest_mm,10.25,mm,');
    const rel = await run(['--csv', '--table', 'reliability', file]);
    expect(rel.out.split('\n')[0]).toBe(
      'muscle,side,measure,unit,n_subjects,k_trials,trials,dropped_subjects,icc_form,mcgraw_wong,model,type,measures,icc,ci_lower,ci_upper,conf_level,f_value,df1,df2,p,sd_all,sem_from_icc,mdc95_from_icc,error_term,ms_error,sem_from_ms_error,mdc95_from_ms_error,sem_default,note',
    );
    expect(rel.out.trim().split('\n')).toHaveLength(1 + 2 * 3 * 6);
    const out = join(dir, 'tables');
    const w = await run(['--out-dir', out, file]);
    expect(w.code).toBe(0);
    for (const name of ['records', 'reliability', 'agreement', 'differences', 'sessions', 'pairing']) expect(existsSync(join(out, `thickness-${name}.csv`))).toBe(true);
    expect(readFileSync(join(out, 'thickness-records.csv'), 'utf8')).toBe(r.out);
    expect(w.err).toContain(`myoscope: wrote 6 tables to ${out}`);
  });

  it('the built binary: human tables on stdout, warnings on stderr, no colour off a terminal', () => {
    const r = runCli(['thickness', LONG]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/thickness per group/);
    expect(r.stdout).toMatch(/trial-to-trial reliability \(ICC\(3,1\) for SEM and MDC95; 95 % CI\)/);
    expect(r.stdout.includes(String.fromCharCode(27))).toBe(false);
    expect(r.stderr).toMatch(/^myoscope: warning: .*thickness-long\.csv:\d+: subject "s03" ES L trial 2 has a rest thickness but no contracted one/m);
    const j = runCli(['thickness', '--json', LONG]);
    expect(j.code).toBe(0);
    expectValidOutput(JSON.parse(j.stdout));
  });
});
