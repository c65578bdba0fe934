// Route targets beyond the VPC (transit and virtual private gateways, appliances) and a never-throws property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Model, RouteTarget } from '../../model/index.js';
import { https, patch, route, routeTable, trace, twoTier } from './test-fixtures.js';

const base = twoTier();
const withPublicRoute = (m: Model, target: RouteTarget, cidr = '0.0.0.0/0') =>
  patch(m, 'routeTables', [routeTable('rtb-pub', 'vpc-1', [route(cidr, target)], { subnetIds: ['subnet-pub'], name: 'PublicRouteTable' })]);
const tgwModel = (attached: boolean) => patch(base, 'transitGateways', [{ id: 'tgw-1', name: 'Hub', attachments: attached ? [{ vpcId: 'vpc-1', subnetIds: ['subnet-priv'] }] : [] }]);

describe('other route targets', () => {
  it.each([
    {
      name: 'transit gateway attached to the VPC: the packet leaves through it',
      m: withPublicRoute(tgwModel(true), { kind: 'transit-gateway', id: 'tgw-1' }, '172.16.0.0/12'), to: '172.16.5.5',
      end: { kind: 'exits-network', through: 'transit-gateway', gatewayId: 'tgw-1', sourceIpSeen: '10.0.1.10' }, via: ['transit-gateway'],
    },
    {
      name: 'transit gateway with no attachment to the VPC',
      m: withPublicRoute(tgwModel(false), { kind: 'transit-gateway', id: 'tgw-1' }), to: '172.16.5.5', end: { kind: 'dropped', cause: 'no-route' },
    },
    {
      name: 'virtual private gateway: out toward the VPN, beyond the model (Batfish test-public-private-subnet)',
      m: withPublicRoute(base, { kind: 'virtual-private-gateway', id: 'vgw-1' }), to: '19.168.1.1',
      end: { kind: 'exits-network', through: 'virtual-private-gateway', gatewayId: 'vgw-1', sourceIpSeen: '10.0.1.10' }, via: [],
    },
    {
      name: 'an appliance ENI as target: what it does is unknown',
      m: withPublicRoute(base, { kind: 'network-interface', id: 'eni-app' }), to: '8.8.8.8', end: { kind: 'unknown' },
    },
    {
      name: 'a route target the source could not read',
      m: withPublicRoute(base, { kind: 'unknown', reason: 'Fn::If on an unknown condition' }), to: '8.8.8.8',
      end: { kind: 'unknown', missing: [{ fact: 'the target of the route', reason: 'Fn::If on an unknown condition' }] },
    },
    {
      name: 'an egress-only internet gateway does not carry IPv4',
      m: withPublicRoute(base, { kind: 'egress-only-internet-gateway', id: 'eigw-1' }), to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-route' },
    },
  ])('$name', ({ m, to, end, via }) => {
    const path = trace(m, 'eni-web', https(to));
    expect(path.end).toMatchObject(end);
    if (via) expect(path.via).toEqual(via);
  });

  it('a private NAT gateway can reach a transit gateway, seen as its private address', () => {
    let m = patch(tgwModel(true), 'natGateways', [{ id: 'nat-1', name: 'PrivateNat', subnetId: 'subnet-pub', vpcId: 'vpc-1', connectivityType: 'private', privateIp: '10.0.1.200' }]);
    m = withPublicRoute(m, { kind: 'transit-gateway', id: 'tgw-1' });
    const path = trace(m, 'eni-app', https('172.16.5.5'));
    expect(path.end).toEqual({ kind: 'exits-network', through: 'transit-gateway', gatewayId: 'tgw-1', sourceIpSeen: '10.0.1.200' });
    expect(path.via).toEqual(['nat-gateway', 'transit-gateway']);
  });
});

describe('bad input never throws', () => {
  it('any flow from any ENI of the fixture ends in one of the four outcomes', () => {
    const m = twoTier();
    const enis = m.networkInterfaces.map((e) => e.id);
    const destination = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string(), fc.constantFrom('10.0.2.20', '10.0.1.200', '10.0.9.9', '8.8.8.8'));
    fc.assert(fc.property(
      fc.constantFrom(...enis), fc.constantFrom('tcp', 'udp', 'icmp', '-1' as const), fc.option(fc.integer({ min: -1, max: 70000 }), { nil: undefined }), destination,
      (from, protocol, port, to) => {
        const path = trace(m, from, { protocol, ...(port !== undefined ? { port } : {}), destination: to });
        expect(['delivered', 'exits-network', 'dropped', 'unknown']).toContain(path.end.kind);
        for (const hop of path.hops) expect(typeof hop.detail).toBe('string');
      },
    ));
  });
});
