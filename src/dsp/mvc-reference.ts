import { ParameterError } from '../errors.js';
import type { AmplitudeReference, SourcedEnvelope } from './amplitude-reference.js';
import { msToSamples } from './ms-to-samples.js';
import { RunningSum } from './running-sum.js';

/** Parameters of {@link mvcReference}. */
export interface MvcReferenceParams {
  /** Sample rate of every envelope, in Hz. */
  fsHz: number;
  /** Averaging window in ms, converted by `msToSamples`; must fit in every envelope. */
  windowMs: number;
}

/**
 * Maximum-voluntary-contraction reference: the largest mean of the envelope over a sliding window of
 * `windowMs` (every whole window position, step one sample) across all the given MVC recordings.
 * Returns the value with its source, window start in s and window length, so the normalised output
 * can say where its reference came from. Ties go to the earliest recording, then earliest position.
 *
 * Throws `ParameterError` when no envelope is given, or the window is under one sample or longer
 * than any envelope. Inputs are not modified.
 */
export function mvcReference(envelopes: readonly SourcedEnvelope[], { fsHz, windowMs }: MvcReferenceParams): AmplitudeReference {
  if (envelopes.length === 0) throw new ParameterError('MVC reference needs at least 1 MVC recording, got 0');
  const w = msToSamples(windowMs, fsHz);
  if (w < 1) {
    throw new ParameterError(`MVC window ${windowMs} ms is ${w} samples at ${fsHz} Hz: must be at least 1 sample`);
  }
  for (const e of envelopes) {
    if (e.samples.length < w) {
      throw new ParameterError(
        `MVC window ${windowMs} ms (${w} samples) must not exceed the length of MVC recording "${e.source}", ` +
          `${e.samples.length} samples (${(e.samples.length * 1000) / fsHz} ms at ${fsHz} Hz)`,
      );
    }
  }
  let best = -Infinity;
  let bestSource = envelopes[0].source;
  let bestStart = 0;
  for (const { source, samples } of envelopes) {
    const sum = new RunningSum();
    for (let i = 0; i < w; i++) sum.add(samples[i]);
    for (let start = 0; ; start++) {
      const mean = sum.value() / w;
      if (mean > best) {
        best = mean;
        bestSource = source;
        bestStart = start;
      }
      if (start + w >= samples.length) break;
      sum.sub(samples[start]);
      sum.add(samples[start + w]);
    }
  }
  if (!Number.isFinite(best)) {
    throw new ParameterError(`MVC reference ${best} from "${bestSource}" is not finite: the envelope contains NaN or infinity`);
  }
  return { value: best, source: bestSource, startS: bestStart / fsHz, windowMs, windowSamples: w };
}
