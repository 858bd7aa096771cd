import { ParameterError } from '../errors.js';

/**
 * Validates a pair of EMG envelopes for a co-contraction index: equal length, at least
 * `minSamples` samples, every sample finite and ≥ 0 (an envelope is rectified and smoothed, so
 * a negative sample means the wrong signal was passed), and a positive finite `fsHz`.
 *
 * @throws ParameterError naming the envelope, the sample index and the value.
 */
export function checkEnvelopePair(a: ArrayLike<number>, b: ArrayLike<number>, fsHz: number, minSamples: number, method: string): void {
  if (!(fsHz > 0) || !Number.isFinite(fsHz)) throw new ParameterError(`${method}: sample rate ${fsHz} Hz must be a positive number`);
  if (a.length !== b.length) {
    throw new ParameterError(`${method}: envelopes differ in length (a has ${a.length} samples, b has ${b.length})`);
  }
  if (a.length < minSamples) {
    throw new ParameterError(`${method}: envelopes have ${a.length} samples; at least ${minSamples} needed`);
  }
  for (const [name, env] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (let i = 0; i < env.length; i++) {
      const v = env[i];
      if (!Number.isFinite(v) || v < 0) {
        throw new ParameterError(`${method}: envelope ${name} sample ${i} is ${v}; an envelope must be finite and >= 0`);
      }
    }
  }
}
