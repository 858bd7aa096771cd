import type { OnsetWindows } from './onset-types.js';

/** A stretch `[start, end)` of a signal. */
export interface OnsetSegment {
  start: number;
  end: number;
}

/**
 * The part of a signal a detector conditions for one trial: from `marginSamples` before the
 * earliest baseline or search window to `marginSamples` after the latest window end,
 * clipped to `[0, length)`. Zero-phase filters then settle outside the windows that matter, and
 * a trial costs time in proportion to its own length, not the recording's.
 */
export function onsetSegment(w: OnsetWindows, length: number, marginSamples: number): OnsetSegment {
  return {
    start: Math.max(0, Math.min(w.baselineStart, w.searchStart, ...(w.extraBaseline ?? []).map(([s]) => s)) - marginSamples),
    end: Math.min(length, Math.max(w.offsetEnd, w.searchEnd, ...(w.extraBaseline ?? []).map(([, e]) => e)) + marginSamples),
  };
}
