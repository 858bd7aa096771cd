import { InputError } from '../errors.js';
import type { EventMark } from '../model/recording.js';
import { findColumn, readTable } from './read-table.js';

/**
 * Reads a BIDS-style `events.tsv`: `onset` and `duration` in seconds, `trial_type` as the label
 * (or `value`/`label`/`event`). `duration` may be `n/a` (then 0).
 */
export async function readEvents(path: string): Promise<EventMark[]> {
  const table = await readTable(path);
  const onset = findColumn(table.header, ['onset', 'onset_s', 'time', 'time_s']);
  if (onset < 0) throw new InputError({ file: path, line: table.headerLine }, 'events table needs an "onset" column (seconds)');
  const duration = findColumn(table.header, ['duration', 'duration_s']);
  const label = findColumn(table.header, ['trial_type', 'label', 'event', 'value', 'type']);
  return table.rows.map(({ cells, line }) => {
    const onsetS = Number(cells[onset]);
    if (cells[onset] === '' || !Number.isFinite(onsetS)) {
      throw new InputError({ file: path, line, column: onset + 1 }, `onset "${cells[onset]}" is not a number of seconds`);
    }
    let durationS = 0;
    if (duration >= 0 && !/^(n\/a|na|)$/i.test(cells[duration])) {
      durationS = Number(cells[duration]);
      if (!Number.isFinite(durationS) || durationS < 0) {
        throw new InputError({ file: path, line, column: duration + 1 }, `duration "${cells[duration]}" is not a non-negative number of seconds`);
      }
    }
    return { onsetS, durationS, label: label >= 0 ? cells[label] : 'event' };
  });
}
