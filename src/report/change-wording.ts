import { measureLabel, siteName } from './measure-names.js';

/** A patient's change of one measure between two sessions, set against the MDC95 when there is one. */
export interface ChangeInput {
  muscle: string;
  side: string;
  channel: string;
  measure: string;
  unit: string;
  sessionFrom: string;
  sessionTo: string;
  change: number;
  /** MDC95 of the measure; null when the study gives none for it. */
  mdc95: number | null;
}

/** Unit of a change: percentage points for a value that is itself a percentage. */
function changeUnit(unit: string): string {
  return unit === '%' || unit === '%MVC' ? ' points' : unit && unit !== 'ratio' ? ` ${unit}` : '';
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a >= 100 ? a.toFixed(0) : a >= 10 ? a.toFixed(1) : a.toFixed(2);
}

/**
 * Whether a change counts as real: only when it is at least the MDC95 (a change smaller than that
 * cannot be told from measurement error with 95 % confidence). `null` without an MDC.
 */
export function isRealChange(change: number, mdc95: number | null): boolean | null {
  return mdc95 === null ? null : Math.abs(change) >= mdc95;
}

/**
 * The sentence for a change, e.g. "Left erector spinae % thickness change rose by 6.20 points from
 * pre to post: more than the smallest detectable change (MDC95 4.10 points), a real change."
 */
export function changeWording(c: ChangeInput): string {
  const site = siteName(c);
  const what = `${site ? `${site} ` : ''}${measureLabel(c.measure)}`;
  const subject = what.charAt(0).toUpperCase() + what.slice(1);
  const u = changeUnit(c.unit);
  const moved = c.change === 0 ? 'did not change' : `${c.change > 0 ? 'rose' : 'fell'} by ${fmt(c.change)}${u}`;
  const span = `from ${c.sessionFrom} to ${c.sessionTo}`;
  if (c.mdc95 === null) return `${subject} ${moved} ${span}; the study gives no MDC for this measure, so whether this is more than measurement error is not known.`;
  const real = isRealChange(c.change, c.mdc95);
  return real
    ? `${subject} ${moved} ${span}: at least the smallest detectable change (MDC95 ${fmt(c.mdc95)}${u}), so a real change.`
    : `${subject} ${moved} ${span}: less than the smallest detectable change (MDC95 ${fmt(c.mdc95)}${u}), so within measurement error.`;
}
