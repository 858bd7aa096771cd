import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A Vega-Lite specification (the charting library's own type). */
export type FigureSpec = TopLevelSpec;

/**
 * The one adapter to the charting library: compiles a Vega-Lite specification to Vega and renders
 * it headless to an SVG string (`vega.View#toSVG`; no canvas or browser needed). Text from the
 * data is escaped by Vega's SVG renderer. Specs carry their data inline (`data.values`), so no
 * loader ever reaches for a file or the network.
 */
export async function renderSvg(spec: FigureSpec): Promise<string> {
  const vg = compile(spec).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
