// Mermaid `flowchart LR` of path graphs (GitHub renders it): subgraphs for the VPC, subnet and API Gateway.
import { caption, type Panel } from './panel.js';
import { CLUSTER_PAINT, EDGE_PAINT, paintOf, type Paint } from './palette.js';
import type { PathEdge, PathNode, Place } from './path-graph.js';

/** Characters Mermaid would read as syntax inside a label, as its `#code;` entities. */
const ENTITIES: Record<string, string> = {
  '#': '#35;', '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '[': '#91;', ']': '#93;',
  '{': '#123;', '}': '#125;', '(': '#40;', ')': '#41;', '|': '#124;', '`': '#96;',
};

/** Label text made safe inside `"..."`: no raw quote, bracket, pipe or angle bracket survives. */
export function mermaidText(text: string): string {
  return text.replace(/[#"&<>[\]{}()|`]/g, (c) => ENTITIES[c]!).replace(/[\r\n]+/g, ' ');
}

/** A quoted Mermaid label: the first line bold (if `titled`), lines joined with `<br/>`. */
function label(lines: readonly string[], titled: boolean): string {
  const parts = lines.map((l, i) => (titled && i === 0 ? `<b>${mermaidText(l)}</b>` : mermaidText(l)));
  return `"${parts.join('<br/>') || ' '}"`;
}

export function toMermaid(panels: readonly Panel[]): string {
  const single = panels.length === 1 ? panels[0] : undefined;
  const out = ['flowchart LR'];
  if (single) out.push(...caption(single).map((l) => `  %% ${l.replace(/[\r\n]+/g, ' ')}`));
  const classes = new Map<string, Paint>();
  const classOf: string[] = [];
  const styles: string[] = [];
  const edges: string[] = [];
  const linkStyles: string[] = [];
  for (const panel of panels) {
    const pad = single ? '  ' : '    ';
    if (!single) out.push(`  subgraph ${panel.key}[${label(caption(panel), true)}]`, '    direction LR');
    const g = panel.graph;
    const id = (n: string) => `${panel.key}_${n}`;
    const at = (place: Place) => g.nodes.filter((n) => n.place === place);
    const nodes = (list: PathNode[], indent: string) => list.map((n) => `${indent}${nodeLine(n, id(n.id))}`);
    out.push(`${pad}subgraph ${id('vpc')}[${label([g.vpc], true)}]`,
      `${pad}  subgraph ${id('subnet')}[${label([g.subnet], true)}]`, ...nodes(at('subnet'), `${pad}    `), `${pad}  end`,
      ...nodes(at('vpc'), `${pad}  `), `${pad}end`);
    styles.push(clusterStyle(id('vpc'), 'vpc'), clusterStyle(id('subnet'), 'subnet'));
    const api = at('api-gateway');
    if (api.length) {
      out.push(`${pad}subgraph ${id('apigw')}[${label(['API Gateway'], true)}]`, ...nodes(api, `${pad}  `), `${pad}end`);
      styles.push(clusterStyle(id('apigw'), 'api-gateway'));
    }
    out.push(...nodes(at('outside'), pad));
    if (!single) out.push('  end', `  style ${panel.key} fill:#ffffff,stroke:#90a4ae,stroke-width:1.4px`);
    for (const n of g.nodes) {
      const p = paintOf(n.kind, n.mark);
      classes.set(p.name, p);
      classOf.push(`  class ${id(n.id)} ${p.name}`);
    }
    for (const e of g.edges) {
      linkStyles.push(`  linkStyle ${edges.length} ${linkStyle(e)}`);
      edges.push(`  ${edgeLine(e, id(e.from), id(e.to))}`);
    }
  }
  out.push(...edges);
  for (const [name, p] of classes) {
    out.push(`  classDef ${name} fill:${p.fill},stroke:${p.stroke},color:${p.text},stroke-width:${p.width}px${p.dashed ? ',stroke-dasharray:5 4' : ''}`);
  }
  out.push(...classOf, ...styles, ...linkStyles);
  return `${out.join('\n')}\n`;
}

function nodeLine(n: PathNode, id: string): string {
  const text = label([n.title, ...n.lines], true);
  if (n.kind === 'outcome') return `${id}{{${text}}}`;
  if (n.kind === 'internet') return `${id}([${text}])`;
  if (n.kind === 'dns') return `${id}(${text})`;
  return `${id}[${text}]`;
}

function edgeLine(e: PathEdge, from: string, to: string): string {
  const arrow = e.style === 'stop' ? '==>' : EDGE_PAINT[e.style].dashed ? '-.->' : '-->';
  return `${from} ${arrow}${e.lines.length ? `|${label(e.lines, false)}|` : ''} ${to}`;
}

function linkStyle(e: PathEdge): string {
  const p = EDGE_PAINT[e.style];
  return `stroke:${p.color},stroke-width:${p.width}px${p.dashed ? ',stroke-dasharray:4 3' : ''}`;
}

function clusterStyle(id: string, place: Exclude<Place, 'outside'>): string {
  const c = CLUSTER_PAINT[place];
  return `  style ${id} fill:${c.fill},stroke:${c.stroke},color:${c.text}`;
}
