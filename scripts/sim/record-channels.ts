/**
 * Turns activation envelopes into recorded channels: EMG source × envelope, plus baseline noise,
 * powerline hum, drift, electrode offset and any extra artefact, rounded to the ADC step.
 */
import { baselineDrift } from './baseline-drift.js';
import { baselineNoise } from './baseline-noise.js';
import { emgSource } from './emg-source.js';
import { CHANNELS, FS_HZ, RECORDING } from './model.js';
import { powerlineHum } from './powerline-hum.js';
import { Prng } from './prng.js';
import type { SubjectEmgParams } from './subject-emg-params.js';

export interface RecordingNuisance {
  mainsHz: number;
  /** Per channel, in `CHANNELS` order. */
  noiseRmsUv: number[];
  humAmplitudeUv: number[];
  offsetUv: number[];
}

export interface RecordedChannels {
  /** One array per channel in `CHANNELS` order, in µV, multiples of `RECORDING.adcStepUv`. */
  channels: Float64Array[];
  nuisance: RecordingNuisance;
}

/**
 * Records one session task. `envelopes[c]` is the RMS amplitude (µV) of channel c over time;
 * `artefacts[c]`, when given, is added as it is. Every channel and component draws from its own
 * stream `(seed, subject, task, channel, component)`.
 */
export function recordChannels(
  seed: number,
  params: SubjectEmgParams,
  task: string,
  envelopes: readonly Float64Array[],
  artefacts: readonly (Float64Array | undefined)[] = [],
): RecordedChannels {
  const n = envelopes[0].length;
  const rec = Prng.stream(seed, params.subject, task, 'recording');
  const mainsHz = rec.range(...RECORDING.mainsHz);
  const nuisance: RecordingNuisance = { mainsHz, noiseRmsUv: [], humAmplitudeUv: [], offsetUv: [] };
  const step = RECORDING.adcStepUv;
  const channels = CHANNELS.map((ch, c) => {
    const noiseRms = rec.range(...RECORDING.noiseRmsUv);
    const humAmp = rec.range(...RECORDING.humAmplitudeUv);
    const offset = rec.range(...RECORDING.offsetUv);
    nuisance.noiseRmsUv.push(noiseRms);
    nuisance.humAmplitudeUv.push(humAmp);
    nuisance.offsetUv.push(offset);
    const stream = (component: string): Prng => Prng.stream(seed, params.subject, task, ch.name, component);
    const source = emgSource(stream('emg'), n, FS_HZ, params.highCornerHz[ch.muscle]);
    const noise = baselineNoise(stream('noise'), n, FS_HZ, noiseRms, RECORDING.noiseLowpassHz);
    const hum = powerlineHum(stream('hum'), n, FS_HZ, mainsHz, humAmp);
    const drift = baselineDrift(stream('drift'), n, FS_HZ);
    const env = envelopes[c];
    const extra = artefacts[c];
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = env[i] * source[i] + noise[i] + hum[i] + drift[i] + offset + (extra ? extra[i] : 0);
      out[i] = Math.round(v / step) * step;
    }
    return out;
  });
  return { channels, nuisance };
}
