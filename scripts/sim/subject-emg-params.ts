/**
 * Per-subject EMG parameters: what stays the same across a subject's recordings in one session.
 */
import { CHANNELS, EMG_SPECTRUM, LATENCY_TO_DELTOID_MS, MVC_RMS_UV, SUBJECT_GAIN, TASK_PCT_MVC, type Group, type Muscle, type TruncNormal } from './model.js';
import { Prng } from './prng.js';

export interface SubjectEmgParams {
  subject: string;
  group: Group;
  /** Multiplicative gain on every EMG amplitude of this subject. */
  gain: number;
  /** RMS amplitude of a maximal contraction, gain included, in µV. */
  mvcRmsUv: Record<Muscle, number>;
  /** Mean plateau amplitude of the arm-raise burst, as % of `mvcRmsUv`. */
  taskPctMvc: Record<Muscle, number>;
  /** Mean onset latency to the deltoid onset, in ms (negative = earlier). */
  latencyToDeltoidMs: Record<Exclude<Muscle, 'DELT'>, number>;
  /** Upper corner `fh` of the source spectrum, per muscle, in Hz. */
  highCornerHz: Record<Muscle, number>;
}

function trunc(rng: Prng, d: TruncNormal): number {
  return rng.truncGauss(d.mean, d.sd, d.lo, d.hi);
}

/** Draws the subject's parameters from its own stream `(seed, subject, 'params')`. */
export function subjectEmgParams(seed: number, subject: string, group: Group): SubjectEmgParams {
  const rng = Prng.stream(seed, subject, 'params');
  const gain = Math.exp(trunc(rng, SUBJECT_GAIN));
  const muscles = CHANNELS.map((c) => c.muscle);
  const mvcRmsUv = {} as Record<Muscle, number>;
  const taskPctMvc = {} as Record<Muscle, number>;
  const highCornerHz = {} as Record<Muscle, number>;
  for (const m of muscles) {
    mvcRmsUv[m] = gain * rng.range(...MVC_RMS_UV[m]);
    taskPctMvc[m] = trunc(rng, TASK_PCT_MVC[m]);
    highCornerHz[m] = rng.range(...EMG_SPECTRUM.highCornerHz);
  }
  const latencyToDeltoidMs = {} as Record<Exclude<Muscle, 'DELT'>, number>;
  for (const m of ['TrA', 'MF', 'ES', 'GMed'] as const) {
    latencyToDeltoidMs[m] = trunc(rng, LATENCY_TO_DELTOID_MS[m][group].subject);
  }
  return { subject, group, gain, mvcRmsUv, taskPctMvc, latencyToDeltoidMs, highCornerHz };
}
