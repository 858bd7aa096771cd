/**
 * How the thickness seed is chosen: the first seed, counting up from 1, whose realized table
 * matches the published group differences closely and shows no group difference at rest.
 * The data are never rescaled; only the seed is chosen.
 */
import { SEEDS } from './model.js';
import { simulateParticipants } from './simulate-participants.js';
import { simulateThickness } from './simulate-thickness.js';
import { thicknessSummary } from './thickness-summary.js';

/** Target differences LBP − control in percent thickness change (Farley et al. 2024: 3.46 and 1.93, rounded). */
export const TARGET_DIFFERENCE_PCT = { ES: -3.5, GM: -1.9 } as const;
export const DIFFERENCE_TOLERANCE_PCT = 0.1;
export const REST_MAX_ABS_WELCH_T = 1;

/** Whether `seed` gives a thickness table that meets the criteria above. */
export function thicknessSeedAcceptable(seed: number, emgSeed: number = SEEDS.emg): boolean {
  const summary = thicknessSummary(simulateThickness(seed, simulateParticipants(emgSeed)));
  return (['ES', 'GM'] as const).every(
    (m) =>
      Math.abs(summary[m].activationPct.differenceLbpMinusControl - TARGET_DIFFERENCE_PCT[m]) <= DIFFERENCE_TOLERANCE_PCT &&
      Math.abs(summary[m].restMm.welchT) < REST_MAX_ABS_WELCH_T,
  );
}

/** The first acceptable seed in 1, 2, …, `maxSeed`. */
export function thicknessSeed(maxSeed = 100_000, emgSeed: number = SEEDS.emg): number {
  for (let seed = 1; seed <= maxSeed; seed++) {
    if (thicknessSeedAcceptable(seed, emgSeed)) return seed;
  }
  throw new Error(`no acceptable thickness seed in 1..${maxSeed}`);
}
