// VPC peering: delivery into the peer VPC, the return route, inactive and transitive cases.
import { describe, expect, it } from 'vitest';
import { unknown, type Model, type VpcPeeringConnection } from '../../model/index.js';
import { acl, eni, https, model, patch, route, routeTable, rule, sg, subnet, trace, vpc } from './test-fixtures.js';

const a = subnet('subnet-a', 'vpc-a', '10.0.1.0/24', 'SubnetA');
const b = subnet('subnet-b', 'vpc-b', '10.1.1.0/24', 'SubnetB');
const pcx: VpcPeeringConnection = { id: 'pcx-1', name: 'Peering', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b', status: 'active' };
const toPeer = { kind: 'vpc-peering', id: 'pcx-1' } as const;

const base: Model = model({
  vpcs: [vpc('vpc-a', '10.0.0.0/16', 'VpcA'), vpc('vpc-b', '10.1.0.0/16', 'VpcB')],
  subnets: [a, b],
  peeringConnections: [pcx],
  routeTables: [
    routeTable('rtb-a', 'vpc-a', [route('10.1.0.0/16', toPeer), route('10.2.0.0/16', toPeer)], { subnetIds: ['subnet-a'], name: 'TableA' }),
    routeTable('rtb-b', 'vpc-b', [route('10.0.0.0/16', toPeer)], { subnetIds: ['subnet-b'], name: 'TableB' }),
  ],
  networkAcls: [acl('acl-a', 'vpc-a', [], 'allowAll', true), acl('acl-b', 'vpc-b', [], 'allowAll', true)],
  securityGroups: [
    sg('sg-a', 'vpc-a', [], undefined, 'ClientSG'),
    // A rule may name a group of the peered VPC (same Region).
    sg('sg-b', 'vpc-b', [rule('tcp', 443, { peerGroupId: 'sg-a' })], undefined, 'ServiceSG'),
  ],
  networkInterfaces: [eni('eni-a', a, '10.0.1.10', ['sg-a'], { name: 'Client' }), eni('eni-b', b, '10.1.1.20', ['sg-b'], { name: 'Service' })],
});

describe('VPC peering', () => {
  it('delivers into the peer VPC when the peer routes the reply back over the same connection', () => {
    const path = trace(base, 'eni-a', https('10.1.1.20'));
    expect(path.end).toEqual({ kind: 'delivered', networkInterfaceId: 'eni-b', vpcId: 'vpc-b', sourceIpSeen: '10.0.1.10' });
    expect(path.via).toEqual(['vpc-peering']);
    expect(path.hops.map((h) => h.action)).toEqual(['egress', 'nacl-out', 'route', 'peering', 'nacl-in', 'ingress', 'return-route', 'return-nacl', 'return-nacl']);
    expect(path.hops.find((h) => h.action === 'ingress')?.detail).toBe('ServiceSG: tcp/443 from sg-a (ClientSG)');
    expect(path.hops.find((h) => h.action === 'return-route')?.detail).toBe('10.0.1.10 -> Peering (pcx-1) (10.0.0.0/16)');
  });

  it.each([
    {
      name: 'no return route in the peer subnet: the reply is lost',
      m: patch(base, 'routeTables', [routeTable('rtb-b', 'vpc-b', [], { subnetIds: ['subnet-b'] })]),
      to: '10.1.1.20', end: { kind: 'dropped', cause: 'no-route' }, detail: /no route for 10\.0\.1\.10; the reply does not go back through pcx-1/,
    },
    {
      name: 'the return route goes elsewhere: the reply is lost',
      m: patch(base, 'routeTables', [routeTable('rtb-b', 'vpc-b', [route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-b' })], { subnetIds: ['subnet-b'] })]),
      to: '10.1.1.20', end: { kind: 'dropped', cause: 'no-route' }, detail: /reply does not go back/,
    },
    {
      name: 'a connection not yet accepted is a blackhole',
      m: patch(base, 'peeringConnections', [{ ...pcx, status: 'pending-acceptance' }]),
      to: '10.1.1.20', end: { kind: 'dropped', cause: 'blackhole' }, detail: /not active/,
    },
    {
      name: 'no transitive routing: an address outside the peer VPC is dropped',
      m: base, to: '10.2.0.5', end: { kind: 'dropped', cause: 'no-route' }, detail: /only to the peer VPC itself/,
    },
    {
      name: 'the peer VPC is not in the model: the packet exits through the peering',
      m: { ...base, vpcs: base.vpcs.filter((v) => v.id === 'vpc-a') },
      to: '10.1.1.20', end: { kind: 'exits-network', through: 'vpc-peering', gatewayId: 'pcx-1', sourceIpSeen: '10.0.1.10' },
    },
    {
      name: 'the accepter VPC is unknown',
      m: patch(base, 'peeringConnections', [{ ...pcx, accepterVpcId: unknown('parameter PeerVpcId has no value') }]),
      to: '10.1.1.20', end: { kind: 'unknown', missing: [{ fact: 'the accepter VPC of Peering (pcx-1)', reason: 'parameter PeerVpcId has no value' }] },
    },
    {
      name: 'the peer service group does not name the client group',
      m: patch(base, 'securityGroups', [sg('sg-b', 'vpc-b', [rule('tcp', 443, { peerGroupId: 'sg-zzz' })])]),
      to: '10.1.1.20', end: { kind: 'dropped', cause: 'security-group-denied' },
    },
  ])('$name', ({ m, to, end, detail }) => {
    const path = trace(m, 'eni-a', https(to));
    if (end.kind === 'dropped') expect(path.end).toMatchObject(end);
    else expect(path.end).toEqual(end);
    if (detail) expect(path.hops.map((h) => h.detail).join('\n')).toMatch(detail);
  });
});
