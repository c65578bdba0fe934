// Which hops are boxes on the picture (gateways, endpoints, front doors, the API) and which are words on an arrow.
import type { Hop } from '../../sim/trace.js';
import { wrapLine } from './picture-text.js';

/** The boxes a path can pass; `element` is anything the trace names that none of the others fits. */
export type NodeKind =
  | 'workload' | 'dns' | 'interface' | 'vpc-endpoint' | 'gateway-endpoint' | 'internet-gateway' | 'nat-gateway'
  | 'route-table' | 'network-acl' | 'peering' | 'transit-gateway' | 'vpn-gateway' | 'network' | 'internet'
  | 'cloudfront' | 'front-door' | 'custom-domain' | 'api' | 'integration' | 'outcome' | 'element';

/** Where a box sits: inside the workload's subnet, inside its VPC, inside API Gateway, or outside all of them. */
export type Place = 'subnet' | 'vpc' | 'api-gateway' | 'outside';

/** Checks made on the way between two boxes (security groups, ACLs, routes): words on the arrow, not boxes. */
const DECISIONS = new Set(['egress', 'ingress', 'route', 'nacl-out', 'nacl-in', 'return-nacl']);

/** Decisions worth printing on the arrow when they pass (ACL passes add noise; a drop always gets a box). */
const SHOWN_DECISIONS = new Set(['egress', 'ingress', 'route']);

export function isDecision(hop: Hop): boolean {
  return DECISIONS.has(hop.action) && !hop.component;
}

export function showsOnArrow(hop: Hop): boolean {
  return SHOWN_DECISIONS.has(hop.action) && hop.verdict === 'pass';
}

/** The kind of box a hop belongs to. */
export function kindOf(hop: Hop): NodeKind {
  if (hop.action === 'integration') return 'integration';
  switch (hop.component) {
    case 'vpc-endpoint': return 'vpc-endpoint';
    case 'cloudfront': return 'cloudfront';
    case 'api-gateway': return 'api';
    case 'internet-gateway': return 'internet-gateway';
    case 'nat-gateway': return 'nat-gateway';
    case 'vpc-peering': return 'peering';
    case 'transit-gateway': return 'transit-gateway';
    default: break;
  }
  switch (hop.action) {
    case 'internet-gateway': return 'internet-gateway';
    case 'nat-gateway': return 'nat-gateway';
    case 'gateway-endpoint': return 'gateway-endpoint';
    case 'peering': return 'peering';
    case 'transit-gateway': return 'transit-gateway';
    case 'virtual-private-gateway': return 'vpn-gateway';
    case 'deliver': return 'network';
    case 'mapping': return 'custom-domain';
    case 'route': return 'route-table';
    case 'nacl-out': case 'nacl-in': case 'return-nacl': return 'network-acl';
    case 'ingress': return 'interface';
    default: break;
  }
  if (hop.at.startsWith('CloudFront ')) return 'cloudfront';
  if (hop.at.startsWith('API Gateway ')) return 'front-door';
  return 'element';
}

export function placeOf(kind: NodeKind): Place {
  switch (kind) {
    case 'workload': return 'subnet';
    case 'dns': case 'interface': case 'vpc-endpoint': case 'gateway-endpoint': case 'internet-gateway':
    case 'nat-gateway': case 'route-table': case 'network-acl':
      return 'vpc';
    case 'front-door': case 'custom-domain': case 'api': case 'integration':
      return 'api-gateway';
    default: return 'outside';
  }
}

const WHAT: Partial<Record<NodeKind, string>> = {
  interface: 'network interface',
  'vpc-endpoint': 'interface VPC endpoint',
  'gateway-endpoint': 'gateway VPC endpoint',
  'internet-gateway': 'internet gateway',
  'nat-gateway': 'NAT gateway',
  'route-table': 'route table',
  'network-acl': 'network ACL',
  peering: 'VPC peering',
  'transit-gateway': 'transit gateway',
  'vpn-gateway': 'virtual private gateway',
  network: 'VPC',
  'custom-domain': 'custom domain',
};

/** Title and lines of the box for the hops of one element (all with the same `at` and kind). */
export function elementBox(kind: NodeKind, hops: readonly Hop[], all: readonly Hop[] = hops): { title: string; lines: string[] } {
  const first = hops[0]!;
  const ids = [...new Set(hops.map((h) => h.elementId).filter((id): id is string => Boolean(id) && id !== first.at))];
  const checks = hops.filter((h) => h.verdict === 'pass').map((h) => h.action);
  const passed = checks.length ? [`✓ ${checks.join(' · ')}`] : [];
  switch (kind) {
    case 'cloudfront':
      return { title: 'CloudFront', lines: [first.at.replace(/^CloudFront /, ''), ...passed] };
    case 'front-door':
      return { title: first.at, lines: ['regional front door', ...passed] };
    case 'api': {
      const type = endpointType(all, first.at);
      return { title: first.at, lines: [`API Gateway${type ? ` · ${type}` : ''}`, ...ids.map((id) => `id ${id}`), ...passed] };
    }
    case 'integration':
      return { title: 'integration', lines: wrapLine(first.detail, 36) };
    case 'internet-gateway': case 'nat-gateway': {
      const translates = hops.find((h) => h.verdict === 'pass' && /translates/.test(h.detail));
      return { title: first.at, lines: [`${WHAT[kind]} ${ids.join(', ')}`.trim(), ...(translates ? wrapLine(translates.detail, 36) : [])] };
    }
    case 'custom-domain':
      return { title: first.at, lines: [`${WHAT[kind]} ${ids.join(', ')}`.trim(), ...wrapLine(first.detail.replace(/^\S+ /, ''), 36)] };
    default: {
      const what = WHAT[kind];
      return { title: first.at, lines: [[what, ...ids].filter(Boolean).join(' '), ...(kind === 'vpc-endpoint' ? passed : [])].filter(Boolean) };
    }
  }
}

/** `REGIONAL API`, `PRIVATE API`, `HTTP API`: what an endpoint-type hop says of the API (named `name`, if given). */
export function endpointType(hops: readonly Hop[], name?: string): string | undefined {
  for (const h of hops) {
    if (h.action !== 'endpoint-type' || (name !== undefined && !h.detail.startsWith(`${name} is `))) continue;
    const m = /\bis an? (EDGE|REGIONAL|PRIVATE|HTTP|WEBSOCKET) API\b/i.exec(h.detail);
    if (m) return `${m[1]!.toUpperCase() === 'WEBSOCKET' ? 'WebSocket' : m[1]!.toUpperCase()} API`;
  }
  return undefined;
}

/** The API a front door turned away, as its endpoint-type hop names it: `PublicApi` and `REGIONAL API`. */
export function intendedApi(hops: readonly Hop[]): { name: string; type: string } | undefined {
  for (const h of hops) {
    if (h.action !== 'endpoint-type' || h.component === 'api-gateway') continue;
    const m = /^(\S+) is an? (EDGE|REGIONAL|PRIVATE|HTTP|WEBSOCKET) API\b/i.exec(h.detail);
    if (m) return { name: m[1]!, type: endpointType([h]) ?? `${m[2]} API` };
  }
  return undefined;
}
