import { InputError, UsageError } from '../errors.js';
import { CONTROL_LIKE } from './compare-defaults.js';

/** The levels compared: each focal level against the reference. */
export interface CompareLevels {
  reference: string;
  focal: string[];
}

const quoted = (levels: string[]) => levels.map((l) => `"${l}"`).join(', ');

/** Whether a level names a control group (control, healthy, no LBP, …; see {@link CONTROL_LIKE}). */
export function isControlLike(level: string): boolean {
  return CONTROL_LIKE.test(level.toLowerCase().replace(/[\s_-]+/g, ''));
}

/**
 * Resolves the reference and focal levels of the compared column. Fewer than two levels is an
 * input error (exit 3). `--reference` must be a level (exit 2 otherwise); without it, a group
 * column of exactly two levels one of which is control-like takes that one, and anything else is
 * a usage error asking for `--reference` — never a silent alphabetical choice. In paired mode
 * (`role` within) `--reference` is always required. `--focal` picks focal levels; by default every
 * other level (paired mode: the other level, which must then be unique).
 */
export function compareLevels(
  levels: string[],
  requested: { reference?: string; focal?: string[] },
  context: { file: string; column: string; role: 'group' | 'within' },
): CompareLevels {
  const { file, column, role } = context;
  const what = `${role === 'within' ? '--within' : '--group'} column "${column}"`;
  if (levels.length < 2) {
    throw new InputError(
      { file },
      `${what} has only one level (${quoted(levels)}); compare needs two ${role === 'within' ? 'levels to pair' : 'groups'}`,
    );
  }
  let reference = requested.reference;
  if (reference !== undefined) {
    if (!levels.includes(reference)) throw new UsageError(`--reference "${reference}" is not a level of ${what} in ${file}; its levels are ${quoted(levels)}`);
  } else {
    const controls = levels.filter(isControlLike);
    if (role === 'group' && levels.length === 2 && controls.length === 1) reference = controls[0];
    else {
      throw new UsageError(
        `give --reference LEVEL (the difference is reported as focal minus reference): ${what} has levels ${quoted(levels)}` +
          (role === 'group' ? ', and the reference is chosen for you only between two levels of which one is a control group' : ''),
      );
    }
  }
  const others = levels.filter((l) => l !== reference);
  let focal = requested.focal;
  if (focal !== undefined) {
    for (const f of focal) {
      if (f === reference) throw new UsageError(`--focal "${f}" is also the --reference`);
      if (!levels.includes(f)) throw new UsageError(`--focal "${f}" is not a level of ${what} in ${file}; its levels are ${quoted(levels)}`);
    }
  } else if (role === 'within' && others.length > 1) {
    throw new UsageError(`give --focal LEVEL: ${what} has ${levels.length} levels (${quoted(levels)}) and paired mode compares two`);
  } else {
    focal = others;
  }
  return { reference, focal };
}
