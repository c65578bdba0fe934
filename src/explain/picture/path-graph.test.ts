// The neutral path graph: boxes in path order, the stop marked with the answer, a reached path ending green.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedTraces } from '../../../scripts/pictures.js';
import { conformanceFiles } from '../../../test/support/shared.js';
import { runScenarioFile } from '../../scenario/run-scenario.js';
import type { Component, Hop, Trace } from '../../sim/trace.js';
import { buildPathGraph, type NodeKind, type PathGraph } from './path-graph.js';

/** The kinds of the boxes along the path's own arrows, from the workload on. */
function pathKinds(g: PathGraph): NodeKind[] {
  const kinds: NodeKind[] = ['workload'];
  let at = 'workload';
  for (let e = g.edges.find((x) => x.from === at && x.style === 'path'); e; e = g.edges.find((x) => x.from === at && x.style === 'path')) {
    at = e.to;
    kinds.push(g.nodes.find((n) => n.id === at)!.kind);
  }
  return kinds;
}

const node = (g: PathGraph, id: string) => g.nodes.find((n) => n.id === id);
const stoppedAt = (g: PathGraph) => g.nodes.find((n) => n.mark === 'stopped-at' || (n.mark === 'unknown' && n.id !== 'stop'));

describe('the seed', () => {
  const { captured, fixed } = seedTraces();

  it('captured: the workload in its subnet, the endpoint in the VPC, stopped with the 403', () => {
    const g = buildPathGraph(captured);
    expect(pathKinds(g)).toEqual(['workload', 'vpc-endpoint']);
    expect(g.subnet).toBe('subnet PublicSubnet');
    expect(g.vpc).toBe('VPC Vpc · 10.0.0.0/16');
    expect(node(g, 'workload')).toMatchObject({ title: 'AppInstance', place: 'subnet' });
    expect(node(g, 'workload')!.lines.join(' ')).toContain('10.0.1.11 · public 203.0.113.10');
    expect(stoppedAt(g)).toMatchObject({ title: 'ApiEndpoint', place: 'vpc' });
    expect(node(g, 'stop')).toMatchObject({ title: '✗ HTTP 403 ForbiddenException', mark: 'stop' });
    expect(node(g, 'stop')!.lines).toContain('cause: public-api-via-vpc-endpoint');
    expect(node(g, 'dns')!.lines.join(' ')).toContain('answered by the private DNS of ApiEndpoint');
    expect(node(g, 'intended')).toMatchObject({ title: 'PublicApi', mark: 'intended' });
    expect(g.nodes.some((n) => n.kind === 'internet-gateway')).toBe(false);
    const arrow = g.edges.find((e) => e.from === 'workload' && e.style === 'path')!;
    expect(arrow.lines.join(' ')).toMatch(/AppSecurityGroup.*PublicRouteTable: 10\.0\.1\.10 → local.*EndpointSecurityGroup/);
    expect(g.outcome).toEqual({ kind: 'stopped', answer: 'HTTP 403 ForbiddenException', cause: 'public-api-via-vpc-endpoint' });
  });

  it('fixed: out through the internet gateway and the internet to CloudFront, the domain, the API, its integration', () => {
    const g = buildPathGraph(fixed);
    expect(pathKinds(g)).toEqual(['workload', 'internet-gateway', 'internet', 'cloudfront', 'custom-domain', 'api', 'integration']);
    const last = g.nodes.find((n) => n.kind === 'integration')!;
    expect(last.mark).toBe('reached');
    expect(last.lines.at(-1)).toBe('✓ reached the API\'s integration');
    expect(g.nodes.find((n) => n.kind === 'api')).toMatchObject({ title: 'PublicApi', place: 'api-gateway' });
    expect(g.nodes.find((n) => n.kind === 'api')!.lines[0]).toBe('API Gateway · REGIONAL API');
    expect(node(g, 'stop')).toBeUndefined();
    expect(g.outcome.kind).toBe('reached');
  });
});

/** A `via` component and the box kind that draws it. */
const BOX_OF: Record<Component, NodeKind> = {
  'vpc-endpoint': 'vpc-endpoint', 'internet-gateway': 'internet-gateway', 'nat-gateway': 'nat-gateway',
  'vpc-peering': 'peering', 'transit-gateway': 'transit-gateway', cloudfront: 'cloudfront', 'api-gateway': 'api',
};

describe('every conformance trace', () => {
  for (const file of conformanceFiles()) {
    for (const check of runScenarioFile(file).checks) {
      it(`${basename(file)}: ${check.name}`, () => {
        const t = check.trace!;
        const g = buildPathGraph(t);
        const ids = new Set(g.nodes.map((n) => n.id));
        expect(ids.size).toBe(g.nodes.length);
        for (const e of g.edges) expect(ids.has(e.from) && ids.has(e.to), `${e.from} -> ${e.to}`).toBe(true);
        const kinds = pathKinds(g);
        for (const c of t.via) expect(kinds, `via ${c}`).toContain(BOX_OF[c]);
        if (t.reached) {
          expect(g.nodes.filter((n) => n.mark === 'reached')).toHaveLength(1);
          expect(node(g, 'stop')).toBeUndefined();
        } else {
          expect(node(g, 'stop')!.title).toContain(g.outcome.answer);
          expect(stoppedAt(g)).toBeDefined();
        }
      });
    }
  }
});

