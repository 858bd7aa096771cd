import type { AmplitudeReference } from '../dsp/amplitude-reference.js';
import { mvcReference } from '../dsp/mvc-reference.js';
import { normalize } from '../dsp/normalize.js';
import { peakReference } from '../dsp/peak-reference.js';

export type NormalizeParams = { method: 'mvc'; windowMs: number } | { method: 'peak' } | { method: 'none' };

/** A normalised channel and where its reference came from. */
export interface NormalizedChannel {
  values: Float64Array;
  /** Unit after normalisation: `%MVC` or `%peak`. */
  unit: string;
  reference: AmplitudeReference;
  /** Values above 100 % (kept, reported as a warning). */
  aboveCount: number;
}

/**
 * Normalises one conditioned channel (an envelope) to MVC — the largest `windowMs` mean of the
 * same channel's envelope across the subject's MVC recordings (`mvcEnvelopes`, conditioned with the
 * same chain) — or to the peak of the task envelope itself.
 */
export function normalizeChannel(
  envelope: Float64Array,
  fsHz: number,
  p: Exclude<NormalizeParams, { method: 'none' }>,
  sources: { task: string; mvcEnvelopes?: { source: string; samples: Float64Array }[] },
): NormalizedChannel {
  let reference: AmplitudeReference;
  if (p.method === 'mvc') {
    reference = mvcReference(sources.mvcEnvelopes ?? [], { fsHz, windowMs: p.windowMs });
  } else {
    reference = peakReference([{ source: sources.task, samples: envelope }], { fsHz });
  }
  const { values, aboveCount } = normalize(envelope, reference);
  return { values, unit: p.method === 'mvc' ? '%MVC' : '%peak', reference, aboveCount };
}
