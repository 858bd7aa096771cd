import type { Observation } from './compare-observations.js';

/**
 * Subject IDs found under more than one group, each with its groups in first-seen order. Groups
 * are independent, so such IDs are read as different people whose numbering restarts per group
 * (IDs nested within group, as `1…n` in each group often are); the caller warns, since the same
 * people measured twice would need paired mode instead.
 */
export function subjectsInSeveralGroups(observations: Observation[]): { subject: string; groups: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const o of observations) {
    if (o.subject === null) continue;
    const g = groups.get(o.subject);
    if (!g) groups.set(o.subject, [o.level]);
    else if (!g.includes(o.level)) g.push(o.level);
  }
  return [...groups.entries()].filter(([, g]) => g.length > 1).map(([subject, g]) => ({ subject, groups: g }));
}
