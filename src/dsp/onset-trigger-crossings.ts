import { ParameterError } from '../errors.js';

/** Parameters of {@link triggerCrossings}, in the trigger channel's unit. */
export interface TriggerParams {
  /** The level a pulse must cross. */
  level: number;
  /** Width of the hysteresis band: after a crossing, the signal must return past `level ∓ hysteresis` before the next one counts. */
  hysteresis: number;
  /** `rising`: crossings upwards through `level`; `falling`: downwards. */
  edge: 'rising' | 'falling';
}

/**
 * Sample indices where a trigger signal crosses `level` in the direction of `edge`, with
 * hysteresis (a Schmitt trigger): for a rising edge the signal must first have been at or below
 * `level − hysteresis`, then the crossing is the first sample above `level`; it re-arms only when
 * the signal falls back to `level − hysteresis` (mirrored for a falling edge). A signal that starts
 * beyond the level does not count as a crossing at sample 0. `x` is not modified.
 */
export function triggerCrossings(x: Float64Array, p: TriggerParams): number[] {
  if (!Number.isFinite(p.level)) throw new ParameterError(`trigger level ${p.level} is not a finite number`);
  if (!(p.hysteresis >= 0) || !Number.isFinite(p.hysteresis)) throw new ParameterError(`trigger hysteresis ${p.hysteresis} must be zero or more`);
  const sign = p.edge === 'rising' ? 1 : -1;
  const level = sign * p.level;
  const rearm = level - p.hysteresis;
  const out: number[] = [];
  let armed = false;
  for (let i = 0; i < x.length; i++) {
    const v = sign * x[i];
    if (armed) {
      if (v > level) {
        out.push(i);
        armed = false;
      }
    } else if (v <= rearm) {
      armed = true;
    }
  }
  return out;
}
