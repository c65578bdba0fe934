// One path graph placed in a picture: alone, or as the "before" or "after" half of a comparison.
import type { PathGraph } from './path-graph.js';

export interface Panel {
  /** Prefix of every id in the panel (`p`, `before`, `after`): ids stay unique when two graphs share a picture. */
  readonly key: string;
  /** The panel's own heading (`before`, `after: custom domain`); absent for a picture of one path. */
  readonly heading?: string;
  readonly graph: PathGraph;
}

/** The lines that caption a panel: its heading, the request, and how it ended. */
export function caption(panel: Panel): string[] {
  const g = panel.graph;
  const sign = g.outcome.kind === 'reached' ? '✓' : g.outcome.kind === 'unknown' ? '?' : '✗';
  const end = `${sign} ${g.outcome.answer}${g.outcome.kind === 'reached' ? '' : ` (${g.outcome.cause})`}`;
  return [...(panel.heading ? [panel.heading] : []), g.request, end];
}
