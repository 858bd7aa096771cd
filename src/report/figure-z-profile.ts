import type { FigureSpec } from './vega-svg.js';

/** One measure of a patient as a z-score. */
export interface ZRow {
  label: string;
  z: number;
}

/** Marks every z-profile figure draws. */
export const Z_PROFILE_MARKS = ['symbol', 'rect'] as const;

/**
 * A patient's profile: one row per measure, the z-score as a dot, with the bands ±1 SD and ±2 SD of
 * the reference shaded and a line at the reference mean. Dots beyond ±4 are drawn at the edge.
 */
export function zProfileSpec(rows: readonly ZRow[], opts: { title: string; xTitle: string }): FigureSpec {
  const labels = rows.map((r) => r.label);
  const limit = Math.max(3, Math.min(4, Math.ceil(Math.max(...rows.map((r) => Math.abs(r.z)), 0))));
  const y = { field: 'label', type: 'nominal', sort: labels, title: null, axis: { labelLimit: 600 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: opts.title, anchor: 'start', fontSize: 13 },
    width: 320,
    height: { step: 18 },
    layer: [
      {
        data: { values: [{ a: -2, b: 2, band: '±2 SD' }, { a: -1, b: 1, band: '±1 SD' }] },
        mark: { type: 'rect', opacity: 0.18 },
        encoding: { x: { field: 'a', type: 'quantitative', scale: { domain: [-limit, limit] }, title: opts.xTitle }, x2: { field: 'b' }, fill: { field: 'band', type: 'nominal', title: 'reference', scale: { domain: ['±1 SD', '±2 SD'], range: ['#4c78a8', '#9ecae9'] } } },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: rows.map((r) => ({ label: r.label, z: Math.max(-limit, Math.min(limit, r.z)), z_value: r.z })) },
        mark: { type: 'point', filled: true, size: 60, color: '#d62728' },
        encoding: { y, x: { field: 'z', type: 'quantitative' }, tooltip: [{ field: 'label', type: 'nominal' }, { field: 'z_value', type: 'quantitative', format: '.2f', title: 'z' }] },
      },
    ],
    config: { font: 'Helvetica, Arial, sans-serif' },
  } as FigureSpec;
}
