/**
 * Co-contraction of two EMG envelopes by a chosen method — a typed dispatcher over
 * {@link coContractionFalconerWinter} (Falconer & Winter 1985, overlap area in %) and
 * {@link coContractionRudolph} (Rudolph et al. 2000, magnitude-weighted ratio in envelope units).
 * Each result names its method and formula.
 */
import { ParameterError } from '../errors.js';
import { coContractionFalconerWinter, type FalconerWinterOutcome, type IntegrationRule } from './co-contraction-falconer-winter.js';
import { coContractionRudolph, type RudolphResult } from './co-contraction-rudolph.js';

/** The method and its parameters; `fsHz` is the envelopes' sample rate. */
export type CoContractionParams =
  | { method: 'falconer-winter-1985'; fsHz: number; integration?: IntegrationRule }
  | { method: 'rudolph-2000'; fsHz: number };

/** The chosen method's result, tagged by `method`. */
export type CoContractionOutcome = FalconerWinterOutcome | RudolphResult;

/** Co-contraction index of envelopes `a`, `b` sampled at `fsHz` by `params.method`. */
export function coContraction(a: ArrayLike<number>, b: ArrayLike<number>, params: CoContractionParams): CoContractionOutcome {
  switch (params.method) {
    case 'falconer-winter-1985':
      return coContractionFalconerWinter(a, b, { fsHz: params.fsHz, integration: params.integration });
    case 'rudolph-2000':
      return coContractionRudolph(a, b, { fsHz: params.fsHz });
    default:
      throw new ParameterError(`co-contraction method "${String((params as { method: unknown }).method)}" must be falconer-winter-1985 or rudolph-2000`);
  }
}
