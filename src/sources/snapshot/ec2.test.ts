// EC2 answers into the model: route targets, rules, ACL entries, ENIs and their owners, instances, gateways.
import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../model/index.js';
import { routeTarget } from './ec2-routes.js';
import { load, tags } from './test-fixtures.js';

const R = 'us-west-2';
const at = (file: string) => `aws_configs/${R}/${file}`;
const base = {
  [at('Vpcs.json')]: { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: '111111111111', CidrBlockAssociationSet: [
    { CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
    { CidrBlock: '100.64.0.0/16', CidrBlockState: { State: 'associated' } },
    { CidrBlock: '172.31.0.0/16', CidrBlockState: { State: 'disassociated' } },
  ], Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f14::/56', Ipv6CidrBlockState: { State: 'associated' } }] }] },
  [at('Subnets.json')]: { Subnets: [
    { SubnetId: 'subnet-pub', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: `${R}a`, MapPublicIpOnLaunch: true, Tags: tags('public') },
    { SubnetId: 'subnet-priv', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: `${R}b`, MapPublicIpOnLaunch: false },
  ] },
};

describe('route targets', () => {
  it.each([
    [{ GatewayId: 'local' }, { kind: 'local' }],
    [{ GatewayId: 'igw-1' }, { kind: 'internet-gateway', id: 'igw-1' }],
    [{ GatewayId: 'vgw-1' }, { kind: 'virtual-private-gateway', id: 'vgw-1' }],
    [{ GatewayId: 'vpce-1' }, { kind: 'gateway-endpoint', id: 'vpce-1' }],
    [{ NatGatewayId: 'nat-1' }, { kind: 'nat-gateway', id: 'nat-1' }],
    [{ VpcPeeringConnectionId: 'pcx-1' }, { kind: 'vpc-peering', id: 'pcx-1' }],
    [{ TransitGatewayId: 'tgw-1' }, { kind: 'transit-gateway', id: 'tgw-1' }],
    [{ EgressOnlyInternetGatewayId: 'eigw-1' }, { kind: 'egress-only-internet-gateway', id: 'eigw-1' }],
    [{ InstanceId: 'i-1', InstanceOwnerId: '1', NetworkInterfaceId: 'eni-1' }, { kind: 'instance', id: 'i-1' }],
    [{ NetworkInterfaceId: 'eni-1' }, { kind: 'network-interface', id: 'eni-1' }],
    [{ NatGatewayId: 'nat-gone', State: 'blackhole' }, { kind: 'blackhole' }],
    [{ CarrierGatewayId: 'cagw-1' }, { kind: 'unknown', reason: 'CarrierGatewayId targets are not modelled' }],
    [{ GatewayId: 'lgw-1' }, { kind: 'unknown', reason: expect.stringContaining('lgw-1') }],
  ])('%j', (route, target) => {
    expect(routeTarget(route)).toEqual(target);
  });
});

describe('EC2', () => {
  const { model: m, problems } = load({
    ...base,
    [at('VpcAttributes.json')]: { VpcAttributes: [{ VpcId: 'vpc-1', EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: false } }] },
    [at('RouteTables.json')]: { RouteTables: [
      { RouteTableId: 'rtb-main', VpcId: 'vpc-1', Associations: [{ Main: true, RouteTableId: 'rtb-main', AssociationState: { State: 'associated' } }], Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }] },
      { RouteTableId: 'rtb-pub', VpcId: 'vpc-1', Tags: tags('public-rt'), Associations: [
        { Main: false, SubnetId: 'subnet-pub', AssociationState: { State: 'associated' } },
        { Main: false, SubnetId: 'subnet-old', AssociationState: { State: 'disassociated' } },
        { Main: false, GatewayId: 'igw-1', AssociationState: { State: 'associated' } },
      ], Routes: [
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
        { DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1' },
        { DestinationPrefixListId: 'pl-s3', GatewayId: 'vpce-gw' },
        { DestinationCidrBlock: '192.168.0.0/16', VpcPeeringConnectionId: 'pcx-1' },
      ] },
    ] },
    [at('InternetGateways.json')]: { InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ State: 'available', VpcId: 'vpc-1' }] }, { InternetGatewayId: 'igw-detached', Attachments: [] }] },
    [at('NatGateways.json')]: { NatGateways: [
      { NatGatewayId: 'nat-1', SubnetId: 'subnet-pub', VpcId: 'vpc-1', State: 'available', NatGatewayAddresses: [{ NetworkInterfaceId: 'eni-nat', PrivateIp: '10.0.1.9', PublicIp: '3.3.3.3', IsPrimary: true }] },
      { NatGatewayId: 'nat-gone', SubnetId: 'subnet-pub', VpcId: 'vpc-1', State: 'deleted' },
      { NatGatewayId: 'nat-priv', SubnetId: 'subnet-priv', VpcId: 'vpc-1', State: 'available', ConnectivityType: 'private', NatGatewayAddresses: [{ PrivateIp: '10.0.2.9' }] },
    ] },
    [at('SecurityGroups.json')]: { SecurityGroups: [
      { GroupId: 'sg-web', GroupName: 'web', VpcId: 'vpc-1', Tags: tags('Web SG'), IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'vpc' }, { CidrIp: '192.168.0.0/16' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }], UserIdGroupPairs: [{ GroupId: 'sg-app', UserId: '111111111111' }], PrefixListIds: [{ PrefixListId: 'pl-corp' }] },
        { IpProtocol: '-1', FromPort: -1, ToPort: -1, UserIdGroupPairs: [{ GroupId: 'sg-web' }] },
        { IpProtocol: '6', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '1.2.3.4/32' }] },
      ], IpPermissionsEgress: [] },
    ] },
    [at('NetworkAcls.json')]: { NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-1', IsDefault: false, Associations: [{ SubnetId: 'subnet-priv', NetworkAclId: 'acl-1' }], Entries: [
      { RuleNumber: 90, Egress: false, Protocol: '6', RuleAction: 'deny', CidrBlock: '10.0.1.0/24', PortRange: { From: 22, To: 22 } },
      { RuleNumber: 100, Egress: false, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 101, Egress: false, Protocol: '-1', RuleAction: 'allow', Ipv6CidrBlock: '::/0' },
      { RuleNumber: 32767, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
    ] }] },
    [at('NetworkInterfaces.json')]: { NetworkInterfaces: [
      { NetworkInterfaceId: 'eni-web', SubnetId: 'subnet-pub', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', InterfaceType: 'interface', Groups: [{ GroupId: 'sg-web' }],
        Attachment: { InstanceId: 'i-web', DeviceIndex: 0 }, PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.11', Primary: false }, { PrivateIpAddress: '10.0.1.10', Primary: true }], TagSet: tags('web-eni') },
      { NetworkInterfaceId: 'eni-web-2', SubnetId: 'subnet-priv', VpcId: 'vpc-1', PrivateIpAddress: '10.0.2.10', Groups: [{ GroupId: 'sg-web' }], Attachment: { InstanceId: 'i-web', DeviceIndex: 1 } },
      { NetworkInterfaceId: 'eni-nat', SubnetId: 'subnet-pub', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.9', InterfaceType: 'nat_gateway', Description: 'Interface for NAT Gateway nat-1', Groups: [], Association: { PublicIp: '3.3.3.3' } },
      { NetworkInterfaceId: 'eni-elb', SubnetId: 'subnet-pub', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.20', Description: 'ELB app/my-alb/abc', Groups: [{ GroupId: 'sg-web' }] },
    ] },
    [at('Reservations.json')]: { Reservations: [{ Instances: [
      { InstanceId: 'i-web', State: { Name: 'running' }, Tags: tags('web-1'), NetworkInterfaces: [
        { NetworkInterfaceId: 'eni-web-2', SubnetId: 'subnet-priv', Attachment: { DeviceIndex: 1 } },
        { NetworkInterfaceId: 'eni-web', SubnetId: 'subnet-pub', Attachment: { DeviceIndex: 0 } },
      ] },
      { InstanceId: 'i-app', State: { Name: 'running' }, NetworkInterfaces: [
        { NetworkInterfaceId: 'eni-app', SubnetId: 'subnet-priv', VpcId: 'vpc-1', PrivateIpAddress: '10.0.2.20', Groups: [{ GroupId: 'sg-web' }], Attachment: { DeviceIndex: 0 }, PrivateIpAddresses: [{ PrivateIpAddress: '10.0.2.20', Primary: true }] },
      ] },
      { InstanceId: 'i-gone', State: { Name: 'terminated' }, NetworkInterfaces: [] },
    ] }] },
    [at('Addresses.json')]: { Addresses: [
      { PublicIp: '52.1.1.1', AllocationId: 'eipalloc-1', NetworkInterfaceId: 'eni-web', PrivateIpAddress: '10.0.1.10' },
      { PublicIp: '52.2.2.2', AllocationId: 'eipalloc-2', InstanceId: 'i-app' },
      { PublicIp: '52.3.3.3', AllocationId: 'eipalloc-3' },
    ] },
    [at('VpcEndpoints.json')]: { VpcEndpoints: [
      { VpcEndpointId: 'vpce-gw', VpcEndpointType: 'Gateway', VpcId: 'vpc-1', ServiceName: `com.amazonaws.${R}.s3`, State: 'available', RouteTableIds: ['rtb-pub'], PolicyDocument: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":true}}}]}' },
      { VpcEndpointId: 'vpce-old', VpcEndpointType: 'Interface', VpcId: 'vpc-1', ServiceName: `com.amazonaws.${R}.sqs`, State: 'deleted' },
      { VpcEndpointId: 'vpce-bad', VpcEndpointType: 'Interface', VpcId: 'vpc-1', ServiceName: `com.amazonaws.${R}.sns`, State: 'pendingAcceptance', PolicyDocument: '{not json', NetworkInterfaceIds: ['eni-missing'] },
    ] },
    [at('PrefixLists.json')]: { PrefixLists: [
      { PrefixListId: 'pl-s3', PrefixListName: `com.amazonaws.${R}.s3`, Cidrs: ['52.218.128.0/17'] },
      { PrefixListId: 'pl-s3', PrefixListName: `com.amazonaws.${R}.s3`, Cidrs: ['52.218.128.0/17', '3.5.76.0/22'] },
    ] },
    [at('VpcPeeringConnections.json')]: { VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-1', RequesterVpcInfo: { VpcId: 'vpc-1' }, AccepterVpcInfo: { VpcId: 'vpc-9', OwnerId: '999999999999' }, Status: { Code: 'pending-acceptance' } }] },
    [at('TransitGateways.json')]: { TransitGateways: [{ TransitGatewayId: 'tgw-1', State: 'available', Tags: tags('hub') }] },
    [at('TransitGatewayVpcAttachments.json')]: { TransitGatewayVpcAttachments: [
      { TransitGatewayId: 'tgw-1', VpcId: 'vpc-1', SubnetIds: ['subnet-priv'], State: 'available' },
      { TransitGatewayId: 'tgw-shared', VpcId: 'vpc-1', SubnetIds: ['subnet-pub'], State: 'available' },
      { TransitGatewayId: 'tgw-1', VpcId: 'vpc-8', SubnetIds: [], State: 'deleted' },
    ] },
    [at('VpnGateways.json')]: { VpnGateways: [{ VpnGatewayId: 'vgw-1', State: 'available', VpcAttachments: [{ VpcId: 'vpc-1', State: 'attached' }] }] },
    [at('VpnConnections.json')]: { VpnConnections: [
      { VpnConnectionId: 'vpn-1', VpnGatewayId: 'vgw-1', State: 'available', Options: { StaticRoutesOnly: true }, Routes: [{ DestinationCidrBlock: '172.16.0.0/12', State: 'available' }, { DestinationCidrBlock: '10.99.0.0/16', State: 'deleted' }] },
      { VpnConnectionId: 'vpn-2', VpnGatewayId: 'vgw-1', State: 'available', Options: { StaticRoutesOnly: false } },
    ] },
    [at('DhcpOptions.json')]: { DhcpOptions: [{ DhcpOptionsId: 'dopt-custom', DhcpConfigurations: [{ Key: 'domain-name-servers', Values: [{ Value: '10.0.0.53' }, { Value: '10.0.1.53' }] }, { Key: 'domain-name', Values: [{ Value: 'corp' }] }] }] },
  });

  it('loads with no problems', () => {
    expect(problems).toEqual([]);
  });

  it('VPC: associated IPv4 blocks, primary first; IPv6 blocks; DNS attributes from VpcAttributes.json', () => {
    expect(m.vpcs[0]).toMatchObject({ cidrBlocks: ['10.0.0.0/16', '100.64.0.0/16'], ipv6CidrBlocks: ['2600:1f14::/56'], enableDnsSupport: true, enableDnsHostnames: false, region: R, account: '111111111111' });
    expect(m.vpcs[0]!.dnsHostnamesOrigin).toMatchObject({ file: `snap/${at('VpcAttributes.json')}`, path: 'VpcAttributes[0].EnableDnsHostnames' });
  });

  it('route tables: main, explicit associations (not disassociated ones), gateway edge associations, every route', () => {
    const pub = m.routeTables.find((t) => t.id === 'rtb-pub')!;
    expect(pub).toMatchObject({ name: 'public-rt', main: false, subnetIds: ['subnet-pub'], gatewayIds: ['igw-1'] });
    expect(pub.routes.map((r) => [r.destinationCidr ?? r.destinationPrefixListId, r.target.kind])).toEqual([
      ['0.0.0.0/0', 'internet-gateway'], ['::/0', 'egress-only-internet-gateway'], ['pl-s3', 'gateway-endpoint'], ['192.168.0.0/16', 'vpc-peering'],
    ]);
    expect(pub.routes[2]!.origin).toMatchObject({ path: 'RouteTables[1].Routes[2]', line: expect.any(Number) });
    expect(m.routeTables.find((t) => t.id === 'rtb-main')).toMatchObject({ main: true, subnetIds: [] });
  });

  it('internet gateways with their attachment; NAT gateways (not deleted ones) with their addresses', () => {
    expect(m.internetGateways.map((g) => [g.id, g.vpcId])).toEqual([['igw-1', 'vpc-1'], ['igw-detached', undefined]]);
    expect(m.natGateways.map((n) => n.id)).toEqual(['nat-1', 'nat-priv']);
    expect(m.natGateways[0]).toMatchObject({ subnetId: 'subnet-pub', connectivityType: 'public', privateIp: '10.0.1.9', publicIp: '3.3.3.3' });
    expect(m.natGateways[1]).toMatchObject({ connectivityType: 'private', privateIp: '10.0.2.9' });
    expect(m.natGateways[1]!.publicIp).toBeUndefined();
  });

  it('security groups: one rule per peer, protocol names, -1 without ports; no implied egress', () => {
    const sg = m.securityGroups[0]!;
    expect(sg).toMatchObject({ id: 'sg-web', name: 'Web SG', groupName: 'web', egress: [] });
    expect(sg.ingress.map(({ origin: _o, ...r }) => r)).toEqual([
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.0.0.0/16', description: 'vpc' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '192.168.0.0/16' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv6: '::/0' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, peerGroupId: 'sg-app' },
      { protocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: 'pl-corp' },
      { protocol: '-1', peerGroupId: 'sg-web' },
      { protocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '1.2.3.4/32' },
    ]);
    expect(sg.ingress[5]!.origin).toMatchObject({ path: 'SecurityGroups[0].IpPermissions[1]' });
  });

  it('network ACLs: entries without the final * rule, port ranges, IPv6 entries, associations', () => {
    expect(m.networkAcls[0]).toMatchObject({ id: 'acl-1', isDefault: false, subnetIds: ['subnet-priv'] });
    expect(m.networkAcls[0]!.entries.map(({ origin: _o, ...e }) => e)).toEqual([
      { ruleNumber: 90, egress: false, protocol: '6', action: 'deny', cidrBlock: '10.0.1.0/24', portRange: { from: 22, to: 22 } },
      { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 101, egress: false, protocol: '-1', action: 'allow', ipv6CidrBlock: '::/0' },
    ]);
  });

  it('ENIs: primary address first, owners from attachment and description, public IPs from associations and Elastic IPs', () => {
    const eni = (id: string) => m.networkInterfaces.find((n) => n.id === id)!;
    expect(eni('eni-web')).toMatchObject({ name: 'web-eni', privateIps: ['10.0.1.10', '10.0.1.11'], owner: { kind: 'instance', id: 'i-web' }, publicIp: '52.1.1.1', securityGroupIds: ['sg-web'] });
    expect(eni('eni-nat')).toMatchObject({ owner: { kind: 'nat-gateway', id: 'nat-1' }, publicIp: '3.3.3.3', securityGroupIds: [] });
    expect(eni('eni-elb').owner).toEqual({ kind: 'other', description: 'ELB app/my-alb/abc' });
    // Not in DescribeNetworkInterfaces: built from the instance's own entry; its Elastic IP from Addresses.
    expect(eni('eni-app')).toMatchObject({ subnetId: 'subnet-priv', vpcId: 'vpc-1', privateIps: ['10.0.2.20'], owner: { kind: 'instance', id: 'i-app' }, publicIp: '52.2.2.2' });
  });

  it('instances: ENIs by device index (primary first), terminated ones left out', () => {
    expect(m.instances.map((i) => [i.id, i.name, i.networkInterfaceIds])).toEqual([
      ['i-web', 'web-1', ['eni-web', 'eni-web-2']], ['i-app', undefined, ['eni-app']],
    ]);
    expect(m.instances[1]!.origin).toMatchObject({ file: `snap/${at('Reservations.json')}`, path: 'Reservations[0].Instances[1]' });
  });

  it('endpoints: gateway endpoint with its route tables and policy; deleted ones left out; a bad policy is unknown', () => {
    expect(m.vpcEndpoints.map((e) => e.id)).toEqual(['vpce-gw', 'vpce-bad']);
    expect(m.vpcEndpoints[0]).toMatchObject({
      type: 'Gateway', privateDnsEnabled: false, routeTableIds: ['rtb-pub'], subnetIds: [], networkInterfaceIds: [],
      policy: { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] },
    });
    expect(isUnknown(m.vpcEndpoints[1]!.policy)).toBe(true);
    const codes = m.notes.map((n) => n.code);
    expect(codes).toContain('endpoint-not-available');
    expect(m.notes).toContainEqual(expect.objectContaining({ code: 'snapshot-missing-interface', message: expect.stringContaining('eni-missing') }));
  });

  it('prefix lists merged by id; peering with its status; transit gateways with attachments (a shared one added)', () => {
    expect(m.prefixLists).toMatchObject([{ id: 'pl-s3', name: `com.amazonaws.${R}.s3`, cidrs: ['52.218.128.0/17', '3.5.76.0/22'] }]);
    expect(m.peeringConnections).toMatchObject([{ id: 'pcx-1', requesterVpcId: 'vpc-1', accepterVpcId: 'vpc-9', status: 'pending-acceptance' }]);
    expect(m.transitGateways).toMatchObject([
      { id: 'tgw-1', name: 'hub', attachments: [{ vpcId: 'vpc-1', subnetIds: ['subnet-priv'] }] },
      { id: 'tgw-shared', attachments: [{ vpcId: 'vpc-1', subnetIds: ['subnet-pub'] }] },
    ]);
  });

  it('VPN gateways with their connections (static routes only where the connection says so)', () => {
    expect(m.vpnGateways).toMatchObject([{ id: 'vgw-1', vpcIds: ['vpc-1'], vpnConnections: [
      { id: 'vpn-1', staticRoutesOnly: true, routes: ['172.16.0.0/12'] },
      { id: 'vpn-2', staticRoutesOnly: false, routes: [] },
    ] }]);
  });

  it('DHCP options: the domain name servers', () => {
    expect(m.dhcpOptions).toMatchObject([{ id: 'dopt-custom', domainNameServers: ['10.0.0.53', '10.0.1.53'], vpcIds: [] }]);
  });
});
