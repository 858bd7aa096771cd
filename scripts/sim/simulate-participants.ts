/**
 * The participants of the sample study (BIDS `participants.tsv` rows).
 */
import { PARTICIPANTS, type Group } from './model.js';
import { Prng } from './prng.js';

export interface Participant {
  /** BIDS label with prefix, e.g. `sub-C01` (controls) or `sub-L01` (LBP). */
  participantId: string;
  group: Group;
  ageYears: number;
  sex: 'F' | 'M';
  /** `L`, `R` or `bilateral` in the LBP group; `n/a` in controls. */
  symptomSide: string;
  hasEmg: boolean;
}

/** `sub-C01` … for controls, `sub-L01` … for LBP. */
export function participantId(group: Group, index1: number): string {
  return `sub-${group === 'control' ? 'C' : 'L'}${String(index1).padStart(2, '0')}`;
}

/** All participants, controls first, each drawn from stream `(seed, id, 'demographics')`. */
export function simulateParticipants(seed: number): Participant[] {
  const out: Participant[] = [];
  for (const group of ['control', 'LBP'] as const) {
    for (let i = 1; i <= PARTICIPANTS.perGroup; i++) {
      const id = participantId(group, i);
      const rng = Prng.stream(seed, id, 'demographics');
      const age = PARTICIPANTS.ageYears[group];
      out.push({
        participantId: id,
        group,
        ageYears: Math.round(rng.truncGauss(age.mean, age.sd, age.lo, age.hi)),
        sex: rng.chance(PARTICIPANTS.probabilityFemale) ? 'F' : 'M',
        symptomSide: group === 'LBP' ? rng.pick(PARTICIPANTS.symptomSides, PARTICIPANTS.symptomSideWeights) : 'n/a',
        hasEmg: i <= PARTICIPANTS.emgPerGroup,
      });
    }
  }
  return out;
}
