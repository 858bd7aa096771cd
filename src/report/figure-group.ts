import type { FigureSpec } from './vega-svg.js';
import { jitter } from './jitter.js';

/** One subject's value in one stratum of a measure. */
export interface GroupPoint {
  /** Stratum label, e.g. "ES R" or "GMed_R/ES_R"; one panel per label. */
  panel: string;
  group: string;
  /** Subject as shown (pseudonym when asked for). */
  subject: string;
  value: number;
}

/** Marks every group figure draws (for checks of the rendered SVG). */
export const GROUP_FIGURE_MARKS = ['symbol', 'rect'] as const;

/**
 * Each subject as a dot over a box per group (median, quartiles, whiskers to the most extreme value
 * within 1.5 IQR: Tukey's box, quartiles as R's type 7), one panel per stratum, each panel with its
 * own y scale. `yTitle` carries the unit.
 */
export function groupFigureSpec(points: readonly GroupPoint[], opts: { yTitle: string; groups: readonly string[]; title: string }): FigureSpec {
  const values = points.map((p) => ({ ...p, jitter: jitter(`${p.panel}\u0000${p.subject}`) * 0.6 }));
  const panels = [...new Set(points.map((p) => p.panel))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: opts.title, anchor: 'start', fontSize: 13 },
    data: { values },
    facet: { column: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelFontSize: 11, labelLimit: 160 } } },
    spec: {
      width: Math.max(70, 45 * opts.groups.length),
      height: 170,
      layer: [
        {
          mark: { type: 'boxplot', extent: 1.5, size: 22, opacity: 0.35, median: { color: '#222' }, outliers: false },
          encoding: {
            x: { field: 'group', type: 'nominal', title: null, sort: [...opts.groups], axis: { labelAngle: 0 } },
            y: { field: 'value', type: 'quantitative', title: opts.yTitle, scale: { zero: false } },
            color: { field: 'group', type: 'nominal', sort: [...opts.groups], legend: null, scale: { scheme: 'tableau10' } },
          },
        },
        {
          mark: { type: 'circle', size: 26, opacity: 0.85, stroke: '#fff', strokeWidth: 0.5 },
          encoding: {
            x: { field: 'group', type: 'nominal', sort: [...opts.groups] },
            xOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-1, 1] } },
            y: { field: 'value', type: 'quantitative' },
            color: { field: 'group', type: 'nominal', sort: [...opts.groups], legend: null },
            tooltip: [{ field: 'subject', type: 'nominal' }, { field: 'value', type: 'quantitative', format: '.4~g' }],
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    config: { view: { stroke: '#ddd' }, font: 'Helvetica, Arial, sans-serif' },
  } as FigureSpec;
}
