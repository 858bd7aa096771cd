import { ParameterError } from '../errors.js';
import type { AmplitudeReference, SourcedEnvelope } from './amplitude-reference.js';

/**
 * Peak-of-task reference: the largest single envelope sample across the given recordings, with its
 * source and time in s (`windowMs` 0, `windowSamples` 1). Ties go to the earliest recording, then the
 * earliest sample. Throws `ParameterError` when there is no sample at all. Inputs are not modified.
 */
export function peakReference(envelopes: readonly SourcedEnvelope[], { fsHz }: { fsHz: number }): AmplitudeReference {
  if (!(fsHz > 0) || !Number.isFinite(fsHz)) throw new ParameterError(`sample rate ${fsHz} Hz must be a positive number`);
  let best = -Infinity;
  let bestSource = '';
  let bestIndex = -1;
  for (const { source, samples } of envelopes) {
    for (let i = 0; i < samples.length; i++) {
      if (samples[i] > best) {
        best = samples[i];
        bestSource = source;
        bestIndex = i;
      }
    }
  }
  if (bestIndex < 0) throw new ParameterError('peak reference needs at least 1 envelope sample, got 0');
  if (!Number.isFinite(best)) {
    throw new ParameterError(`peak reference ${best} from "${bestSource}" is not finite: the envelope contains infinity`);
  }
  return { value: best, source: bestSource, startS: bestIndex / fsHz, windowMs: 0, windowSamples: 1 };
}
