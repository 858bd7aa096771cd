import { ParameterError } from '../errors.js';
import { msToSamples } from '../dsp/ms-to-samples.js';
import type { EventMark } from '../model/recording.js';

/** Where the task windows of a recording come from. Times are seconds from the first sample. */
export type WindowSpec =
  | { kind: 'whole' }
  | { kind: 'absolute'; startS: number; endS: number }
  | {
      kind: 'events';
      events: readonly EventMark[];
      /** Only events with one of these labels (`trial_type`); all events when empty. */
      labels: readonly string[];
      /** Window relative to each onset in ms; `null`: from the onset over the event's duration. */
      offsetMs: readonly [number, number] | null;
    };

/**
 * One task window: samples `startSample` (inclusive) to `endSample` (exclusive); `startS` and
 * `endS` are those sample indices in seconds (`index / fsHz`), the span actually measured.
 */
export interface TaskWindow {
  /** Trial label: the 1-based rank of the event among the selected ones, or `1` for one window. */
  trial: string;
  startS: number;
  endS: number;
  startSample: number;
  endSample: number;
  /** The event that placed the window, when events did. */
  event?: { onsetS: number; label: string };
}

/** A selected event whose window does not fit in the recording (skipped, not clipped). */
export interface SkippedWindow {
  trial: string;
  reason: string;
}

/**
 * The task windows of a recording of `nSamples` samples at `fsHz`. Window edges become sample
 * indices through `msToSamples` (start inclusive, end exclusive). A window that starts before
 * the first sample or ends after the last is skipped and reported, so every trial covers the same
 * span relative to its event. A window must hold at least 2 samples.
 *
 * @throws ParameterError for an absolute window outside the recording or an empty window, and
 *   for events without duration when no offsets are given.
 */
export function taskWindows(spec: WindowSpec, fsHz: number, nSamples: number): { windows: TaskWindow[]; skipped: SkippedWindow[] } {
  const durationS = nSamples / fsHz;
  const t = (s: number) => Number(s.toPrecision(12));
  const place = (trial: string, startS: number, endS: number): TaskWindow | string => {
    const startSample = msToSamples(startS * 1000, fsHz);
    const endSample = msToSamples(endS * 1000, fsHz);
    if (startSample < 0 || endSample > nSamples) {
      return `window ${t(startS)}–${t(endS)} s lies outside the recording (0–${durationS} s)`;
    }
    if (endSample - startSample < 2) return `window ${t(startS)}–${t(endS)} s holds ${Math.max(0, endSample - startSample)} samples at ${fsHz} Hz; at least 2 are needed`;
    // Report the span actually used: the sample times of the window's edges.
    return { trial, startS: startSample / fsHz, endS: endSample / fsHz, startSample, endSample };
  };
  if (spec.kind === 'whole') {
    if (nSamples < 2) throw new ParameterError(`the recording holds ${nSamples} samples; at least 2 are needed`);
    return { windows: [{ trial: '1', startS: 0, endS: durationS, startSample: 0, endSample: nSamples }], skipped: [] };
  }
  if (spec.kind === 'absolute') {
    if (!(spec.endS > spec.startS)) throw new ParameterError(`--window end ${spec.endS} s must be after its start ${spec.startS} s`);
    const w = place('1', spec.startS, spec.endS);
    if (typeof w === 'string') throw new ParameterError(`--window: ${w}`);
    return { windows: [w], skipped: [] };
  }
  const selected = spec.events
    .filter((e) => spec.labels.length === 0 || spec.labels.includes(e.label))
    .slice()
    .sort((a, b) => a.onsetS - b.onsetS);
  if (spec.offsetMs !== null && !(spec.offsetMs[1] > spec.offsetMs[0])) {
    throw new ParameterError(`--window-ms end ${spec.offsetMs[1]} ms must be after its start ${spec.offsetMs[0]} ms`);
  }
  const windows: TaskWindow[] = [];
  const skipped: SkippedWindow[] = [];
  selected.forEach((e, i) => {
    const trial = String(i + 1);
    let startS: number;
    let endS: number;
    if (spec.offsetMs !== null) {
      startS = e.onsetS + spec.offsetMs[0] / 1000;
      endS = e.onsetS + spec.offsetMs[1] / 1000;
    } else {
      if (!(e.durationS > 0)) {
        throw new ParameterError(`event "${e.label}" at ${e.onsetS} s has no duration; give --window-ms START,END relative to each onset`);
      }
      startS = e.onsetS;
      endS = e.onsetS + e.durationS;
    }
    const w = place(trial, startS, endS);
    if (typeof w === 'string') skipped.push({ trial, reason: `event "${e.label}" at ${e.onsetS} s: ${w}` });
    else windows.push({ ...w, event: { onsetS: e.onsetS, label: e.label } });
  });
  return { windows, skipped };
}
