const NA = new Set(['', 'n/a']);

/**
 * A short label for what a per-subject value is about, from its stratum columns: the channel
 * for EMG (`TrA_R`, `GMed_R/ES_R`), muscle and side for thickness (`ES L`), with the task or
 * session added when `withTask` / `withSession` say they vary.
 */
export function stratumLabel(r: { channel: string; muscle: string; side: string; task: string; session?: string }, opts: { withTask?: boolean; withSession?: boolean } = {}): string {
  const site = !NA.has(r.channel) ? r.channel : [r.muscle, r.side].filter((s) => !NA.has(s)).join(' ');
  const parts = [site || 'all'];
  if (opts.withTask && !NA.has(r.task)) parts.push(r.task);
  if (opts.withSession && r.session !== undefined && !NA.has(r.session)) parts.push(r.session);
  return parts.join(' · ');
}
