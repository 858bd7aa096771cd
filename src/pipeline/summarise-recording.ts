import { channelQuality } from '../dsp/channel-quality.js';
import { powerlineShare } from '../dsp/powerline-share.js';
import { samplesToMs } from '../dsp/ms-to-samples.js';
import { sampleCount, type Recording } from '../model/recording.js';

/** Half-width of the mains bands in `inspect`, in Hz. */
export const MAINS_HALF_WIDTH_HZ = 1;

export interface ChannelSummary {
  channel: string;
  unit: string;
  mean: number;
  rms: number;
  min: number;
  max: number;
  nan_count: number;
  clip_pct: number;
  flat_run_ms: number;
  powerline_50hz_pct: number | null;
  powerline_60hz_pct: number | null;
  /** Why a figure is missing (`null` above), when it is. */
  note?: string;
}

export interface RecordingSummary {
  path: string;
  kind: 'recording';
  format: string;
  fs_hz: number;
  duration_s: number;
  n_samples: number;
  n_channels: number;
  start_s: number;
  events: number;
  channels: ChannelSummary[];
}

function longestValidRun(x: Float64Array): Float64Array {
  let best = [0, 0];
  let start = -1;
  for (let i = 0; i <= x.length; i++) {
    const valid = i < x.length && x[i] === x[i];
    if (valid && start < 0) start = i;
    if (!valid && start >= 0) {
      if (i - start > best[1] - best[0]) best = [start, i];
      start = -1;
    }
  }
  return x.subarray(best[0], best[1]);
}

/** The `inspect` figures for one recording. Mains share is computed on the longest NaN-free stretch. */
export function summariseRecording(rec: Recording): RecordingSummary {
  const n = sampleCount(rec);
  const channels = rec.channels.map((ch): ChannelSummary => {
    const q = channelQuality(ch.samples);
    const valid = q.nanCount > 0 ? longestValidRun(ch.samples) : ch.samples;
    const mains = (hz: number) =>
      valid.length >= 8 && hz + MAINS_HALF_WIDTH_HZ < rec.fsHz / 2
        ? powerlineShare(valid, { fsHz: rec.fsHz, mainsHz: hz, halfWidthHz: MAINS_HALF_WIDTH_HZ }).pct
        : null;
    const p50 = mains(50);
    const p60 = mains(60);
    const summary: ChannelSummary = {
      channel: ch.name,
      unit: ch.unit,
      mean: q.mean,
      rms: q.rms,
      min: q.min,
      max: q.max,
      nan_count: q.nanCount,
      clip_pct: q.clipPct,
      flat_run_ms: samplesToMs(q.longestFlatRunSamples, rec.fsHz),
      powerline_50hz_pct: p50,
      powerline_60hz_pct: p60,
    };
    if (p50 === null || p60 === null) summary.note = valid.length < 8 ? 'too few valid samples for a spectrum' : 'mains frequency above Nyquist';
    return summary;
  });
  return {
    path: rec.source.path,
    kind: 'recording',
    format: rec.source.format,
    fs_hz: rec.fsHz,
    duration_s: n / rec.fsHz,
    n_samples: n,
    n_channels: rec.channels.length,
    start_s: rec.startS,
    events: rec.events.length,
    channels,
  };
}
