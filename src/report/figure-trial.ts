import type { DecimatedTrace } from './decimate-min-max.js';
import type { FigureSpec } from './vega-svg.js';

/** One channel of one trial, ready to draw; times in ms from the trial's time zero. */
export interface TrialChannel {
  channel: string;
  unit: string;
  raw: DecimatedTrace;
  filtered: DecimatedTrace;
  envelope: DecimatedTrace;
  /** What the envelope is ("linear envelope, 50 Hz low-pass"), for the legend. */
  envelopeLabel: string;
  /** Baseline window, ms from time zero. */
  baselineMs?: [number, number];
  /** Detection threshold, in the envelope's unit. */
  threshold?: number;
  /** Detected onset, ms from time zero; null when none was found. */
  onsetMs?: number | null;
  /** Analysis window (e.g. of the activation step), ms from time zero. */
  windowMs?: [number, number];
  /** Flags of the trial on this channel (no_onset, noisy_baseline, …). */
  flags: string;
}

/**
 * Marks a trial figure draws: lines (traces) and rects (the shaded window) always; rules when
 * it marks a threshold or an onset.
 */
export function trialFigureMarks(channels: readonly TrialChannel[]): string[] {
  const rules = channels.some((c) => c.threshold !== undefined || (c.onsetMs !== undefined && c.onsetMs !== null));
  const rects = channels.some((c) => c.baselineMs !== undefined || c.windowMs !== undefined);
  return ['line', ...(rects ? ['rect'] : []), ...(rules ? ['rule'] : [])];
}

const traceRows = (trace: string, t: DecimatedTrace) => t.timeS.map((ms, i) => ({ trace, t: ms, v: t.values[i] }));

function channelRow(c: TrialChannel, xTitle: string, windowKinds: string[]): FigureSpec[] {
  const unit = c.unit ? ` (${c.unit})` : '';
  const x = { field: 't', type: 'quantitative', title: xTitle, scale: { nice: false } } as const;
  const shade = [
    ...(c.baselineMs ? [{ what: 'baseline', a: c.baselineMs[0], b: c.baselineMs[1] }] : []),
    ...(c.windowMs ? [{ what: 'analysis window', a: c.windowMs[0], b: c.windowMs[1] }] : []),
  ];
  const windowLayers = shade.length
    ? [
        {
          data: { values: shade },
          mark: { type: 'rect', opacity: 0.14 },
          encoding: {
            x: { field: 'a', type: 'quantitative' },
            x2: { field: 'b' },
            fill: { field: 'what', type: 'nominal', title: 'window', scale: { domain: windowKinds, range: windowKinds.map((k) => (k === 'baseline' ? '#4c78a8' : '#54a24b')) }, legend: { symbolOpacity: 0.5 } },
          },
        },
      ]
    : [];
  const onsetLayers =
    c.onsetMs !== undefined && c.onsetMs !== null
      ? [{ data: { values: [{ t: c.onsetMs, what: 'onset' }] }, mark: { type: 'rule', color: '#d62728', strokeWidth: 1.5 }, encoding: { x: { field: 't', type: 'quantitative' } } }]
      : [];
  const signals = {
    width: 330,
    height: 95,
    title: { text: `${c.channel}${c.flags ? ` — ${c.flags.replace(/;/g, ', ')}` : ''}`, anchor: 'start', fontSize: 11 },
    layer: [
      ...windowLayers,
      {
        data: { values: [...traceRows('raw', c.raw), ...traceRows('band-passed', c.filtered)] },
        mark: { type: 'line', strokeWidth: 0.7, clip: true },
        encoding: {
          x,
          y: { field: 'v', type: 'quantitative', title: `signal${unit}` },
          stroke: { field: 'trace', type: 'nominal', title: 'trace', scale: { domain: ['raw', 'band-passed', c.envelopeLabel], range: ['#bbbbbb', '#1f77b4', '#ff7f0e'] } },
          opacity: { value: 0.9 },
        },
      },
      ...onsetLayers,
    ],
  };
  const envelope = {
    width: 330,
    height: 95,
    title: { text: ' ', fontSize: 11 },
    layer: [
      ...windowLayers,
      {
        data: { values: traceRows(c.envelopeLabel, c.envelope) },
        mark: { type: 'line', strokeWidth: 1.2, clip: true },
        encoding: { x, y: { field: 'v', type: 'quantitative', title: `envelope${unit}` }, stroke: { field: 'trace', type: 'nominal' } },
      },
      ...(c.threshold !== undefined ? [{ data: { values: [{ y: c.threshold }] }, mark: { type: 'rule', color: '#d62728', strokeDash: [5, 3] }, encoding: { y: { field: 'y', type: 'quantitative' } } }] : []),
      ...onsetLayers,
    ],
  };
  return [signals, envelope] as unknown as FigureSpec[];
}

/**
 * One trial: per channel, the raw and band-passed signals (left) and the envelope (right), with
 * the baseline window shaded, the threshold as a dashed line and the detected onset as a red line
 * when the study detected onsets, or the analysis window shaded when it did not.
 */
export function trialFigureSpec(channels: readonly TrialChannel[], opts: { title: string; xTitle: string }): FigureSpec {
  const windowKinds = [
    ...(channels.some((c) => c.baselineMs) ? ['baseline'] : []),
    ...(channels.some((c) => c.windowMs) ? ['analysis window'] : []),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: opts.title, anchor: 'start', fontSize: 13 },
    vconcat: channels.map((c) => ({ hconcat: channelRow(c, opts.xTitle, windowKinds) })),
    resolve: { scale: { stroke: 'shared', fill: 'shared' } },
    config: { font: 'Helvetica, Arial, sans-serif', legend: { orient: 'bottom' } },
  } as unknown as FigureSpec;
}
