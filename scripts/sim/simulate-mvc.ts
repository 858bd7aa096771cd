/**
 * The MVC recording of one subject: one maximal contraction per muscle, in sequence, with some
 * co-activation of the others.
 */
import { msToSamples } from '../../src/dsp/ms-to-samples.js';
import { addBurstInPlace } from './burst.js';
import { CHANNELS, FS_HZ, MVC, type Muscle } from './model.js';
import { Prng } from './prng.js';
import { recordChannels, type RecordingNuisance } from './record-channels.js';
import type { SubjectEmgParams } from './subject-emg-params.js';

export interface MvcSegment {
  muscle: Muscle;
  channel: string;
  /** First sample of the ramp up. */
  startSample: number;
  /** Ramp up + hold + ramp down, in samples. */
  lengthSamples: number;
}

export interface MvcRecording {
  channels: Float64Array[];
  segments: MvcSegment[];
  nuisance: RecordingNuisance;
}

/** Simulates the MVC recording of one subject from stream `(seed, subject, 'mvc', …)`. */
export function simulateMvc(seed: number, params: SubjectEmgParams): MvcRecording {
  const rng = Prng.stream(seed, params.subject, 'mvc', 'protocol');
  const ramp = msToSamples(1000 * MVC.rampS, FS_HZ);
  const hold = msToSamples(1000 * MVC.holdS, FS_HZ);
  const rest = msToSamples(1000 * MVC.restS, FS_HZ);
  const lead = msToSamples(1000 * MVC.leadS, FS_HZ);
  const period = 2 * ramp + hold + rest;
  const lengthSamples = lead + MVC.order.length * period;
  const envelopes = CHANNELS.map(() => new Float64Array(lengthSamples));
  const segments: MvcSegment[] = [];
  MVC.order.forEach((target, k) => {
    const start = lead + k * period;
    const channel = CHANNELS.find((c) => c.muscle === target);
    if (!channel) throw new Error(`no channel for muscle ${target}`);
    segments.push({ muscle: target, channel: channel.name, startSample: start, lengthSamples: 2 * ramp + hold });
    const coact: Partial<Record<Muscle, number>> = MVC.coactivation[target];
    CHANNELS.forEach((ch, c) => {
      const fraction = ch.muscle === target ? 1 : (coact[ch.muscle] ?? 0);
      if (fraction > 0) {
        addBurstInPlace(envelopes[c], {
          startSample: start,
          riseSamples: ramp,
          plateauSamples: hold,
          fallSamples: ramp,
          amplitude: params.mvcRmsUv[ch.muscle] * fraction,
        });
      }
    });
  });
  // Slow wobble of the effort, per channel.
  for (const env of envelopes) {
    const parts = [0, 1].map(() => ({ omega: (2 * Math.PI * rng.range(...MVC.wobbleHz)) / FS_HZ, phase: rng.range(0, 2 * Math.PI) }));
    for (let i = 0; i < lengthSamples; i++) {
      let w = 1;
      for (const p of parts) w += MVC.wobbleRelative * Math.sin(p.omega * i + p.phase);
      env[i] *= w;
    }
  }
  const { channels, nuisance } = recordChannels(seed, params, 'mvc', envelopes);
  return { channels, segments, nuisance };
}
