// A trace as a small neutral graph: the boxes the request passed, in order, and where it stopped or arrived.
import type { CauseCode, Hop, Trace } from '../../sim/trace.js';
import { elementBox, intendedApi, isDecision, kindOf, placeOf, showsOnArrow, type NodeKind, type Place } from './hop-nodes.js';
import { dnsLines, edgeWords, requestHost, shortAnswer, workloadLines, wrapLine } from './picture-text.js';

export type { NodeKind, Place } from './hop-nodes.js';

/** `stopped-at`: the box where the path ends without reaching; `stop`: the answer marker; `intended`: not reached. */
export type Mark = 'stopped-at' | 'stop' | 'reached' | 'unknown' | 'intended';

export interface PathNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly title: string;
  readonly lines: string[];
  readonly place: Place;
  mark?: Mark;
}

/** `path`: the request's way; `dns`: the name lookup; `stop`: to the answer marker; `intended`: where it meant to go. */
export type EdgeStyle = 'path' | 'dns' | 'stop' | 'intended';

export interface PathEdge {
  readonly from: string;
  readonly to: string;
  /** The decisions made on the way (security groups, routes), or why the path stops. */
  readonly lines: string[];
  readonly style: EdgeStyle;
}

export interface PathGraph {
  /** `GET https://...` */
  readonly request: string;
  readonly outcome: { readonly kind: 'reached' | 'stopped' | 'unknown'; readonly answer: string; readonly cause: CauseCode };
  /** Cluster labels: `VPC Vpc · 10.0.0.0/16`, `subnet PublicSubnet`. */
  readonly vpc: string;
  readonly subnet: string;
  readonly nodes: PathNode[];
  readonly edges: PathEdge[];
}

export function buildPathGraph(trace: Trace): PathGraph {
  const s = trace.source;
  const nodes: PathNode[] = [];
  const edges: PathEdge[] = [];
  const add = (node: PathNode): PathNode => (nodes.push(node), node);
  const box = (kind: NodeKind, hops: readonly Hop[]): PathNode =>
    add({ id: `n${nodes.length}`, kind, ...elementBox(kind, hops, trace.hops), place: placeOf(kind) });

  const workload = add({ id: 'workload', kind: 'workload', title: s.name, lines: workloadLines(s), place: 'subnet' });
  let dns: PathNode | undefined;
  if (trace.dns) {
    dns = add({ id: 'dns', kind: 'dns', ...dnsLines(trace.dns, requestHost(trace)), place: 'vpc' });
    edges.push({ from: workload.id, to: dns.id, lines: ['resolves'], style: 'dns' });
  }

  let current = workload;
  let pending: string[] = [];
  let ingress: Hop | undefined;
  const moveTo = (next: PathNode): void => {
    if (current.kind === 'internet-gateway' && next.place !== 'vpc' && next.kind !== 'internet') moveTo(internet());
    edges.push({ from: current.id, to: next.id, lines: pending, style: 'path' });
    pending = [];
    current = next;
  };
  const internet = (): PathNode => add({ id: `n${nodes.length}`, kind: 'internet', title: 'Internet', lines: [], place: 'outside' });

  const hops = trace.hops;
  for (let i = 0; i < hops.length;) {
    const hop = hops[i]!;
    if (isDecision(hop)) {
      i += 1;
      if (hop.verdict === 'pass' || hop.verdict === 'info') {
        if (showsOnArrow(hop)) pending.push(...edgeWords(hop.action === 'route' ? `${hop.at}: ${hop.detail}` : hop.detail, 56, 2));
        if (hop.action === 'ingress') ingress = hop;
        continue;
      }
      // A decision that drops (or cannot decide) ends the path: the element that decided gets a box.
      if (ingress && ingress.at !== hop.at) moveTo(box('interface', [ingress]));
      if (!(hop.action === 'egress' && hop.at === s.name)) moveTo(box(kindOf(hop), [hop]));
      ingress = undefined;
      break;
    }
    const kind = kindOf(hop);
    let j = i + 1;
    while (j < hops.length && !isDecision(hops[j]!) && hops[j]!.at === hop.at && kindOf(hops[j]!) === kind) j += 1;
    if (ingress && ingress.at !== hop.at) moveTo(box('interface', [ingress]));
    ingress = undefined;
    moveTo(box(kind, hops.slice(i, j)));
    i = j;
  }
  if (ingress) moveTo(box('interface', [ingress]));
  if (trace.answer.result === 'exits-network' && current.kind === 'internet-gateway') moveTo(internet());

  const answer = shortAnswer(trace);
  const kind = trace.reached ? 'reached' : trace.answer.result === 'unknown' ? 'unknown' : 'stopped';
  if (trace.reached) {
    current.mark = 'reached';
    current.lines.push(`✓ ${answer}`);
  } else {
    markStop(trace, current === workload && dns && !hops.length ? dns : current, nodes, edges, answer);
  }
  return {
    request: `${trace.request.method} ${trace.request.url}`,
    outcome: { kind, answer, cause: trace.cause.code },
    vpc: `VPC ${s.vpc} · ${s.vpcCidrs.join(', ')}`,
    subnet: `subnet ${s.subnet}`,
    nodes,
    edges,
  };
}

/** Marks the box where the path ends, hangs the answer on it, and shows the API it was meant for, if the trace says. */
function markStop(trace: Trace, at: PathNode, nodes: PathNode[], edges: PathEdge[], answer: string): void {
  const unknown = trace.answer.result === 'unknown';
  at.mark = unknown ? 'unknown' : 'stopped-at';
  const a = trace.answer;
  const lines = [
    ...(a.body ? wrapLine(a.body, 40) : []),
    ...(unknown && trace.missing[0] ? wrapLine(`missing: ${trace.missing[0].fact}`, 40) : []),
    `cause: ${trace.cause.code}`,
  ];
  nodes.push({ id: 'stop', kind: 'outcome', title: `${unknown ? '?' : '✗'} ${answer}`, lines, place: 'outside', mark: unknown ? 'unknown' : 'stop' });
  const decisive = [...trace.hops].reverse().find((h) => h.verdict === 'drop' || h.verdict === 'answer' || h.verdict === 'unknown');
  const lastStep = trace.dns?.steps[trace.dns.steps.length - 1];
  const why = decisive?.detail ?? (at.kind === 'dns' && lastStep ? `answered by ${lastStep.answeredBy}` : '');
  edges.push({ from: at.id, to: 'stop', lines: why ? edgeWords(why, 44) : [], style: 'stop' });

  const meant = nodes.some((n) => n.kind === 'api') ? undefined : intendedApi(trace.hops);
  if (meant) {
    nodes.push({ id: 'intended', kind: 'api', title: meant.name, lines: [`API Gateway · ${meant.type}`, 'not reached'], place: 'api-gateway', mark: 'intended' });
    edges.push({ from: at.id, to: 'intended', lines: ['meant for'], style: 'intended' });
  }
}
