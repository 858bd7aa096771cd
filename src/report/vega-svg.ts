import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite specification (the charting library's own type). */
export type FigureSpec = TopLevelSpec;

/**
 * The one adapter to the charting library: compiles a Vega-Lite specification to Vega and renders
 * it headless to an SVG string (`vega.View#toSVG`; no canvas or browser needed). Text from the
 * data is escaped by Vega's SVG renderer. Specs carry their data inline (`data.values`), so no
 * loader ever reaches for a file or the network. The libraries are loaded on first use, so
 * commands that draw nothing do not pay for them at start-up.
 */
export async function renderSvg(spec: FigureSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