describe('where other paths stop', () => {
  const outcome = (name: string, file: string) => runScenarioFile(conformanceFiles().find((f) => basename(f).startsWith(file))!)
    .checks.find((c) => c.name.includes(name))!.trace!;

  it('a security group drop marks the endpoint\'s interface: timeout', () => {
    const g = buildPathGraph(outcome('drops HTTPS', '13-'));
    expect(stoppedAt(g)).toMatchObject({ title: 'ApiEndpoint', kind: 'interface' });
    expect(node(g, 'stop')!.title).toBe('✗ timeout: security group');
  });

  it('NXDOMAIN hangs on the DNS box', () => {
    const g = buildPathGraph(outcome('no record', '12-'));
    expect(stoppedAt(g)!.id).toBe('dns');
    expect(node(g, 'stop')!.title).toBe('✗ NXDOMAIN');
  });

  it('no public IP marks the internet gateway', () => {
    const g = buildPathGraph(outcome('no public IP', '17-'));
    expect(stoppedAt(g)).toMatchObject({ kind: 'internet-gateway', title: 'InternetGateway' });
    expect(node(g, 'stop')!.title).toBe('✗ timeout: no public IP');
  });

  it('the NAT path: NAT gateway, internet gateway, internet, the regional front door', () => {
    const g = buildPathGraph(outcome('NAT gateway', '11-'));
    expect(pathKinds(g)).toEqual(['workload', 'nat-gateway', 'internet-gateway', 'internet', 'front-door', 'api', 'integration']);
  });
});

describe('made-up traces', () => {
  const base: Trace = {
    request: { method: 'GET', url: 'https://x.example.com/', headers: {} },
    source: { name: 'Fn', kind: 'lambda', id: 'fn', networkInterfaceId: 'eni-1', privateIp: '10.0.0.5', subnet: 'S', vpc: 'V', vpcCidrs: ['10.0.0.0/16'] },
    hops: [], answer: { result: 'timeout', answeredBy: 'nobody', confidence: 'inferred' },
    cause: { code: 'security-group-denied', explanation: '', rules: [] }, via: [], reached: false, missing: [], rules: [], caveats: [],
  };
  const hop = (h: Partial<Hop>): Hop => ({ at: 'Fn', action: 'egress', verdict: 'pass', detail: 'ok', ...h });

  it('an egress drop marks the workload itself', () => {
    const g = buildPathGraph({ ...base, hops: [hop({ verdict: 'drop', detail: 'FnSg: no egress rule' })] });
    expect(stoppedAt(g)!.id).toBe('workload');
    expect(g.edges.find((e) => e.to === 'stop')!.lines.join(' ')).toBe('FnSg: no egress rule');
  });

  it('a route that drops gets a box of its own', () => {
    const g = buildPathGraph({ ...base, cause: { code: 'no-route', explanation: '', rules: [] },
      hops: [hop({}), hop({ at: 'Rt', elementId: 'rtb-1', action: 'route', verdict: 'drop', detail: 'no route to 8.8.8.8' })] });
    expect(stoppedAt(g)).toMatchObject({ kind: 'route-table', title: 'Rt' });
    expect(node(g, 'stop')!.title).toBe('✗ timeout: no route');
  });

  it('an unknown answer is yellow and names the missing fact', () => {
    const g = buildPathGraph({ ...base, answer: { result: 'unknown', answeredBy: '?', confidence: 'inferred' },
      cause: { code: 'missing-facts', explanation: '', rules: [] }, missing: [{ fact: 'facts.dns entry for x.example.com', reason: '' }],
      dns: { resolver: 'r', steps: [], outcome: { kind: 'unknown', missing: [] } } });
    expect(stoppedAt(g)).toMatchObject({ id: 'dns', mark: 'unknown' });
    expect(node(g, 'stop')).toMatchObject({ title: '? unknown: missing facts', mark: 'unknown' });
    expect(node(g, 'stop')!.lines.join(' ')).toContain('facts.dns entry for x.example.com');
  });

  it('a flow that leaves through the internet gateway ends green at the internet', () => {
    const g = buildPathGraph({ ...base, answer: { result: 'exits-network', answeredBy: 'igw', confidence: 'documented' }, reached: true,
      cause: { code: 'ok', explanation: '', rules: [] },
      hops: [hop({}), hop({ at: 'Igw', elementId: 'igw-1', action: 'internet-gateway', component: 'internet-gateway' })] });
    expect(pathKinds(g)).toEqual(['workload', 'internet-gateway', 'internet']);
    expect(g.nodes.find((n) => n.kind === 'internet')!.mark).toBe('reached');
  });

  it('a flow delivered to an interface ends green at it', () => {
    const g = buildPathGraph({ ...base, answer: { result: 'delivered', answeredBy: 'eni-2', confidence: 'documented' }, reached: true,
      cause: { code: 'ok', explanation: '', rules: [] },
      hops: [hop({}), hop({ at: 'Db', elementId: 'eni-2', action: 'ingress', detail: 'DbSg: tcp/5432' })] });
    expect(pathKinds(g)).toEqual(['workload', 'interface']);
    expect(g.nodes.at(-1)).toMatchObject({ title: 'Db', mark: 'reached' });
    expect(g.edges.at(-1)!.lines).toEqual(['ok', 'DbSg: tcp/5432']);
  });
});
