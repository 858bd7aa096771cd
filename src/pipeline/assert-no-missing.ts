import { InputError } from '../errors.js';
import type { Recording } from '../model/recording.js';

/**
 * Filtering needs every sample: a missing one (NaN) in any of the named channels of `rec` is bad
 * input, reported with the channel, the sample number and its time. Names not in `rec` are skipped.
 */
export function assertNoMissing(rec: Recording, channels: readonly string[]): void {
  for (const name of channels) {
    const ch = rec.channels.find((c) => c.name === name);
    const i = ch === undefined ? -1 : ch.samples.findIndex((v) => Number.isNaN(v));
    if (i >= 0) {
      throw new InputError(
        { file: rec.source.path },
        `channel "${name}" has a missing value at sample ${i + 1} (t = ${(rec.startS + i / rec.fsHz).toFixed(6)} s): filtering needs every sample`,
      );
    }
  }
}
