/**
 * The RUSI thickness table: ES and GM, both sides, rest and contracted, three trials each
 * (after Farley, Pokhrel, Koppenhaver & Fritz 2024).
 */
import { THICKNESS, type Group, type RusiMuscle } from './model.js';
import { Prng } from './prng.js';

export interface ThicknessSample {
  subject: string;
  group: Group;
  muscle: RusiMuscle;
  side: 'L' | 'R';
  condition: 'rest' | 'contracted';
  trial: number;
  /** Rounded to `THICKNESS.resolutionMm`. */
  thicknessMm: number;
}

/**
 * Long-form rows for the given subjects. Per subject and muscle: a resting thickness and an
 * activation (percent change) with group-dependent mean; per side: deviations of both; per
 * image: independent measurement error. Contracted = rest × (1 + activation / 100).
 * Each subject draws from stream `(seed, subject, 'rusi')`.
 */
export function simulateThickness(seed: number, subjects: readonly { participantId: string; group: Group }[]): ThicknessSample[] {
  const rows: ThicknessSample[] = [];
  const res = THICKNESS.resolutionMm;
  for (const { participantId: subject, group } of subjects) {
    const rng = Prng.stream(seed, subject, 'rusi');
    for (const muscle of THICKNESS.muscles) {
      const rest = THICKNESS.restMm[muscle];
      const act = THICKNESS.activationPct[muscle];
      const subjectRest = rng.gauss(rest.subjectMean, rest.subjectSd);
      const subjectAct = rng.gauss(act[group], act.subjectSd);
      for (const side of THICKNESS.sides) {
        const trueRest = subjectRest + rng.gauss(0, rest.sideSd);
        const trueAct = subjectAct + rng.gauss(0, act.sideSd);
        const trueContracted = trueRest * (1 + trueAct / 100);
        for (const condition of THICKNESS.conditions) {
          const truth = condition === 'rest' ? trueRest : trueContracted;
          for (let trial = 1; trial <= THICKNESS.trials; trial++) {
            const measured = truth + rng.gauss(0, THICKNESS.errorSdMm[muscle]);
            rows.push({ subject, group, muscle, side, condition, trial, thicknessMm: Math.round(measured / res) * res });
          }
        }
      }
    }
  }
  return rows;
}
