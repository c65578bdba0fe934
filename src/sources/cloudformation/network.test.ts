// Network resources beyond the conformance templates: EIPs, ACLs, endpoints, peering, DHCP, Resolver, instances.
import { describe, expect, it } from 'vitest';
import { loadText, yaml } from './test-support.js';

const VPC = [
  'Resources:',
  '  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16, EnableDnsSupport: false } }',
  '  Public: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/28, MapPublicIpOnLaunch: true, AvailabilityZone: us-east-1a } }',
  '  Private: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 } }',
];

function load(...lines: string[]) {
  const result = loadText(yaml(...VPC, ...lines));
  expect(result.problems).toEqual([]);
  return result.model;
}

describe('network resources', () => {
  it('instances: public IP from the subnet, an Elastic IP association, fixed addresses, the default security group', () => {
    const model = load(
      '  A: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Public } }',
      '  B: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Private, PrivateIpAddress: 10.0.1.10 } }',
      '  C: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Private } }',
      '  Ip: { Type: AWS::EC2::EIP, Properties: { Domain: vpc } }',
      '  Assoc: { Type: AWS::EC2::EIPAssociation, Properties: { AllocationId: !GetAtt Ip.AllocationId, InstanceId: !Ref C } }',
      '  D: { Type: AWS::EC2::Instance, Properties: { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: !Ref Public, AssociatePublicIpAddress: false }] } }',
    );
    const eni = (name: string) => model.networkInterfaces.find((e) => e.name === name)!;
    expect(eni('A').publicIp).toMatch(/^203\.0\.113\./);
    expect(eni('A').publicIpOrigin?.path).toBe('Resources.Public.Properties.MapPublicIpOnLaunch');
    expect(eni('A').privateIps).toEqual(['10.0.0.10']);
    expect(eni('A').securityGroupIds).toEqual([model.securityGroups.find((g) => g.groupName === 'default')!.id]);
    expect(eni('B').privateIps).toEqual(['10.0.1.10']);
    expect(eni('C').privateIps).toEqual(['10.0.1.11']);
    expect(eni('C').publicIp).toBe(model.stacks[0]!.resources.Ip!.ref);
    expect(eni('D').publicIp).toBeUndefined();
    expect(eni('D').privateIps).toEqual(['10.0.0.11']);
    expect(model.vpcs[0]!.enableDnsSupport).toBe(false);
  });

  it('a custom network ACL with no entries, entries and an association that replaces the default', () => {
    const model = load(
      '  Acl: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }',
      '  In: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 0.0.0.0/0, PortRange: { From: 443, To: 443 } } }',
      '  Out: { Type: AWS::EC2::NetworkAclEntry, Properties: { NetworkAclId: !Ref Acl, RuleNumber: 200, Protocol: -1, RuleAction: deny, Egress: true, CidrBlock: 10.9.0.0/16 } }',
      '  Empty: { Type: AWS::EC2::NetworkAcl, Properties: { VpcId: !Ref Vpc } }',
      '  Link: { Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: { SubnetId: !Ref Private, NetworkAclId: !Ref Acl } }',
    );
    const acl = model.networkAcls.find((a) => a.name === 'Acl')!;
    expect(acl.subnetIds).toEqual([model.subnets.find((s) => s.name === 'Private')!.id]);
    expect(acl.entries).toEqual([
      expect.objectContaining({ ruleNumber: 100, egress: false, protocol: '6', action: 'allow', portRange: { from: 443, to: 443 } }),
      expect.objectContaining({ ruleNumber: 200, egress: true, protocol: '-1', action: 'deny', cidrBlock: '10.9.0.0/16' }),
    ]);
    expect(model.networkAcls.find((a) => a.name === 'Empty')!.entries).toEqual([]);
  });

  it('security groups: rules naming groups, standalone ingress and egress, protocol numbers as names', () => {
    const model = load(
      '  Web: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: w, VpcId: !Ref Vpc, SecurityGroupEgress: [{ IpProtocol: 6, FromPort: 443, ToPort: 443, DestinationSecurityGroupId: !Ref Db }] } }',
      '  Db: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: d, VpcId: !Ref Vpc } }',
      '  DbIn: { Type: AWS::EC2::SecurityGroupIngress, Properties: { GroupId: !Ref Db, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !GetAtt Web.GroupId } }',
      '  DbOut: { Type: AWS::EC2::SecurityGroupEgress, Properties: { GroupId: !Ref Db, IpProtocol: "-1", CidrIp: 10.0.0.0/8 } }',
    );
    const web = model.securityGroups.find((g) => g.name === 'Web')!;
    const db = model.securityGroups.find((g) => g.name === 'Db')!;
    expect(web.egress).toEqual([expect.objectContaining({ protocol: 'tcp', fromPort: 443, peerGroupId: db.id })]);
    expect(db.ingress).toEqual([expect.objectContaining({ protocol: 'tcp', fromPort: 5432, peerGroupId: web.id })]);
    // The implicit allow-all egress stays: only SecurityGroupEgress on the group itself removes it.
    expect(db.egress).toEqual([expect.objectContaining({ implicit: true }), expect.objectContaining({ protocol: '-1', cidrIpv4: '10.0.0.0/8' })]);
  });

  it('a gateway endpoint adds a prefix-list route; an interface endpoint with a policy and zonal names', () => {
    const model = load(
      '  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }',
      '  S3: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.s3, RouteTableIds: [!Ref Rt] } }',
      '  Api:',
      '    Type: AWS::EC2::VPCEndpoint',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      ServiceName: com.amazonaws.us-east-1.execute-api',
      '      VpcEndpointType: Interface',
      '      SubnetIds: [!Ref Public]',
      '      PolicyDocument: \'{"Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}\'',
    );
    const s3 = model.vpcEndpoints.find((e) => e.name === 'S3')!;
    expect(s3.type).toBe('Gateway');
    expect(s3.routeTableIds).toHaveLength(1);
    expect(model.routeTables.find((r) => r.name === 'Rt')!.routes).toEqual([
      expect.objectContaining({ destinationPrefixListId: expect.stringMatching(/^pl-/), target: { kind: 'gateway-endpoint', id: s3.id } }),
    ]);
    const api = model.vpcEndpoints.find((e) => e.name === 'Api')!;
    expect(api.privateDnsEnabled).toBe(false);
    expect(api.privateDnsOrigin?.path).toBe('Resources.Api.Properties');
    expect(api.securityGroupIds).toEqual([model.securityGroups.find((g) => g.groupName === 'default')!.id]);
    expect(api.policy).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] });
    expect(api.dnsNames).toHaveLength(2);
    expect(api.dnsNames![1]).toMatch(/-us-east-1a\.execute-api\.us-east-1\.vpce\.amazonaws\.com$/);
    const dnsEntries = model.stacks[0]!.resources.Api!.attributes.DnsEntries as string[];
    expect(dnsEntries[0]).toMatch(/^Z[A-Z0-9]+:vpce-[0-9a-f]{17}-[a-z0-9]{8}\.execute-api\.us-east-1\.vpce\.amazonaws\.com$/);
  });

  it('peering, DHCP options, Resolver rules and endpoints, hosted zones by name, transit gateways', () => {
    const model = load(
      '  Other: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }',
      '  Peer: { Type: AWS::EC2::VPCPeeringConnection, Properties: { VpcId: !Ref Vpc, PeerVpcId: !Ref Other } }',
      '  Dhcp: { Type: AWS::EC2::DHCPOptions, Properties: { DomainNameServers: [10.0.1.53] } }',
      '  DhcpLink: { Type: AWS::EC2::VPCDHCPOptionsAssociation, Properties: { VpcId: !Ref Vpc, DhcpOptionsId: !Ref Dhcp } }',
      '  Inbound: { Type: AWS::Route53Resolver::ResolverEndpoint, Properties: { Direction: INBOUND, SecurityGroupIds: [!GetAtt Vpc.DefaultSecurityGroup], IpAddresses: [{ SubnetId: !Ref Private }, { SubnetId: !Ref Private, Ip: 10.0.1.53 }] } }',
      '  Rule: { Type: AWS::Route53Resolver::ResolverRule, Properties: { DomainName: corp.example., RuleType: FORWARD, TargetIps: [{ Ip: 192.168.0.2 }] } }',
      '  RuleLink: { Type: AWS::Route53Resolver::ResolverRuleAssociation, Properties: { ResolverRuleId: !Ref Rule, VPCId: !Ref Vpc } }',
      '  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: internal.example., VPCs: [{ VPCId: !Ref Vpc, VPCRegion: us-east-1 }] } }',
      '  Rec: { Type: AWS::Route53::RecordSet, Properties: { HostedZoneName: internal.example., Name: db.internal.example, Type: CNAME, TTL: 60, ResourceRecords: [Host.Example.COM.] } }',
      '  Tgw: { Type: AWS::EC2::TransitGateway }',
      '  TgwLink: { Type: AWS::EC2::TransitGatewayAttachment, Properties: { TransitGatewayId: !Ref Tgw, VpcId: !Ref Vpc, SubnetIds: [!Ref Private] } }',
    );
    const [vpc, other] = model.vpcs;
    expect(model.peeringConnections).toEqual([expect.objectContaining({ requesterVpcId: vpc!.id, accepterVpcId: other!.id, status: 'active' })]);
    expect(model.dhcpOptions[0]).toEqual(expect.objectContaining({ domainNameServers: ['10.0.1.53'], vpcIds: [vpc!.id] }));
    expect(vpc!.dhcpOptionsId).toBe(model.dhcpOptions[0]!.id);
    expect(model.resolverEndpoints[0]).toEqual(expect.objectContaining({ direction: 'INBOUND', vpcId: vpc!.id, ipAddresses: ['10.0.1.10', '10.0.1.53'] }));
    expect(model.resolverEndpoints[0]!.id).toMatch(/^rslvr-in-[0-9a-f]{17}$/);
    expect(model.resolverRules[0]).toEqual(expect.objectContaining({ domainName: 'corp.example', ruleType: 'FORWARD', targetIps: ['192.168.0.2'], vpcIds: [vpc!.id] }));
    expect(model.resolverRules[0]!.id).toMatch(/^rslvr-rr-[0-9a-f]{17}$/);
    const zone = model.hostedZones[0]!;
    expect(zone).toEqual(expect.objectContaining({ zoneName: 'internal.example', private: true }));
    expect(zone.records).toEqual([expect.objectContaining({ name: 'db.internal.example', type: 'CNAME', values: ['host.example.com'] })]);
    expect(model.transitGateways[0]!.attachments).toEqual([{ vpcId: vpc!.id, subnetIds: [model.subnets.find((s) => s.name === 'Private')!.id] }]);
  });
});

describe('odd but valid templates', () => {
  it('a group made without VpcId is named by Ref; its name maps back to its id on interfaces', () => {
    const { model, problems } = loadText(yaml(...VPC,
      '  Legacy: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: l, GroupName: legacy } }',
      '  Host: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Private, SecurityGroupIds: [!Ref Legacy] } }',
    ));
    expect(problems).toEqual([]);
    const legacy = model.securityGroups.find((g) => g.name === 'Legacy')!;
    expect(model.stacks[0]!.resources.Legacy!.ref).toBe('legacy');
    expect(legacy.vpcId).toMatch(/^unresolved:default-vpc:/);
    expect(model.networkInterfaces.find((e) => e.name === 'Host')!.securityGroupIds).toEqual([legacy.id]);
  });

  it('Fn::ForEach (language extensions) is noted, not an error', () => {
    const { model, problems } = loadText(yaml('Transform: AWS::LanguageExtensions', ...VPC,
      '  Fn::ForEach::Queues:', '    - Name', '    - [A, B]', '    - Queue${Name}: { Type: AWS::SQS::Queue }'));
    expect(problems).toEqual([]);
    expect(model.notes).toContainEqual(expect.objectContaining({ level: 'warning', code: 'unsupported-foreach' }));
  });
});
