/**
 * Realized summaries of a simulated thickness table, for the README and the seed choice.
 * (The analysis proper is myoscope's `thickness` and `compare` commands.)
 */
import type { ThicknessSample } from './simulate-thickness.js';

export interface MuscleSummary {
  /** Mean over subjects of the per-subject percent change (mean over sides of the per-side value). */
  activationPct: { control: number; LBP: number; differenceLbpMinusControl: number };
  /** Same, with the percent change taken per trial pair and then averaged. */
  activationPctPerTrial: { differenceLbpMinusControl: number };
  /** Mean resting thickness (mean of trials and sides per subject), in mm. */
  restMm: { control: number; LBP: number; differenceLbpMinusControl: number; welchT: number };
  /** One-way ICC(1,1) over the trials, subject × side as targets, per condition. */
  icc: { rest: number; contracted: number };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[]): number => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};

function welchT(x: readonly number[], y: readonly number[]): number {
  return (mean(x) - mean(y)) / Math.sqrt(variance(x) / x.length + variance(y) / y.length);
}

function icc11(targets: readonly (readonly number[])[]): number {
  const k = targets[0].length;
  const n = targets.length;
  const grand = mean(targets.flat());
  const msb = (k * targets.reduce((a, t) => a + (mean(t) - grand) ** 2, 0)) / (n - 1);
  const msw = targets.reduce((a, t) => a + t.reduce((b, v) => b + (v - mean(t)) ** 2, 0), 0) / (n * (k - 1));
  return (msb - msw) / (msb + (k - 1) * msw);
}

/** Summaries per muscle. */
export function thicknessSummary(rows: readonly ThicknessSample[]): Record<string, MuscleSummary> {
  const cells = new Map<string, { group: string; rest: number[]; contracted: number[] }>();
  for (const r of rows) {
    const key = `${r.subject}|${r.muscle}|${r.side}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { group: r.group, rest: [], contracted: [] }));
    cell[r.condition][r.trial - 1] = r.thicknessMm;
  }
  const out: Record<string, MuscleSummary> = {};
  for (const muscle of [...new Set(rows.map((r) => r.muscle))]) {
    const perSubject = new Map<string, { group: string; pct: number[]; pctTrial: number[]; rest: number[] }>();
    const restTargets: number[][] = [];
    const contractedTargets: number[][] = [];
    for (const [key, cell] of cells) {
      const [subject, m] = key.split('|');
      if (m !== muscle) continue;
      let s = perSubject.get(subject);
      if (!s) perSubject.set(subject, (s = { group: cell.group, pct: [], pctTrial: [], rest: [] }));
      const rest = mean(cell.rest);
      s.pct.push(((mean(cell.contracted) - rest) / rest) * 100);
      s.pctTrial.push(mean(cell.rest.map((r, i) => ((cell.contracted[i] - r) / r) * 100)));
      s.rest.push(rest);
      restTargets.push(cell.rest);
      contractedTargets.push(cell.contracted);
    }
    const by = (group: string, f: (s: { pct: number[]; pctTrial: number[]; rest: number[] }) => number[]): number[] =>
      [...perSubject.values()].filter((s) => s.group === group).map((s) => mean(f(s)));
    const pctC = by('control', (s) => s.pct);
    const pctL = by('LBP', (s) => s.pct);
    const restC = by('control', (s) => s.rest);
    const restL = by('LBP', (s) => s.rest);
    out[muscle] = {
      activationPct: { control: mean(pctC), LBP: mean(pctL), differenceLbpMinusControl: mean(pctL) - mean(pctC) },
      activationPctPerTrial: {
        differenceLbpMinusControl: mean(by('LBP', (s) => s.pctTrial)) - mean(by('control', (s) => s.pctTrial)),
      },
      restMm: { control: mean(restC), LBP: mean(restL), differenceLbpMinusControl: mean(restL) - mean(restC), welchT: welchT(restL, restC) },
      icc: { rest: icc11(restTargets), contracted: icc11(contractedTargets) },
    };
  }
  return out;
}
