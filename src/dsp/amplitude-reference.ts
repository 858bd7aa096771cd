/** A recording's envelope, named by where it came from (e.g. its file). */
export interface SourcedEnvelope {
  /** Where the samples came from; returned with the reference so the output can cite it. */
  source: string;
  /** Envelope samples (e.g. `lowpassEnvelope` or `movingRms` output). */
  samples: Float64Array;
}

/** The amplitude that normalised values are expressed as a percentage of, and where it was found. */
export interface AmplitudeReference {
  /** Reference amplitude, in the envelope's unit. */
  value: number;
  /** `source` of the envelope it came from. */
  source: string;
  /** Start of the reference window (or the peak sample) in s from the start of that envelope. */
  startS: number;
  /** Window length in ms (0 for a single-sample peak). */
  windowMs: number;
  /** Window length in samples (1 for a single-sample peak). */
  windowSamples: number;
}
