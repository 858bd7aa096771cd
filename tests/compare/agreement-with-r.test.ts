import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expect-all-close.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

/**
 * The built CLI on the tables of scripts/fixtures/compare.R, every number against R's: t.test,
 * wilcox.test (with conf.int), p.adjust, the effect sizes (effectsize's methods in base R) and the
 * descriptives. A value R leaves out (it stopped, or myoscope gives a reason instead) must be null.
 */

// Agreement targets: p to 1e-10 relative (1e-300 absolute), statistics and CIs to 1e-9.
const P_TOL = { rtol: 1e-10, atol: 1e-300 };
const STAT_TOL = { rtol: 1e-9, atol: 1e-12 };

type Block = Record<string, unknown>;
interface RefRecord extends Block {
  measure: string;
  strata: Record<string, string>;
  focal: string;
  reference: string;
}
interface Run {
  id: string;
  args: string[];
  design: 'independent' | 'paired' | 'summary';
  primary: string;
  records: RefRecord[];
}
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/compare/compare.json'), 'utf8')) as { runs: Run[] };

/** Our number: "-Inf" / "Inf" are the open ends of one-sided intervals. */
function ours(v: unknown, label: string): number | null {
  if (v === null) return null;
  if (v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  if (typeof v !== 'number') throw new Error(`${label}: ${JSON.stringify(v)} is not a number`);
  return v;
}

let compared = 0;
function checkBlock(label: string, got: Block | undefined, ref: Block | undefined, keys: readonly string[]): void {
  expect(got, `${label} is missing`).toBeDefined();
  for (const k of keys) {
    const a = ours(got?.[k], `${label}.${k}`);
    const e = ref?.[k] as number | undefined;
    if (e === undefined || e === null) {
      expect(a, `${label}.${k}: R gives no value`).toBeNull();
      continue;
    }
    expect(a, `${label}.${k}: R gives ${e}`).not.toBeNull();
    expectClose(a as number, e, k === 'p' || k === 'holm' || k === 'bh' ? P_TOL : STAT_TOL, `${label}.${k}`);
    compared++;
  }
}

const GROUP_KEYS = ['n', 'missing', 'mean', 'sd', 'se', 'median', 'q1', 'q3', 'min', 'max'] as const;
const T_KEYS = ['t', 'df', 'p'] as const;

function checkRecord(run: Run, got: Block, ref: RefRecord): void {
  const label = `${run.id} ${ref.measure} ${JSON.stringify(ref.strata)}`;
  expect(got.design).toBe(run.design);
  expect(got.focal).toBe(ref.focal);
  expect(got.reference).toBe(ref.reference);
  const groups = got.groups as Record<string, Block>;
  const refGroups = ref.groups as Record<string, Block>;
  expect(Object.keys(groups)).toEqual([ref.focal, ref.reference]);
  for (const g of [ref.focal, ref.reference]) {
    checkBlock(`${label} groups.${g}`, groups[g], refGroups[g], run.design === 'summary' ? ['n', 'mean', 'sd', 'se'] : GROUP_KEYS);
  }
  checkBlock(`${label} mean_difference`, got.mean_difference as Block, ref.mean_difference as Block, ['estimate', 'ci_low', 'ci_high']);
  const es = got.effect_size as Block;
  const refEs = ref.effect_size as Block;
  if (run.design === 'paired') {
    expect(got.n_pairs, `${label} n_pairs`).toBe(ref.n_pairs);
    checkBlock(`${label} paired_t`, got.paired_t as Block, ref.paired_t as Block | undefined, T_KEYS);
    const w = got.wilcoxon_signed_rank as Block;
    const refW = ref.wilcoxon_signed_rank as Block | undefined;
    checkBlock(`${label} wilcoxon_signed_rank`, w, refW, ['v', 'p', 'n_nonzero']);
    expect(w.method, `${label} signed-rank method`).toBe(refW?.method ?? null);
    checkBlock(`${label} effect_size`, es, refEs, ['cohens_dz', 'cohens_dz_ci_low', 'cohens_dz_ci_high', 'cohens_dav']);
  } else {
    checkBlock(`${label} welch`, got.welch as Block, ref.welch as Block | undefined, T_KEYS);
    if (run.design === 'independent') {
      checkBlock(`${label} student`, got.student as Block, ref.student as Block | undefined, T_KEYS);
      const mw = got.mann_whitney as Block;
      const refMw = ref.mann_whitney as Block | undefined;
      checkBlock(`${label} mann_whitney`, mw, refMw, ['w', 'p']);
      expect(mw.method, `${label} Mann-Whitney method`).toBe(refMw?.method ?? null);
      checkBlock(`${label} hodges_lehmann`, mw.hodges_lehmann as Block, refMw?.hodges_lehmann as Block | undefined, ['estimate', 'ci_low', 'ci_high', 'conf_level']);
      checkBlock(`${label} effect_size`, es, refEs, [
        'cohens_d',
        'hedges_g',
        'hedges_g_ci_low',
        'hedges_g_ci_high',
        'glass_delta',
        'cliffs_delta',
        'rank_biserial',
      ]);
    } else {
      checkBlock(`${label} effect_size`, es, refEs, ['hedges_g', 'hedges_g_ci_low', 'hedges_g_ci_high']);
    }
  }
  const adj = got.p_adjusted as Block;
  const refAdj = ref.p_adjusted as Block;
  expect(adj.of).toBe(run.primary);
  expect(adj.m, `${label} family size`).toBe(refAdj.m);
  checkBlock(`${label} p_adjusted`, adj, refAdj, ['holm', 'bh']);
}

describe('compare agrees with R (scripts/fixtures/compare.R)', () => {
  for (const run of fixture.runs) {
    it(`${run.id}: ${run.args.slice(1).join(' ')}`, () => {
      const r = runCli([...run.args, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { results: Block[]; params: Block };
      expectValidOutput(doc);
      expect(doc.results).toHaveLength(run.records.length);
      const key = (x: { measure: unknown; strata: unknown; focal: unknown }) => JSON.stringify([x.measure, x.strata, x.focal]);
      const byKey = new Map(doc.results.map((x) => [key(x as RefRecord), x]));
      const before = compared;
      for (const ref of run.records) {
        const got = byKey.get(key(ref));
        expect(got, `no record for ${key(ref)}`).toBeDefined();
        checkRecord(run, got as Block, ref);
      }
      expect(compared - before).toBeGreaterThan(run.records.length * 5);
    });
  }
});
