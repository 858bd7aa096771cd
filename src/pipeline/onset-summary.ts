import type { OnsetRecord } from './onset-recording.js';

/** Per subject (or file), channel and method: how many trials, how many onsets, latency statistics. */
export interface OnsetSummaryRow {
  subject: string | null;
  file: string;
  channel: string;
  method: string;
  reference: string | null;
  n_trials: number;
  n_detected: number;
  /** Records with at least one flag. */
  n_flagged: number;
  n_latency: number;
  latency_mean_ms: number | null;
  /** Median (R `median`). */
  latency_median_ms: number | null;
  /** Sample SD (n − 1); null with fewer than two latencies. */
  latency_sd_ms: number | null;
  n_feedforward: number;
  /** Share of the trials with a latency that are feed-forward, %; null when feed-forward does not apply. */
  feedforward_pct: number | null;
}

/**
 * Summarises onset records per file, channel and method in first-seen order. Every record counts
 * as a trial (none is dropped); latency statistics use the records that have a latency. Bursts of
 * a continuous scan count as trials too.
 */
export function onsetSummary(records: readonly OnsetRecord[]): OnsetSummaryRow[] {
  const groups = new Map<string, OnsetRecord[]>();
  for (const r of records) {
    const key = JSON.stringify([r.file, r.channel, r.method]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const rows: OnsetSummaryRow[] = [];
  for (const g of groups.values()) {
    const lat = g.map((r) => r.latency_ms).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const ff = g.filter((r) => r.feedforward !== null);
    const n = lat.length;
    const mean = n ? lat.reduce((s, v) => s + v, 0) / n : null;
    const median = n ? (n % 2 ? lat[n >> 1] : (lat[(n >> 1) - 1] + lat[n >> 1]) / 2) : null;
    const sd = n > 1 && mean !== null ? Math.sqrt(lat.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
    const nff = ff.filter((r) => r.feedforward === true).length;
    rows.push({
      subject: g[0].subject,
      file: g[0].file,
      channel: g[0].channel,
      method: g[0].method,
      reference: g.find((r) => r.reference !== null)?.reference ?? null,
      n_trials: g.length,
      n_detected: g.filter((r) => r.onset_s !== null).length,
      n_flagged: g.filter((r) => r.flags !== '').length,
      n_latency: n,
      latency_mean_ms: mean,
      latency_median_ms: median,
      latency_sd_ms: sd,
      n_feedforward: nff,
      feedforward_pct: ff.length ? (100 * nff) / ff.length : null,
    });
  }
  return rows;
}
