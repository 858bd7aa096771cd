import type { ActivationRecord } from './activation-recording.js';
import { naturalCompare } from './thickness-cells.js';
import { groupBy } from '../group-by.js';

/**
 * Per-subject rows (trial `mean`) over the trial rows of each subject × task × channel × measure:
 * the mean of the trial values, with `n_trials`. A ratio A/B is instead the ratio of the subject's
 * mean envelope amplitudes of A and B (a ratio of means, steadier than a mean of ratios), taken
 * over the trials that have both.
 */
export function subjectMeans(records: readonly ActivationRecord[]): ActivationRecord[] {
  const groups = groupBy(
    records.filter((r) => r.trial !== 'mean'),
    (r) => [r.subject, r.task, r.channel, r.measure].join('\u0000'),
  );
  const out: ActivationRecord[] = [];
  for (const rows of groups.values()) {
    const first = rows[0];
    const row: ActivationRecord = {
      subject: first.subject,
      group: first.group,
      task: first.task,
      trial: 'mean',
      channel: first.channel,
      measure: first.measure,
      value: rows.reduce((s, r) => s + r.value, 0) / rows.length,
      unit: first.unit,
      n_trials: rows.length,
    };
    if (first.measure === 'envelope_mean_ratio') {
      const [a, b] = first.channel.split('/');
      const amplitude = records.filter((r) => r.subject === first.subject && r.task === first.task && r.trial !== 'mean' && r.measure.startsWith('envelope_mean') && r.measure !== 'envelope_mean_ratio');
      const trials = new Set(rows.map((r) => `${r.recording}\u0000${r.trial}`));
      const meanOf = (channel: string) => {
        const v = amplitude.filter((r) => r.channel === channel && trials.has(`${r.recording}\u0000${r.trial}`)).map((r) => r.value);
        return v.reduce((s, x) => s + x, 0) / v.length;
      };
      row.value = meanOf(a) / meanOf(b);
    }
    out.push(row);
  }
  return out.sort((x, y) => naturalCompare(x.subject, y.subject) || naturalCompare(x.task, y.task) || naturalCompare(x.channel, y.channel));
}
