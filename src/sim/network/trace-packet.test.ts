// Whole packet paths on a two-tier VPC: gateways, endpoints, ACLs both ways, drops and unknowns.
import { describe, expect, it } from 'vitest';
import { unknown, type Model } from '../../model/index.js';
import { acl, entry, eni, https, patch, route, routeTable, rule, sg, subnet, trace, twoTier } from './test-fixtures.js';
import type { PathEnd } from './types.js';

const base = twoTier();
const priv = subnet('subnet-priv', 'vpc-1', '10.0.2.0/24', 'PrivateSubnet');
const pub = subnet('subnet-pub', 'vpc-1', '10.0.1.0/24', 'PublicSubnet');

interface Case {
  name: string;
  model: Model;
  from: string;
  to: string;
  protocol?: 'tcp' | 'udp' | 'icmp' | '-1';
  port?: number;
  end: PathEnd | { kind: PathEnd['kind']; cause?: string };
  actions?: string[];
  via?: string[];
  detail?: RegExp;
}

const cases: Case[] = [
  {
    name: 'public instance to the internet: default egress, IGW translates to its public IP',
    model: base, from: 'eni-web', to: '8.8.8.8',
    end: { kind: 'exits-network', through: 'internet-gateway', gatewayId: 'igw-1', sourceIpSeen: '1.1.1.1' },
    actions: ['egress', 'nacl-out', 'route', 'internet-gateway', 'return-nacl'], via: ['internet-gateway'],
    detail: /AppSecurityGroup: all traffic allowed \(default egress\)/,
  },
  {
    name: 'no public IP: dropped at the internet gateway (R32)',
    model: patch(base, 'networkInterfaces', [eni('eni-web', pub, '10.0.1.10', ['sg-app'], { name: 'Web' })]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-public-ip' }, via: [],
    detail: /Web \(10\.0\.1\.10\) has no public IPv4 address/,
  },
  {
    name: 'Lambda ENI in a public subnet: no public IP, the detail says why',
    model: patch(base, 'networkInterfaces', [eni('eni-fn', pub, '10.0.1.77', ['sg-app'], { owner: { kind: 'lambda', id: 'fn' } })]),
    from: 'eni-fn', to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-public-ip' }, detail: /Lambda function in a VPC never gets one/,
  },
  {
    name: 'public IP assigned at launch (unknown value): passes, and says the address is not known',
    model: patch(base, 'networkInterfaces', [eni('eni-web', pub, '10.0.1.10', ['sg-app'], { publicIp: unknown('assigned at launch'), name: 'Web' })]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'exits-network', cause: undefined }, via: ['internet-gateway'],
  },
  {
    name: 'private instance through the NAT gateway, then the internet gateway',
    model: base, from: 'eni-app', to: '8.8.8.8',
    end: { kind: 'exits-network', through: 'internet-gateway', gatewayId: 'igw-1', sourceIpSeen: '3.3.3.3' },
    actions: ['egress', 'nacl-out', 'route', 'nacl-in', 'nat-gateway', 'route', 'nacl-out', 'internet-gateway', 'return-nacl', 'return-nacl', 'return-nacl'],
    via: ['nat-gateway', 'internet-gateway'],
  },
  {
    name: 'NAT gateway drops protocols other than TCP, UDP and ICMP (Batfish test-nat-gateway)',
    model: base, from: 'eni-app', to: '8.8.8.8', protocol: '-1', end: { kind: 'dropped', cause: 'no-route' },
    detail: /translates only TCP, UDP and ICMP/,
  },
  {
    name: 'private NAT gateway cannot use the internet gateway',
    model: patch(base, 'natGateways', [{ id: 'nat-1', subnetId: 'subnet-pub', vpcId: 'vpc-1', connectivityType: 'private', privateIp: '10.0.1.200' }]),
    from: 'eni-app', to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-route' }, detail: /private NAT gateway has no public IP/,
  },
  {
    name: 'NAT gateway whose subnet has no route out',
    model: patch(base, 'routeTables', [routeTable('rtb-pub', 'vpc-1', [], { subnetIds: ['subnet-pub'] })]),
    from: 'eni-app', to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-route' },
  },
  {
    name: 'interface endpoint ENI: inbound 443 from the VPC CIDR, same subnet so no ACL',
    model: base, from: 'eni-app', to: '10.0.2.20', end: { kind: 'delivered', networkInterfaceId: 'eni-vpce', vpcId: 'vpc-1', sourceIpSeen: '10.0.2.10' },
    actions: ['egress', 'route', 'ingress'], via: [], detail: /EndpointSecurityGroup: tcp\/443 from 10\.0\.0\.0\/16/,
  },
  {
    name: 'interface endpoint from another subnet: ACLs both ways, reply included',
    model: base, from: 'eni-web', to: '10.0.2.20', end: { kind: 'delivered', cause: undefined },
    actions: ['egress', 'nacl-out', 'route', 'nacl-in', 'ingress', 'return-nacl', 'return-nacl'],
  },
  {
    name: 'endpoint security group without inbound 443: dropped, the client times out (R22)',
    model: patch(base, 'securityGroups', [sg('sg-endpoint', 'vpc-1', [rule('tcp', 80, { cidrIpv4: '10.0.0.0/16' })], undefined, 'EndpointSecurityGroup')]),
    from: 'eni-app', to: '10.0.2.20', end: { kind: 'dropped', cause: 'security-group-denied' },
    detail: /EndpointSecurityGroup: no inbound rule allows tcp\/443 from 10\.0\.2\.10; the endpoint drops the packet/,
  },
  {
    name: 'ingress by source security group',
    model: patch(base, 'securityGroups', [sg('sg-endpoint', 'vpc-1', [rule('tcp', 443, { peerGroupId: 'sg-app' })])]),
    from: 'eni-app', to: '10.0.2.20', end: { kind: 'delivered', cause: undefined }, detail: /tcp\/443 from sg-app \(AppSecurityGroup\)/,
  },
  {
    name: 'an address in the VPC that no ENI holds: dropped, no route (Batfish NULL_ROUTED)',
    model: base, from: 'eni-app', to: '10.0.9.9', end: { kind: 'dropped', cause: 'no-route' }, detail: /no network interface in Vpc holds 10\.0\.9\.9/,
  },
  {
    name: 'egress limited to 443: port 80 is denied at the source',
    model: patch(base, 'securityGroups', [sg('sg-app', 'vpc-1', [], [rule('tcp', 443, { cidrIpv4: '0.0.0.0/0' })], 'AppSecurityGroup')]),
    from: 'eni-web', to: '8.8.8.8', port: 80, end: { kind: 'dropped', cause: 'security-group-denied' },
    detail: /AppSecurityGroup: no outbound rule allows tcp\/80 to 8\.8\.8\.8/,
  },
  {
    name: 'outbound ACL denies 443 before the allow',
    model: patch(base, 'networkAcls', [acl('acl-pub', 'vpc-1', ['subnet-pub'], [
      entry(200, true, 'allow', '0.0.0.0/0'), entry(100, true, 'deny', '0.0.0.0/0', '6', { from: 443, to: 443 }),
      entry(100, false, 'allow', '0.0.0.0/0'),
    ])]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'dropped', cause: 'network-acl-denied' }, detail: /rule 100 deny tcp\/443 to 0\.0\.0\.0\/0/,
  },
  {
    name: 'stateless ACL: the reply to an ephemeral port is not allowed back in',
    model: patch(base, 'networkAcls', [acl('acl-pub', 'vpc-1', ['subnet-pub'], [
      entry(100, true, 'allow', '0.0.0.0/0'), entry(100, false, 'allow', '0.0.0.0/0', '6', { from: 22, to: 22 }),
    ])]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'dropped', cause: 'network-acl-denied' },
    actions: ['egress', 'nacl-out', 'route', 'internet-gateway', 'return-nacl'],
    detail: /reply tcp\/49152 from 8\.8\.8\.8 \(ACLs are stateless\): rule \* deny all/,
  },
  {
    name: 'blackhole route',
    model: patch(base, 'routeTables', [routeTable('rtb-pub', 'vpc-1', [route('8.8.8.0/24', { kind: 'blackhole' }), route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-1' })], { subnetIds: ['subnet-pub'] })]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'dropped', cause: 'blackhole' },
  },
  {
    name: 'internet gateway not attached to the VPC',
    model: patch(base, 'internetGateways', [{ id: 'igw-1' }]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'dropped', cause: 'blackhole' }, detail: /not attached/,
  },
  {
    name: 'no explicit association: the main route table (local only) leaves 8.8.8.8 without a route',
    model: patch(base, 'routeTables', [routeTable('rtb-pub', 'vpc-1', [route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-1' })])]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-route' }, detail: /main route table applies/,
  },
  {
    name: 'route to a NAT gateway from another stack (placeholder id): unknown, naming the reference',
    model: { ...patch(base, 'routeTables', [routeTable('rtb-priv', 'vpc-1', [route('0.0.0.0/0', { kind: 'nat-gateway', id: 'unresolved:Import:SharedNat' })], { subnetIds: ['subnet-priv'] })]),
      unresolvedReferences: [{ placeholder: 'unresolved:Import:SharedNat', reason: 'ImportValue SharedNat: no loaded stack exports it' }] },
    from: 'eni-app', to: '8.8.8.8', end: { kind: 'unknown', missing: [{ fact: 'NAT gateway unresolved:Import:SharedNat', reason: 'ImportValue SharedNat: no loaded stack exports it' }] },
  },
  {
    name: 'unknown ingress CIDR on the only matching rule: unknown',
    model: patch(base, 'securityGroups', [sg('sg-endpoint', 'vpc-1', [rule('tcp', 443, { cidrIpv4: unknown('parameter ClientCidr has no value') })], undefined, 'EndpointSecurityGroup')]),
    from: 'eni-app', to: '10.0.2.20', end: { kind: 'unknown', missing: [{ fact: 'the CIDR of a rule of security group EndpointSecurityGroup', reason: 'parameter ClientCidr has no value' }] },
  },
  {
    name: 'an unknown filter does not hide a certain drop further on',
    model: patch(patch(base, 'securityGroups', [sg('sg-app', 'vpc-1', [], [rule('-1', undefined, { cidrIpv4: unknown('parameter EgressCidr has no value') })], 'AppSecurityGroup')]),
      'routeTables', [routeTable('rtb-pub', 'vpc-1', [], { subnetIds: ['subnet-pub'] })]),
    from: 'eni-web', to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-route' },
  },
  {
    name: 'a source subnet that is a placeholder: unknown',
    model: { ...patch(base, 'networkInterfaces', [{ ...eni('eni-x', priv, '10.0.2.99', ['sg-app']), subnetId: 'unresolved:Param:SubnetId' }]),
      unresolvedReferences: [{ placeholder: 'unresolved:Param:SubnetId', reason: 'parameter SubnetId has no value' }] },
    from: 'eni-x', to: '8.8.8.8', end: { kind: 'unknown', cause: undefined },
  },
  {
    name: 'an ENI whose address is unknown could hold the destination: unknown, not "no route"',
    model: patch(base, 'networkInterfaces', [{ ...eni('eni-y', priv, '10.0.2.99', ['sg-app']), privateIps: [unknown('assigned at launch')] }]),
    from: 'eni-app', to: '10.0.2.55', end: { kind: 'unknown', cause: undefined },
  },
  {
    name: 'an invalid destination is an unknown with the reason, not an exception',
    model: base, from: 'eni-app', to: 'not-an-ip', end: { kind: 'unknown', cause: undefined },
  },
  {
    name: 'connection to the NAT gateway\'s own address is refused (Batfish test-nat-gateway)',
    model: base, from: 'eni-web', to: '10.0.1.200', port: 80, end: { kind: 'dropped', cause: 'no-route' },
  },
];

describe('tracePacket', () => {
  it.each(cases)('$name', (c) => {
    const path = trace(c.model, c.from, { protocol: c.protocol ?? 'tcp', port: c.port ?? 443, destination: c.to });
    if ('cause' in c.end && Object.keys(c.end).length <= 2) {
      expect(path.end.kind).toBe(c.end.kind);
      if (c.end.cause) expect(path.end).toMatchObject({ cause: c.end.cause });
    } else {
      expect(path.end).toEqual(c.end);
    }
    if (c.actions) expect(path.hops.map((h) => h.action)).toEqual(c.actions);
    if (c.via) expect(path.via).toEqual(c.via);
    if (c.detail) expect(path.hops.map((h) => h.detail).join('\n')).toMatch(c.detail);
    for (const hop of path.hops) expect(hop.at).toBeTruthy();
  });

  it('names the route in an AWS engineer\'s words, with its origin', () => {
    const path = trace(base, 'eni-app', https('10.0.2.20'));
    const hop = path.hops.find((h) => h.action === 'route');
    expect(hop).toMatchObject({ at: 'PrivateRouteTable', elementId: 'rtb-priv', detail: '10.0.2.20 -> local (10.0.0.0/16)' });
    const nat = trace(base, 'eni-app', https('8.8.8.8')).hops.find((h) => h.action === 'route');
    expect(nat).toMatchObject({ detail: '8.8.8.8 -> NatGateway (nat-1) (0.0.0.0/0)', origin: { file: 'net.yaml', line: 1 } });
  });

  it('sets component only on hops that pass a forwarding component', () => {
    const path = trace(base, 'eni-app', https('8.8.8.8'));
    expect(path.hops.filter((h) => h.component).map((h) => [h.action, h.component])).toEqual([
      ['nat-gateway', 'nat-gateway'], ['internet-gateway', 'internet-gateway'],
    ]);
  });

  it('reports the unknown public address with its reason', () => {
    const m = patch(base, 'networkInterfaces', [eni('eni-web', pub, '10.0.1.10', ['sg-app'], { publicIp: unknown('assigned at launch'), name: 'Web' })]);
    const end = trace(m, 'eni-web', https('8.8.8.8')).end;
    expect(end).toMatchObject({ kind: 'exits-network', sourceIpUnknown: { fact: 'the public IP address of Web', reason: 'assigned at launch' } });
  });
});
