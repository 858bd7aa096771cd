import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/commands/registry.js';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { copySampleSubjects } from '../helpers/sample-study.js';
import { expectValidOutput } from '../helpers/schema.js';

/** The onset parts of a report need the onset command in this build. */
const HAS_ONSET = findCommand('onset') !== undefined;
if (!HAS_ONSET) console.error('\n*** SKIPPED: report onset tests: this build has no onset command yet ***\n');

const SUBJECTS = ['sub-C01', 'sub-C02', 'sub-L01', 'sub-L02'];

describe.skipIf(!HAS_ONSET)('myoscope report on a study with an onset step', () => {
  const dir = tempDir('myoscope-report-onset-');
  const out = join(dir, 'out');
  beforeAll(() => {
    copySampleSubjects(dir, SUBJECTS);
    writeFileSync(
      join(dir, 'study.yaml'),
      `name: onset study
participants: participants.tsv
group: { column: group, reference: control }
recordings:
  - task: armraise
    files: emg/{subject}/{subject}_task-armraise_emg.csv.gz
channels:
  TrA_R: { muscle: TrA, side: R }
  DELT_R: { muscle: DELT, side: R }
onset:
  channels: TrA_R,DELT_R
  reference: DELT_R
`,
    );
    const r = runCli(['run', join(dir, 'study.yaml'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('draws trials with baseline, threshold and onset, and writes the onset methods', () => {
    const r = runCli(['report', out, '--trials', 'sub-L01:2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    const trial = doc.results.find((f: { figure_kind: string }) => f.figure_kind === 'trial');
    expect(trial.title).toBe('sub-L01, sub-L01_task-armraise_emg.csv.gz, trial 2');
    expect(trial.marks).toEqual(['line', 'rect', 'rule']);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Latencies were measured from the onset of DELT_R in the same trial');
    expect(html).toMatch(/exceed(ed|ing) the baseline mean \+ \d+ SD for at least \d+ ms/);
    expect(html).toContain('(rise up to 60 ms, prior probability of an abrupt onset 0.5; docs/onset.md)');
    expect(html).toContain('forward only (causal, so that no burst energy precedes its onset), less the mains lines fitted on the baseline, within');
    expect(html).toContain('for at least 50 ms and carrying more power than the baseline once mains lines were fitted out (one-sided F test with effective degrees of freedom, p &lt; 0.001), and then placed');
    expect(doc.results.some((f: { title: string }) => f.title.startsWith('onset latency (ms)'))).toBe(true);
  });
});
