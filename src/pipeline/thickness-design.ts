import type { ThicknessTable } from '../model/thickness.js';
import { compareSessions, naturalCompare } from './thickness-cells.js';

/** The groups, sessions, raters and trial labels of a thickness table, each in natural order. */
export interface ThicknessDesign {
  groups: string[];
  sessions: string[];
  raters: string[];
  trials: string[];
}

/** Lists what a thickness table's group, session, rater and trial columns hold. */
export function thicknessDesign(table: ThicknessTable): ThicknessDesign {
  const uniq = (f: (r: ThicknessTable['rows'][number]) => string | undefined) =>
    [...new Set(table.rows.map(f).filter((v): v is string => v !== undefined))].sort(naturalCompare);
  return { groups: uniq((r) => r.group), sessions: orderSessions(uniq((r) => r.session)), raters: uniq((r) => r.rater), trials: uniq((r) => r.trial) };
}

/**
 * Sessions in time order as far as their names tell ({@link compareSessions}): baseline words
 * (`pre`, `baseline`, `T0`, …) first, follow-up words (`post`, `follow-up`, …) last, everything
 * else in natural order between (`1`, `2`, `10`; `week2`, `week6`).
 */
export function orderSessions(sessions: readonly string[]): string[] {
  return [...sessions].sort(compareSessions);
}

/** Group names read as a control group (lower case, spaces, dashes and underscores removed), as `compare` reads them. */
const CONTROL_NAMES = new Set([
  'control', 'controls', 'ctrl', 'hc', 'healthy', 'healthycontrol', 'healthycontrols',
  'nolbp', 'nonlbp', 'withoutlbp', 'asymptomatic', 'nopain', 'painfree',
]);

/**
 * The reference group when the user names none: the one group whose name reads as a control group
 * (`control`, `healthy`, `no-LBP`, `pain-free`, …); `undefined` when there is not exactly one such
 * group. The reference is never chosen alphabetically.
 */
export function defaultReferenceGroup(groups: readonly string[]): string | undefined {
  const named = groups.filter((g) => CONTROL_NAMES.has(g.trim().toLowerCase().replace(/[\s_-]+/g, '')));
  return named.length === 1 ? named[0] : undefined;
}
