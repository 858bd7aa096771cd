import { InputError } from '../errors.js';
import type { Observation } from './compare-observations.js';

/**
 * Checks that no subject belongs to two groups: independent groups are compared, so a subject
 * found under two group levels is an input error naming both rows (perhaps a paired design,
 * for `--paired-by`).
 */
export function checkSubjectGroups(observations: Observation[], file: string, groupColumn: string): void {
  const first = new Map<string, Observation>();
  for (const o of observations) {
    if (o.subject === null) continue;
    const f = first.get(o.subject);
    if (!f) first.set(o.subject, o);
    else if (f.level !== o.level) {
      throw new InputError(
        { file, line: o.line },
        `subject "${o.subject}" is in ${groupColumn} "${o.level}" here but in "${f.level}" on line ${f.line}; ` +
          'independent groups need each subject in one group (for repeated measures use --paired-by and --within)',
      );
    }
  }
}
