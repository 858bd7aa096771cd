import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

interface Rec {
  measure: string;
  strata: Record<string, string>;
  groups: Record<string, { n: number; mean: number }>;
  mean_difference: { estimate: number } | null;
  welch: { p: number } | null;
}

describe('npm start: the bundled sample study from samples/study.yaml', () => {
  const out = join(tempDir('myoscope-samples-'), 'results');
  const r = runCli(['run', join(ROOT, 'samples/study.yaml'), '--out', out, '--json']);

  it('runs every recording without failures', () => {
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expectValidOutput(doc);
    expect(doc.summary).toMatchObject({ files: 20, processed: 20, failed: 0 });
    expect(readFileSync(join(out, 'exclusions.csv'), 'utf8').trim()).toBe('file,subject,stage,reason');
  });

  it('shows what the simulated study was made to show: TrA feed-forward lost in LBP, lower ES activation', () => {
    const results = JSON.parse(r.stdout).results as Rec[];
    const find = (measure: string, key: string, value: string) => results.find((x) => x.measure === measure && x.strata[key] === value);
    // Simulated truth (samples/README.md): TrA − deltoid −34.2 ms in controls, +53.7 ms in LBP.
    const tra = find('latency_ms', 'channel', 'TrA_R');
    expect(tra?.groups.control.mean).toBeGreaterThan(-45);
    expect(tra?.groups.control.mean).toBeLessThan(-25);
    expect(tra?.groups.LBP.mean).toBeGreaterThan(40);
    expect(tra?.groups.LBP.mean).toBeLessThan(70);
    expect(tra?.welch?.p).toBeLessThan(1e-6);
    const ff = find('feedforward', 'channel', 'TrA_R');
    expect(ff?.groups.control.mean).toBe(1);
    expect(ff?.groups.LBP.mean).toBeLessThan(0.6);
    const es = results.filter((x) => x.measure === 'change_pct' && x.strata.muscle === 'ES');
    expect(es).toHaveLength(2);
    for (const side of es) expect(side.mean_difference?.estimate).toBeLessThan(-2);
  });
});
