// Colours of the picture, shared by the Mermaid and Graphviz emitters: AWS-like hues per kind, red stop, green arrival.
import type { EdgeStyle, Mark, NodeKind, Place } from './path-graph.js';

export interface Paint {
  /** A class name for the paint (Mermaid classDef, SVG class). */
  readonly name: string;
  readonly fill: string;
  readonly stroke: string;
  readonly text: string;
  readonly width: number;
  readonly dashed?: boolean;
}

const COMPUTE: Paint = { name: 'compute', fill: '#fff4e5', stroke: '#d86613', text: '#3b2500', width: 1.2 };
const NETWORK: Paint = { name: 'network', fill: '#f3ecff', stroke: '#8c4fff', text: '#2a1060', width: 1.2 };
const DNS: Paint = { name: 'dns', fill: '#eef2ff', stroke: '#5a6bd8', text: '#1a2358', width: 1.2 };
const OUTSIDE: Paint = { name: 'outside', fill: '#f5f7f8', stroke: '#7d8998', text: '#263238', width: 1.2 };
const APIGW: Paint = { name: 'apigw', fill: '#fdecf4', stroke: '#e7157b', text: '#4a0026', width: 1.2 };

export const MARK_PAINT: Record<Mark, Paint> = {
  'stopped-at': { name: 'stoppedAt', fill: '#ffebee', stroke: '#c62828', text: '#7f0000', width: 2.4 },
  stop: { name: 'stop', fill: '#c62828', stroke: '#8e0000', text: '#ffffff', width: 2 },
  reached: { name: 'reached', fill: '#e6f4ea', stroke: '#1e8e3e', text: '#0b3d1b', width: 2.4 },
  unknown: { name: 'unknown', fill: '#fff8e1', stroke: '#f9a825', text: '#5d4300', width: 2 },
  intended: { name: 'intended', fill: '#ffffff', stroke: '#9e9e9e', text: '#757575', width: 1.2, dashed: true },
};

export function paintOf(kind: NodeKind, mark?: Mark): Paint {
  if (mark) return MARK_PAINT[mark];
  switch (kind) {
    case 'workload': return COMPUTE;
    case 'dns': return DNS;
    case 'internet': case 'network': case 'peering': case 'transit-gateway': case 'vpn-gateway': case 'element':
    case 'outcome':
      return OUTSIDE;
    case 'cloudfront': case 'front-door': case 'custom-domain': case 'api': case 'integration':
      return APIGW;
    default: return NETWORK;
  }
}

export const CLUSTER_PAINT: Record<Exclude<Place, 'outside'>, { readonly stroke: string; readonly fill: string; readonly text: string }> = {
  vpc: { stroke: '#248814', fill: '#f7fbf5', text: '#1d5e12' },
  subnet: { stroke: '#147eba', fill: '#f2f8fc', text: '#0d4f75' },
  'api-gateway': { stroke: '#e7157b', fill: '#fffafc', text: '#8a0d4a' },
};

export const EDGE_PAINT: Record<EdgeStyle, { readonly color: string; readonly width: number; readonly dashed: boolean }> = {
  path: { color: '#37474f', width: 1.6, dashed: false },
  dns: { color: '#5a6bd8', width: 1, dashed: true },
  stop: { color: '#c62828', width: 2, dashed: false },
  intended: { color: '#9e9e9e', width: 1, dashed: true },
};

export const FONT = 'Helvetica,Arial,sans-serif';
