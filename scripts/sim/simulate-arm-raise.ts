/**
 * The arm-raise (rapid shoulder flexion) recording of one subject, with its events and the
 * ground-truth onsets (Hodges & Richardson 1996 protocol, simplified).
 */
import { msToSamples } from '../../src/dsp/ms-to-samples.js';
import { addBurstInPlace, burstEndSample, type Burst } from './burst.js';
import { ARM_RAISE, CHANNELS, FS_HZ, LATENCY_TO_DELTOID_MS, TASK_AMPLITUDE_TRIAL, type Uniform } from './model.js';
import { Prng } from './prng.js';
import { recordChannels, type RecordingNuisance } from './record-channels.js';
import type { SubjectEmgParams } from './subject-emg-params.js';

export interface OnsetTruth {
  subject: string;
  group: string;
  /** 1-based, in event order. */
  trial: number;
  channel: string;
  muscle: string;
  eventSample: number;
  onsetSample: number;
  /** First sample after the burst (envelope back to zero). */
  offsetSample: number;
  deltoidOnsetSample: number;
  plateauRmsUv: number;
}

export interface ArmRaiseRecording {
  channels: Float64Array[];
  /** Cue samples, one per trial. */
  eventSamples: number[];
  truth: OnsetTruth[];
  nuisance: RecordingNuisance;
}

const samples = (ms: number): number => msToSamples(ms, FS_HZ);

/** Simulates the arm-raise task of one subject from stream `(seed, subject, 'armraise', …)`. */
export function simulateArmRaise(seed: number, params: SubjectEmgParams): ArmRaiseRecording {
  const rng = Prng.stream(seed, params.subject, 'armraise', 'timing');
  const eventSamples: number[] = [];
  let t = samples(1000 * rng.range(...ARM_RAISE.firstEventS));
  for (let k = 0; k < ARM_RAISE.trials; k++) {
    eventSamples.push(t);
    t += samples(1000 * rng.range(...ARM_RAISE.interEventS));
  }
  const lengthSamples = eventSamples[eventSamples.length - 1] + samples(1000 * ARM_RAISE.tailS);

  const envelopes = CHANNELS.map(() => new Float64Array(lengthSamples));
  const artefacts = CHANNELS.map((ch) => (ch.muscle === 'DELT' ? new Float64Array(lengthSamples) : undefined));
  const truth: OnsetTruth[] = [];
  const rt = ARM_RAISE.reactionTimeMs;
  eventSamples.forEach((eventSample, k) => {
    const deltoidOnset = eventSample + samples(rng.truncGauss(rt.mean, rt.sd, rt.lo, rt.hi));
    CHANNELS.forEach((ch, c) => {
      let onset = deltoidOnset;
      if (ch.muscle !== 'DELT') {
        const lat = LATENCY_TO_DELTOID_MS[ch.muscle][params.group];
        onset = deltoidOnset + samples(rng.truncGauss(params.latencyToDeltoidMs[ch.muscle], lat.trialSd, lat.lo, lat.hi));
      }
      const plateauMs: Uniform = ch.muscle === 'DELT' ? ARM_RAISE.plateauMs.DELT : ARM_RAISE.plateauMs.trunk;
      const f = TASK_AMPLITUDE_TRIAL;
      const trialFactor = rng.truncGauss(f.mean, f.sd, f.lo, f.hi);
      const burst: Burst = {
        startSample: onset,
        riseSamples: samples(rng.range(...ARM_RAISE.riseMs)),
        plateauSamples: samples(rng.range(...plateauMs)),
        fallSamples: samples(rng.range(...ARM_RAISE.fallMs)),
        amplitude: (params.mvcRmsUv[ch.muscle] * params.taskPctMvc[ch.muscle] * trialFactor) / 100,
      };
      addBurstInPlace(envelopes[c], burst);
      const artefact = artefacts[c];
      if (artefact) {
        const a = ARM_RAISE.deltoidArtefact;
        const start = onset + samples(a.delayAfterOnsetMs);
        const len = samples(a.durationMs);
        const amp = rng.range(...a.amplitudeUv);
        for (let i = 0; i < len && start + i < lengthSamples; i++) artefact[start + i] += amp * Math.sin((Math.PI * i) / len);
      }
      truth.push({
        subject: params.subject,
        group: params.group,
        trial: k + 1,
        channel: ch.name,
        muscle: ch.muscle,
        eventSample,
        onsetSample: onset,
        offsetSample: burstEndSample(burst),
        deltoidOnsetSample: deltoidOnset,
        plateauRmsUv: burst.amplitude,
      });
    });
  });
  const { channels, nuisance } = recordChannels(seed, params, 'armraise', envelopes, artefacts);
  return { channels, eventSamples, truth, nuisance };
}
