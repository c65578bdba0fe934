// Graphviz DOT of path graphs: the VPC and subnet as clusters, API Gateway as a cluster, the path left to right.
import { caption, type Panel } from './panel.js';
import { CLUSTER_PAINT, EDGE_PAINT, FONT, paintOf } from './palette.js';
import type { PathEdge, PathNode, Place } from './path-graph.js';

/** DOT for one panel (a picture of one path) or several (each in a cluster of its own, stacked). */
export function toDot(panels: readonly Panel[]): string {
  const single = panels.length === 1 ? panels[0] : undefined;
  const out = [
    'digraph vpcpath {',
    `  graph [rankdir=TB, fontname="${FONT}", fontsize=12, nodesep=0.3, ranksep=0.45, pad=0.6, newrank=true, ` +
      `labelloc=t, labeljust=l${single ? `, label=${html(caption(single), true)}` : ''}];`,
    `  node [shape=box, style="rounded,filled", fontname="${FONT}", fontsize=11, margin="0.14,0.07"];`,
    `  edge [fontname="${FONT}", fontsize=9, arrowsize=0.7];`,
  ];
  for (const panel of panels) {
    if (single) out.push(...body(panel, '  '));
    else {
      out.push(`  subgraph "cluster_${panel.key}" {`, `    id="cluster_${panel.key}"; class="panel"; label=${html(caption(panel), true)};`,
        '    style="rounded"; color="#90a4ae"; penwidth=1.4; margin=14;', ...body(panel, '    '), '  }');
    }
  }
  out.push('}');
  return out.join('\n');
}

function body(panel: Panel, indent: string): string[] {
  const g = panel.graph;
  const id = (n: string) => `${panel.key}_${n}`;
  const at = (place: Place) => g.nodes.filter((n) => n.place === place);
  const out: string[] = [];
  const cluster = (name: string, place: Exclude<Place, 'outside'>, label: string, inner: string[], pad: string) => {
    const c = CLUSTER_PAINT[place];
    return [`${pad}subgraph "cluster_${id(name)}" {`,
      `${pad}  id="cluster_${id(name)}"; class="${place}"; label=${html([label], true)};`,
      `${pad}  style="rounded,filled"; fillcolor="${c.fill}"; color="${c.stroke}"; fontcolor="${c.text}"; penwidth=1.4;`,
      ...inner, `${pad}}`];
  };
  const nodes = (list: PathNode[], pad: string) => list.map((n) => `${pad}${nodeLine(n, id(n.id))}`);
  const subnet = cluster('subnet', 'subnet', g.subnet, nodes(at('subnet'), `${indent}    `), `${indent}  `);
  out.push(...cluster('vpc', 'vpc', g.vpc, [...subnet, ...nodes(at('vpc'), `${indent}  `)], indent));
  const api = at('api-gateway');
  if (api.length) out.push(...cluster('apigw', 'api-gateway', 'API Gateway', nodes(api, `${indent}  `), indent));
  out.push(...nodes(at('outside'), indent));
  g.edges.forEach((e, i) => out.push(`${indent}${edgeLine(e, id(e.from), id(e.to), id(`e${i}`))}`));
  return out;
}

function nodeLine(n: PathNode, id: string): string {
  const p = paintOf(n.kind, n.mark);
  const shape = n.kind === 'outcome' ? 'octagon' : n.kind === 'internet' ? 'ellipse' : 'box';
  const style = [shape === 'box' ? 'rounded' : '', 'filled', p.dashed ? 'dashed' : ''].filter(Boolean).join(',');
  const classes = [n.kind, n.mark ?? ''].filter(Boolean).join(' ');
  return `"${id}" [id="${id}", class="${classes}", shape=${shape}, style="${style}", fillcolor="${p.fill}", ` +
    `color="${p.stroke}", fontcolor="${p.text}", penwidth=${p.width}, label=${html([n.title, ...n.lines], true)}];`;
}

function edgeLine(e: PathEdge, from: string, to: string, id: string): string {
  const p = EDGE_PAINT[e.style];
  const label = e.lines.length ? `, label=${html(e.lines, false)}` : '';
  return `"${from}" -> "${to}" [id="${id}", class="${e.style}", color="${p.color}", fontcolor="${p.color}", ` +
    `penwidth=${p.width}${p.dashed ? ', style=dashed' : ''}${label}];`;
}

/** A Graphviz HTML-like label: the first line bold (if `titled`), the rest smaller. */
function html(lines: readonly string[], titled: boolean): string {
  const parts = lines.map((line, i) => (titled && i === 0 ? `<b>${esc(line)}</b>` : `<font point-size="9">${esc(line)}</font>`));
  return `<${parts.join('<br/>') || ' '}>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
