import { bonatoOnsets, type BonatoParams } from './onset-bonato.js';
import { hodgesBuiOnsets, type HodgesBuiParams } from './onset-hodges-bui.js';
import { riseFitOnsets, type OneWaySignals, type RiseFitParams } from './onset-rise-fit.js';
import { tkeoOnsets, type TkeoParams } from './onset-tkeo.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/** The detectors, by the names the command line uses. */
export const ONSET_METHODS = ['risefit', 'hodges-bui', 'bonato', 'tkeo'] as const;
export type OnsetMethod = (typeof ONSET_METHODS)[number];

/** A detector with its complete parameters. */
export type OnsetMethodParams =
  | ({ method: 'risefit' } & RiseFitParams)
  | ({ method: 'hodges-bui' } & HodgesBuiParams)
  | ({ method: 'bonato' } & BonatoParams)
  | ({ method: 'tkeo' } & TkeoParams);

/**
 * Runs the detector `p.method` on the band-passed signal `x` (see each detector). `oneWay`, the same
 * chain run once forward and once backward, is where `risefit` fits its onsets and offsets; the other
 * detectors do not use it.
 */
export function detectOnsets(x: Float64Array, w: OnsetWindows, p: OnsetMethodParams, oneWay?: OneWaySignals): OnsetDetection {
  switch (p.method) {
    case 'risefit':
      return riseFitOnsets(x, w, p, oneWay);
    case 'hodges-bui':
      return hodgesBuiOnsets(x, w, p);
    case 'bonato':
      return bonatoOnsets(x, w, p);
    case 'tkeo':
      return tkeoOnsets(x, w, p);
  }
}
