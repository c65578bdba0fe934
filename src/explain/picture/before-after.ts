// One picture of two traces of the same request: before a change and after it, each in a cluster of its own.
import type { Trace } from '../../sim/trace.js';
import type { Panel } from './panel.js';
import { buildPathGraph } from './path-graph.js';

export interface BeforeAfterTitles {
  /** Heading of the first cluster (default `before`). */
  readonly before?: string;
  /** Heading of the second cluster (default `after`). */
  readonly after?: string;
}

export function beforeAfterPanels(before: Trace, after: Trace, titles: BeforeAfterTitles = {}): Panel[] {
  return [
    { key: 'before', heading: titles.before ?? 'before', graph: buildPathGraph(before) },
    { key: 'after', heading: titles.after ?? 'after', graph: buildPathGraph(after) },
  ];
}
