import type { FigureSpec } from './vega-svg.js';

/** One effect size with its interval, one row of the forest plot. */
export interface ForestRow {
  /** Row label: measure and stratum. */
  label: string;
  /** Colour group (the analysis step: activation, onset, thickness). */
  step: string;
  estimate: number;
  low: number;
  high: number;
}

/** Marks every forest plot draws. */
export const FOREST_FIGURE_MARKS = ['symbol', 'rule'] as const;

/**
 * Forest plot: one row per comparison, the effect size as a dot and its confidence interval as a
 * line, a vertical line at zero (no difference). Rows keep the order given.
 */
export function forestFigureSpec(rows: readonly ForestRow[], opts: { xTitle: string; title: string }): FigureSpec {
  const labels = rows.map((r) => r.label);
  const y = { field: 'label', type: 'nominal', sort: labels, title: null, axis: { labelLimit: 600, labelFontSize: 10 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: opts.title, anchor: 'start', fontSize: 13 },
    width: 300,
    height: { step: 14 },
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      {
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: { y, x: { field: 'low', type: 'quantitative', title: opts.xTitle }, x2: { field: 'high' }, color: { field: 'step', type: 'nominal', title: 'step', scale: { scheme: 'tableau10' } } },
      },
      {
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          y,
          x: { field: 'estimate', type: 'quantitative' },
          color: { field: 'step', type: 'nominal' },
          tooltip: [{ field: 'label', type: 'nominal' }, { field: 'estimate', type: 'quantitative', format: '.2f' }, { field: 'low', type: 'quantitative', format: '.2f' }, { field: 'high', type: 'quantitative', format: '.2f' }],
        },
      },
    ],
    config: { font: 'Helvetica, Arial, sans-serif' },
  } as FigureSpec;
}
