import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expect-all-close.js';
import { ROOT, runCli, tempDir, writeTemp } from '../helpers/run-cli.js';

// R's t.test on the same subject means: scripts/fixtures/farley.R.
const reference = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/farley/farley.json'), 'utf8')) as {
  rows: { muscle: string; measure: string; estimate: number; ci_low: number; ci_high: number; t: number; df: number; p: number }[];
};

describe('the Farley-style table: thickness, then compare, on the samples', () => {
  it('matches R for rest thickness and % change in ES and GM', () => {
    const t = runCli(['thickness', join(ROOT, 'samples/thickness.csv'), '--csv']);
    expect(t.code, t.stderr).toBe(0);
    const table = writeTemp(tempDir(), 'thickness.csv', t.stdout);
    const c = runCli(['compare', table, '--measure', 'rest_mm,change_pct', '--by', 'muscle', '--aggregate', 'mean', '--json']);
    expect(c.code, c.stderr).toBe(0);
    const results = JSON.parse(c.stdout).results as {
      measure: string;
      strata: { muscle: string };
      mean_difference: { estimate: number; ci_low: number; ci_high: number };
      welch: { t: number; df: number; p: number };
    }[];
    expect(results).toHaveLength(4);
    for (const r of reference.rows) {
      const ours = results.find((x) => x.measure === r.measure && x.strata.muscle === r.muscle);
      expect(ours, `${r.measure} ${r.muscle}`).toBeDefined();
      if (!ours) continue;
      const tol = { rtol: 1e-9, atol: 1e-12 };
      expectClose(ours.mean_difference.estimate, r.estimate, tol, `${r.muscle} ${r.measure} estimate`);
      expectClose(ours.mean_difference.ci_low, r.ci_low, tol, 'ci_low');
      expectClose(ours.mean_difference.ci_high, r.ci_high, tol, 'ci_high');
      expectClose(ours.welch.t, r.t, tol, 't');
      expectClose(ours.welch.df, r.df, tol, 'df');
      expectClose(ours.welch.p, r.p, { rtol: 1e-10 }, 'p');
    }
    // The study's pattern: activation lower in LBP by about 3.5 (ES) and 1.9 (GM) points.
    const es = results.find((x) => x.measure === 'change_pct' && x.strata.muscle === 'ES');
    expect(es?.mean_difference.estimate).toBeLessThan(-3);
  });
});
