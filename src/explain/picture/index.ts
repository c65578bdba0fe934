// Pictures of traces: one path, or a path before and after a change, as Mermaid text, Graphviz DOT or SVG.
import type { Trace } from '../../sim/trace.js';
import { beforeAfterPanels, type BeforeAfterTitles } from './before-after.js';
import type { Panel } from './panel.js';
import { buildPathGraph } from './path-graph.js';
import { toDot } from './to-dot.js';
import { toMermaid } from './to-mermaid.js';
import { dotToSvg } from './to-svg.js';

export type PictureFormat = 'mermaid' | 'svg' | 'dot';
export const PICTURE_FORMATS: readonly PictureFormat[] = ['mermaid', 'svg', 'dot'];

export { buildPathGraph, type PathGraph, type PathNode, type PathEdge } from './path-graph.js';
export type { BeforeAfterTitles } from './before-after.js';

/** The path one trace took: the workload, its subnet and VPC, each element passed, and where it stopped or arrived. */
export function renderPathPicture(trace: Trace, format: PictureFormat): Promise<string> {
  return render([{ key: 'p', graph: buildPathGraph(trace) }], format);
}

/** Two traces of one request in one picture: `before` a change and `after` it (for `vpcpath fix`). */
export function renderBeforeAfter(before: Trace, after: Trace, format: PictureFormat, titles?: BeforeAfterTitles): Promise<string> {
  return render(beforeAfterPanels(before, after, titles), format);
}

async function render(panels: readonly Panel[], format: PictureFormat): Promise<string> {
  switch (format) {
    case 'mermaid': return toMermaid(panels);
    case 'dot': return toDot(panels);
    case 'svg': return dotToSvg(toDot(panels));
  }
}
