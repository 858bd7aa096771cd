import type { SubjectRow, TrialRow } from './rows.js';

interface Acc {
  row: Omit<SubjectRow, 'value' | 'n'>;
  sum: number;
  comp: number;
  n: number;
  missing: number;
}

/**
 * Per-subject means of trial rows, accumulated as rows stream past (memory grows with subjects ×
 * measures, not with trials). Booleans (unit `bool`) become the proportion of trials (unit
 * `proportion`). Rows without a value are counted as missing and left out of the mean. Insertion
 * order is kept, so the output order follows the input order.
 */
export class SubjectMeans {
  private readonly accs = new Map<string, Acc>();

  add(r: TrialRow): void {
    const key = [r.subject, r.session, r.task, r.step, r.channel, r.muscle, r.side, r.measure, r.unit].join('\u0000');
    let a = this.accs.get(key);
    if (!a) {
      a = {
        row: { subject: r.subject, group: r.group, session: r.session, task: r.task, step: r.step, channel: r.channel, muscle: r.muscle, side: r.side, measure: r.measure, unit: r.unit === 'bool' ? 'proportion' : r.unit },
        sum: 0,
        comp: 0,
        n: 0,
        missing: 0,
      };
      this.accs.set(key, a);
    }
    if (r.value === null) {
      a.missing++;
      return;
    }
    const t = a.sum + r.value;
    a.comp += Math.abs(a.sum) >= Math.abs(r.value) ? a.sum - t + r.value : r.value - t + a.sum;
    a.sum = t;
    a.n++;
  }

  rows(): SubjectRow[] {
    return [...this.accs.values()].map((a) => ({ ...a.row, value: a.n > 0 ? (a.sum + a.comp) / a.n : null, n: a.n }));
  }
}
