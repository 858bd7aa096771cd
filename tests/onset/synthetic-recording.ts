import { butterSos } from '../../src/dsp/butter-sos.js';
import { onsetPrng } from '../../src/dsp/onset-prng.js';
import { sosFilt } from '../../src/dsp/sos-filt.js';
import type { Recording } from '../../src/model/recording.js';

/** A burst in a synthetic channel: start and length in ms, RMS relative to the unit-RMS noise. */
export interface SyntheticBurst {
  startMs: number;
  lengthMs: number;
  rms: number;
}

/**
 * A recording for tests: each channel is white Gaussian noise (RMS `noise`, default 1) plus bursts of
 * 50–150 Hz band-limited noise with a 25 ms raised-cosine rise, so onsets are where the burst starts.
 * Seeded, so the same call gives the same samples.
 */
export function syntheticRecording(
  fsHz: number,
  durationMs: number,
  channels: Record<string, SyntheticBurst[] | { bursts: SyntheticBurst[]; noise?: (tMs: number) => number }>,
  seed = 42,
): Recording {
  const prng = onsetPrng(seed);
  const n = Math.round((durationMs * fsHz) / 1000);
  const band = butterSos({ order: 2, type: 'bandpass', cutoffHz: [50, 150], fsHz });
  const out = Object.entries(channels).map(([name, spec]) => {
    const bursts = Array.isArray(spec) ? spec : spec.bursts;
    const noise = Array.isArray(spec) ? () => 1 : (spec.noise ?? (() => 1));
    const white = Float64Array.from({ length: n }, () => prng.normal());
    const src = sosFilt(band, Float64Array.from({ length: n }, () => prng.normal()));
    let p = 0;
    for (const v of src) p += v * v;
    const scale = 1 / Math.sqrt(p / n);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = noise((i * 1000) / fsHz) * white[i];
    for (const b of bursts) {
      const i0 = Math.round((b.startMs * fsHz) / 1000);
      const len = Math.round((b.lengthMs * fsHz) / 1000);
      const rise = Math.round((25 * fsHz) / 1000);
      for (let k = 0; k < len && i0 + k < n; k++) {
        const a = k < rise ? 0.5 * (1 - Math.cos((Math.PI * (k + 1)) / (rise + 1))) : 1;
        x[i0 + k] += b.rms * a * scale * src[i0 + k];
      }
    }
    return { name, unit: 'uV', samples: x };
  });
  return { fsHz, startS: 0, channels: out, events: [], source: { path: 'synthetic', format: 'csv', metadata: {} } };
}

/** The recording as CSV text with a `# fs=` line (values to 4 decimals). */
export function recordingCsv(rec: Recording): string {
  const lines = [`# fs=${rec.fsHz}`, rec.channels.map((c) => `${c.name} (${c.unit})`).join(',')];
  const n = rec.channels[0].samples.length;
  for (let i = 0; i < n; i++) lines.push(rec.channels.map((c) => c.samples[i].toFixed(4)).join(','));
  return `${lines.join('\n')}\n`;
}
