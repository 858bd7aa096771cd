import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import { expectClose } from '../helpers/expect-all-close.js';
import { expectValidOutput } from '../helpers/schema.js';
import { loadFixture } from '../activation/load-fixture.js';

/*
 * `myoscope thickness --json` on two tables against an independent base-R analysis of the same
 * tables (scripts/fixtures/activation_thickness.R): per-subject records, asymmetry, reliability
 * (aov mean squares, every ICC form with CI, F and p, SEM and MDC95), Bland–Altman between trials
 * and between raters, group differences and pre/post changes.
 */

type Row = Record<string, unknown>;
interface RefTable {
  name: string;
  records: Row[];
  asymmetry: Row[];
  reliability: (Row & { forms: Row[]; dropped_subjects: string[] })[];
  agreement: Row[];
  differences: Row[];
  sessions: Row[];
}

const fixture = loadFixture<{ tables: RefTable[] }>('thickness.json');

// Means and ratios of 0.1 mm data: a few ulps. ICC statistics: aov (QR) against our direct sums
// of squares, 1e-9 relative as in tests/reliability/icc.test.ts; p-values 1e-10 relative.
const EXACT = { rtol: 1e-12, atol: 1e-12 };
const STAT = { rtol: 1e-9, atol: 1e-12 };
const PVAL = { rtol: 1e-10, atol: 1e-300 };
const KEYS = ['subject', 'muscle', 'side', 'level', 'session', 'rater', 'measure', 'between'];

function keyOf(r: Row, keys = KEYS): string {
  return keys.map((k) => (r[k] === undefined || r[k] === null ? '' : String(r[k]))).join('|');
}

function indexBy(rows: Row[], keys = KEYS): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of rows) {
    const k = keyOf(r, keys);
    expect(m.has(k), `duplicate row ${k}`).toBe(false);
    m.set(k, r);
  }
  return m;
}

async function runJson(args: string[]): Promise<{ code: number; doc: Record<string, unknown> & { results: Row[]; warnings: string[] }; stderr: string }> {
  const io = memoryIo();
  const code = await main(['thickness', '--json', ...args], io);
  return { code, doc: JSON.parse(io.out.join('')), stderr: io.err.join('') };
}

const path = (name: string) => fileURLToPath(new URL(`../fixtures/activation/${name}`, import.meta.url));

describe('thickness against base R', () => {
  for (const ref of fixture.tables) {
    describe(ref.name, async () => {
      const { code, doc, stderr } = await runJson([path(ref.name), ...(ref.name.includes('wide') ? ['--sessions', 'pre,post'] : [])]);

      it('runs, and its document conforms to the schema', () => {
        expect(code, stderr).toBe(0);
        expectValidOutput(doc);
      });

      it('per-subject records: rest, contracted, change_pct, ratio, n_trials', () => {
        const got = indexBy(doc.results.filter((r) => r.side !== 'L-R'));
        expect(got.size).toBe(ref.records.length);
        for (const r of ref.records) {
          const g = got.get(keyOf(r));
          expect(g, keyOf(r)).toBeDefined();
          expect(g?.group).toBe(r.group);
          expectClose(g?.value as number, r.value as number, EXACT, keyOf(r));
        }
      });

      it('side-to-side asymmetry records', () => {
        const got = indexBy(doc.results.filter((r) => r.side === 'L-R'), KEYS.filter((k) => k !== 'side'));
        expect(got.size).toBe(ref.asymmetry.length);
        for (const r of ref.asymmetry) {
          const g = got.get(keyOf(r, KEYS.filter((k) => k !== 'side')));
          expect(g, keyOf(r)).toBeDefined();
          expectClose(g?.value as number, r.value as number, EXACT, keyOf(r));
        }
      });

      it('reliability: mean squares, every ICC form with CI, F, p, SEM and MDC95', () => {
        const got = indexBy(doc.reliability as Row[]);
        expect(got.size).toBe(ref.reliability.length);
        for (const r of ref.reliability) {
          const g = got.get(keyOf(r)) as Row & { forms: Row[]; mean_squares: Row };
          expect(g, keyOf(r)).toBeDefined();
          expect(g.n_subjects).toBe(r.n_subjects);
          expect(g.k_trials).toBe(r.k_trials);
          expect(g.dropped_subjects).toEqual(r.dropped_subjects);
          for (const ms of ['ms_rows', 'ms_columns', 'ms_error', 'ms_within']) expectClose(g.mean_squares[ms] as number, r[ms] as number, STAT, `${keyOf(r)} ${ms}`);
          expect(g.forms.map((f) => f.icc_form)).toEqual(r.forms.map((f) => f.icc_form));
          r.forms.forEach((f, i) => {
            const gf = g.forms[i];
            for (const k of ['icc', 'ci_lower', 'ci_upper', 'f_value', 'sem_from_icc', 'mdc95_from_icc', 'sem_from_ms_error', 'mdc95_from_ms_error']) {
              expectClose(gf[k] as number, f[k] as number, STAT, `${keyOf(r)} ${f.icc_form} ${k}`);
            }
            expectClose(gf.p as number, f.p as number, PVAL, `${keyOf(r)} ${f.icc_form} p`);
          });
        }
      });

      it('Bland–Altman between trials 1 and 2 (and between raters)', () => {
        const got = indexBy(doc.agreement as Row[]);
        expect(got.size).toBe(ref.agreement.length);
        for (const r of ref.agreement) {
          const g = got.get(keyOf(r));
          expect(g, keyOf(r)).toBeDefined();
          expect([g?.first, g?.second, g?.n]).toEqual([r.first, r.second, r.n]);
          for (const k of ['bias', 'sd_diff', 'loa_lower', 'loa_upper', 'bias_ci_lower', 'bias_ci_upper', 'loa_lower_ci_lower', 'loa_upper_ci_upper']) {
            expectClose(g?.[k] as number, r[k] as number, STAT, `${keyOf(r)} ${k}`);
          }
        }
      });

      it('group differences (focal − reference) and their MDC95', () => {
        const got = indexBy(doc.differences as Row[]);
        expect(got.size).toBe(ref.differences.length);
        for (const r of ref.differences) {
          const g = got.get(keyOf(r));
          expect(g, keyOf(r)).toBeDefined();
          expectClose(g?.difference as number, r.difference as number, EXACT, keyOf(r));
          if (r.mdc95 === undefined) expect(g?.mdc95).toBeNull();
          else expectClose(g?.mdc95 as number, r.mdc95 as number, STAT, `${keyOf(r)} mdc95`);
        }
      });

      it('pre/post changes against the baseline MDC95', () => {
        const got = indexBy(doc.session_changes as Row[]);
        expect(got.size).toBe(ref.sessions.length);
        for (const r of ref.sessions) {
          const g = got.get(keyOf(r));
          expect(g, keyOf(r)).toBeDefined();
          expectClose(g?.change as number, r.change as number, EXACT, keyOf(r));
          expectClose(g?.mdc95 as number, r.mdc95 as number, STAT, `${keyOf(r)} mdc95`);
          expect(g?.within_mdc).toBe(r.within_mdc);
        }
      });
    });
  }
});
