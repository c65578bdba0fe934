// The estate's networks: VPCs with subnets, route tables, gateways, security groups, network ACLs, instances,
// Lambda functions and VPC endpoints, planned first (ids and choices), then written as EC2 and Lambda answers.
import type { Rng } from './random.js';
import type { EndpointChoice, EstateOptions, InstanceChoice, SubnetChoice, VpcChoice, VpcKind } from './types.js';
import type { EstateWriter } from './writer.js';

/** Everything about one VPC the answers need, beyond what the manifest of choices records. */
export interface VpcPlan {
  readonly choice: VpcChoice;
  readonly name: string;
  readonly igwId?: string;
  readonly nat?: { id: string; subnetId: string; eniId: string; allocationId: string; privateIp: string; publicIp: string };
  readonly routeTables: { id: string; main: boolean; subnetIds: string[]; kind: 'main' | 'public' | 'private' }[];
  readonly defaultAclId: string;
  readonly customAcl?: { id: string; subnetIds: string[] };
  readonly groups: { default: string; app: string; endpoint?: string; lambda?: string };
  readonly instances: (InstanceChoice & { name: string; elasticIp?: string; allocationId?: string })[];
  readonly lambdas: { name: string; subnetIds: string[]; eniIds: string[]; ips: string[] }[];
  readonly endpointIps: string[];
}

export const REGION_NAMES = ['us-east-1', 'eu-west-1', 'ap-northeast-1'] as const;
const ZONE_ID_PREFIX: Record<string, string> = { 'us-east-1': 'use1', 'eu-west-1': 'euw1', 'ap-northeast-1': 'apne1' };
/** Most of an estate sits in its home region. */
export const REGION_WEIGHTS = [0.55, 0.3, 0.15];
const PURPOSES = ['app', 'data', 'batch', 'web', 'shared', 'edge', 'ml', 'ci', 'ingest', 'jobs'];
export const BASE_TIME = Date.UTC(2025, 0, 1);

export function isoTime(rng: Rng): string {
  return new Date(BASE_TIME + rng.int(400 * 86400) * 1000).toISOString();
}

/** `ec2-3-0-0-1.compute-1.amazonaws.com` in us-east-1, `ec2-3-0-0-1.eu-west-1.compute.amazonaws.com` elsewhere. */
function publicDnsName(ip: string, region: string): string {
  return `ec2-${ip.replace(/\./g, '-')}.${region === 'us-east-1' ? 'compute-1' : `${region}.compute`}.amazonaws.com`;
}

/** `ip-10-0-1-10.ec2.internal` in us-east-1, `ip-10-0-1-10.eu-west-1.compute.internal` elsewhere. */
function privateDnsName(ip: string, region: string): string {
  return `ip-${ip.replace(/\./g, '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`;
}

export function planVpc(rng: Rng, opts: EstateOptions, index: number, account: string, alias: string, region: string): VpcPlan {
  const n = Math.max(1, opts.subnetsPerVpc);
  const kind: VpcKind = n === 1
    ? rng.weighted([['public', 0.6], ['isolated', 0.4]] as const)
    : rng.weighted([['public-nat', 0.5], ['public', 0.25], ['isolated', 0.25]] as const);
  const publicCount = kind === 'isolated' ? 0 : n === 1 ? 1 : Math.max(1, Math.floor(n / 2));
  // 10.<a>.<b>.0/16 style blocks: VPCs beyond 256 reuse the second octet, as large estates do.
  const octet = index % 256;
  const cidr = `10.${octet}.0.0/16`;
  const vpcId = rng.ec2Id('vpc');
  const name = `${alias}-${rng.pick(PURPOSES)}-${index}`;
  const zones = ['a', 'b', 'c'].map((z) => `${region}${z}`);
  const subnets: SubnetChoice[] = Array.from({ length: n }, (_, k) => ({
    id: rng.ec2Id('subnet'), cidr: `10.${octet}.${k}.0/24`, zone: zones[k % zones.length]!, public: k < publicCount,
  }));
  const pub = subnets.filter((s) => s.public);
  const priv = subnets.filter((s) => !s.public);
  const igwId = kind === 'isolated' ? undefined : rng.ec2Id('igw');
  const nat = kind === 'public-nat' ? {
    id: rng.ec2Id('nat'), subnetId: pub[0]!.id, eniId: rng.ec2Id('eni'), allocationId: rng.ec2Id('eipalloc'),
    privateIp: `10.${octet}.0.5`, publicIp: rng.publicIp(),
  } : undefined;
  const routeTables: VpcPlan['routeTables'] = [{ id: rng.ec2Id('rtb'), main: true, subnetIds: [], kind: 'main' }];
  if (pub.length) routeTables.push({ id: rng.ec2Id('rtb'), main: false, subnetIds: pub.map((s) => s.id), kind: 'public' });
  if (priv.length) routeTables.push({ id: rng.ec2Id('rtb'), main: false, subnetIds: priv.map((s) => s.id), kind: 'private' });
  const customAcl = priv.length && rng.chance(0.2) ? { id: rng.ec2Id('acl'), subnetIds: priv.map((s) => s.id) } : undefined;

  const hasEndpoint = rng.chance(opts.endpointShare);
  const hasLambda = rng.chance(0.3);
  const groups = {
    default: rng.ec2Id('sg'), app: rng.ec2Id('sg'),
    ...(hasEndpoint ? { endpoint: rng.ec2Id('sg') } : {}), ...(hasLambda ? { lambda: rng.ec2Id('sg') } : {}),
  };

  // Workloads: one in a private subnet, one in a public subnet (most with a public IP), sometimes another.
  const instances: VpcPlan['instances'] = [];
  let host = 10;
  const addInstance = (subnet: SubnetChoice, withPublicIp: boolean) => {
    const k = subnets.indexOf(subnet);
    const privateIp = `10.${octet}.${k}.${host++}`;
    const elastic = withPublicIp && rng.chance(0.3);
    const ip = withPublicIp ? rng.publicIp() : undefined;
    instances.push({
      id: rng.ec2Id('i'), eniId: rng.ec2Id('eni'), subnetId: subnet.id, privateIp, name: `${name}-host-${instances.length + 1}`,
      ...(ip ? { publicIp: ip } : {}), ...(elastic ? { elasticIp: ip, allocationId: rng.ec2Id('eipalloc') } : {}),
      internet: subnet.public ? withPublicIp : kind === 'public-nat',
    });
  };
  if (priv.length) addInstance(priv[0]!, false);
  if (pub.length) addInstance(pub[rng.int(pub.length)]!, rng.chance(0.7));
  if (priv.length > 1 && rng.chance(0.3)) addInstance(priv[1 + rng.int(priv.length - 1)]!, false);

  const lambdaSubnets = (priv.length ? priv : subnets).slice(0, 2);
  const lambdas: VpcPlan['lambdas'] = hasLambda ? [{
    name: `${name}-worker`, subnetIds: lambdaSubnets.map((s) => s.id), eniIds: lambdaSubnets.map(() => rng.ec2Id('eni')),
    ips: lambdaSubnets.map((s) => `10.${octet}.${subnets.indexOf(s)}.200`),
  }] : [];

  const endpointSubnets = (priv.length ? priv : subnets).slice(0, 2);
  const endpointIps = endpointSubnets.map((s) => `10.${octet}.${subnets.indexOf(s)}.100`);
  let endpoint: EndpointChoice | undefined;
  if (hasEndpoint) {
    const id = rng.ec2Id('vpce');
    endpoint = {
      id, privateDns: rng.chance(0.8), securityGroupOpen: rng.chance(0.85), subnetIds: endpointSubnets.map((s) => s.id),
      eniIds: endpointSubnets.map(() => rng.ec2Id('eni')), dnsName: `${id}-${rng.alnum(8)}.execute-api.${region}.vpce.amazonaws.com`,
    };
  }
  const s3Endpoint = rng.chance(0.3) ? rng.ec2Id('vpce') : undefined;

  const choice: VpcChoice = {
    id: vpcId, account, region, kind, cidr, dnsHostnames: rng.chance(0.95), subnets,
    instances: instances.map(({ id, eniId, subnetId, privateIp, publicIp: ip, internet }) => ({ id, eniId, subnetId, privateIp, ...(ip ? { publicIp: ip } : {}), internet })),
    functions: lambdas.map((l) => l.name),
    ...(endpoint ? { endpoint } : {}), ...(s3Endpoint ? { s3Endpoint } : {}),
    shadowingZones: [], otherZones: [],
  };
  return {
    choice, name, ...(igwId ? { igwId } : {}), ...(nat ? { nat } : {}), routeTables, defaultAclId: rng.ec2Id('acl'),
    ...(customAcl ? { customAcl } : {}), groups, instances, lambdas, endpointIps,
  };
}

const tags = (name: string, extra: Record<string, string> = {}) =>
  [{ Key: 'Name', Value: name }, ...Object.entries(extra).map(([Key, Value]) => ({ Key, Value }))];

const mac = (rng: Rng) => `0a:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}:${rng.hex(2)}`;

const permission = (protocol: string, from: number | undefined, to: number | undefined, peer: Record<string, unknown>) => ({
  IpProtocol: protocol, ...(from !== undefined ? { FromPort: from, ToPort: to } : {}),
  IpRanges: peer.IpRanges ?? [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: peer.UserIdGroupPairs ?? [],
});
const allEgress = [permission('-1', undefined, undefined, { IpRanges: [{ CidrIp: '0.0.0.0/0' }] })];

interface EniSpec {
  id: string; subnet: SubnetChoice; vpc: VpcChoice; ip: string; publicIp?: string; groups: { id: string; name: string }[];
  description: string; interfaceType: string; requesterManaged: boolean; instanceId?: string; elastic?: { allocationId: string };
}

/** DescribeNetworkInterfaces' shape (an instance's own NetworkInterfaces entries share most of it). */
function eniBody(rng: Rng, e: EniSpec): Record<string, unknown> {
  const association = e.publicIp ? {
    IpOwnerId: e.elastic ? e.vpc.account : 'amazon', PublicDnsName: publicDnsName(e.publicIp, e.vpc.region), PublicIp: e.publicIp,
    ...(e.elastic ? { AllocationId: e.elastic.allocationId } : {}),
  } : undefined;
  const dns = privateDnsName(e.ip, e.vpc.region);
  return {
    ...(association ? { Association: association } : {}),
    Attachment: {
      AttachTime: isoTime(rng), AttachmentId: rng.ec2Id('eni-attach'), DeleteOnTermination: !e.requesterManaged, DeviceIndex: e.instanceId ? 0 : 1,
      NetworkCardIndex: 0, ...(e.instanceId ? { InstanceId: e.instanceId, InstanceOwnerId: e.vpc.account } : { InstanceOwnerId: 'amazon-aws' }), Status: 'attached',
    },
    AvailabilityZone: e.subnet.zone, Description: e.description,
    Groups: e.groups.map((g) => ({ GroupId: g.id, GroupName: g.name })),
    InterfaceType: e.interfaceType, Ipv6Addresses: [], MacAddress: mac(rng), NetworkInterfaceId: e.id, OwnerId: e.vpc.account,
    PrivateDnsName: dns, PrivateIpAddress: e.ip,
    PrivateIpAddresses: [{ ...(association ? { Association: association } : {}), Primary: true, PrivateDnsName: dns, PrivateIpAddress: e.ip }],
    ...(e.requesterManaged ? { RequesterId: 'AROAEXAMPLEREQUESTER' } : {}), RequesterManaged: e.requesterManaged,
    SourceDestCheck: true, Status: 'in-use', SubnetId: e.subnet.id, TagSet: [], VpcId: e.vpc.id,
  };
}

/** The EC2, Lambda and Resolver answers of one account in one region. */
export function writeRegionNetwork(rng: Rng, w: EstateWriter, account: string, region: string, plans: readonly VpcPlan[]): void {
  const put = (file: string, body: unknown, operation: string, service: 'ec2' | 'lambda' | 'route53resolver' = 'ec2') =>
    w.put(account, region, file, body, [{ service, operation }]);
  const dhcpId = rng.ec2Id('dopt');
  const s3List = { id: `pl-${rng.hex(8)}`, cidrs: ['52.216.0.0/15', '3.5.0.0/19', '54.231.0.0/16'] };
  const dynamoList = { id: `pl-${rng.hex(8)}`, cidrs: ['52.94.0.0/22', '3.218.180.0/22'] };

  const vpcs = plans.map((p) => ({
    CidrBlock: p.choice.cidr, DhcpOptionsId: dhcpId, State: 'available', VpcId: p.choice.id, OwnerId: account, InstanceTenancy: 'default',
    CidrBlockAssociationSet: [{ AssociationId: rng.ec2Id('vpc-cidr-assoc'), CidrBlock: p.choice.cidr, CidrBlockState: { State: 'associated' } }],
    IsDefault: false, Tags: tags(p.name, { team: p.name.split('-')[0]! }),
  }));
  put('Vpcs.json', { Vpcs: vpcs }, 'DescribeVpcs');
  w.put(account, region, 'VpcAttributes.json', {
    VpcAttributes: plans.map((p) => ({ VpcId: p.choice.id, EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: p.choice.dnsHostnames } })),
  }, plans.flatMap((p) => (['enableDnsSupport', 'enableDnsHostnames'] as const).map((attribute) => ({ service: 'ec2' as const, operation: 'DescribeVpcAttribute', resource: p.choice.id, attribute }))));

  put('Subnets.json', {
    Subnets: plans.flatMap((p) => p.choice.subnets.map((s, k) => ({
      AvailabilityZone: s.zone, AvailabilityZoneId: `${ZONE_ID_PREFIX[region] ?? 'az'}-az${1 + 'abc'.indexOf(s.zone.slice(-1))}`,
      AvailableIpAddressCount: 240 + rng.int(11), CidrBlock: s.cidr, DefaultForAz: false, MapPublicIpOnLaunch: s.public, MapCustomerOwnedIpOnLaunch: false,
      State: 'available', SubnetId: s.id, VpcId: p.choice.id, OwnerId: account, AssignIpv6AddressOnCreation: false, Ipv6CidrBlockAssociationSet: [],
      Tags: tags(`${p.name}-${s.public ? 'public' : 'private'}-${k + 1}${s.zone.slice(-1)}`), SubnetArn: `arn:aws:ec2:${region}:${account}:subnet/${s.id}`,
      EnableDns64: false, Ipv6Native: false,
      PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    }))),
  }, 'DescribeSubnets');

  put('RouteTables.json', {
    RouteTables: plans.flatMap((p) => p.routeTables.map((t) => {
      const routes: Record<string, unknown>[] = [{ DestinationCidrBlock: p.choice.cidr, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }];
      if (t.kind === 'public' && p.igwId) routes.push({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: p.igwId, Origin: 'CreateRoute', State: 'active' });
      if (t.kind === 'private' && p.nat) routes.push({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: p.nat.id, Origin: 'CreateRoute', State: 'active' });
      if (p.choice.s3Endpoint && t.kind !== 'main') routes.push({ DestinationPrefixListId: s3List.id, GatewayId: p.choice.s3Endpoint, Origin: 'CreateRoute', State: 'active' });
      const associations = t.main
        ? [{ Main: true, RouteTableAssociationId: rng.ec2Id('rtbassoc'), RouteTableId: t.id, AssociationState: { State: 'associated' } }]
        : t.subnetIds.map((SubnetId) => ({ Main: false, RouteTableAssociationId: rng.ec2Id('rtbassoc'), RouteTableId: t.id, SubnetId, AssociationState: { State: 'associated' } }));
      return { Associations: associations, PropagatingVgws: [], RouteTableId: t.id, Routes: routes, Tags: tags(`${p.name}-${t.kind}`), VpcId: p.choice.id, OwnerId: account };
    })),
  }, 'DescribeRouteTables');

  put('InternetGateways.json', {
    InternetGateways: plans.flatMap((p) => (p.igwId ? [{ Attachments: [{ State: 'available', VpcId: p.choice.id }], InternetGatewayId: p.igwId, OwnerId: account, Tags: tags(`${p.name}-igw`) }] : [])),
  }, 'DescribeInternetGateways');

  put('NatGateways.json', {
    NatGateways: plans.flatMap((p) => (p.nat ? [{
      CreateTime: isoTime(rng),
      NatGatewayAddresses: [{ AllocationId: p.nat.allocationId, NetworkInterfaceId: p.nat.eniId, PrivateIp: p.nat.privateIp, PublicIp: p.nat.publicIp, AssociationId: rng.ec2Id('eipassoc'), IsPrimary: true, Status: 'succeeded' }],
      NatGatewayId: p.nat.id, State: 'available', SubnetId: p.nat.subnetId, VpcId: p.choice.id, Tags: tags(`${p.name}-nat`), ConnectivityType: 'public',
    }] : [])),
  }, 'DescribeNatGateways');

  const aclEntries = (extra: Record<string, unknown>[]) => [true, false].flatMap((Egress) => [
    ...extra.filter((e) => e.Egress === Egress),
    { CidrBlock: '0.0.0.0/0', Egress, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
    { CidrBlock: '0.0.0.0/0', Egress, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
  ]);
  put('NetworkAcls.json', {
    NetworkAcls: plans.flatMap((p) => {
      const custom = p.customAcl;
      const inCustom = new Set(custom?.subnetIds ?? []);
      const assoc = (aclId: string, subnetIds: string[]) => subnetIds.map((SubnetId) => ({ NetworkAclAssociationId: rng.ec2Id('aclassoc'), NetworkAclId: aclId, SubnetId }));
      return [
        { Associations: assoc(p.defaultAclId, p.choice.subnets.filter((s) => !inCustom.has(s.id)).map((s) => s.id)), Entries: aclEntries([]), IsDefault: true, NetworkAclId: p.defaultAclId, Tags: [], VpcId: p.choice.id, OwnerId: account },
        ...(custom ? [{
          Associations: assoc(custom.id, custom.subnetIds), IsDefault: false, NetworkAclId: custom.id, Tags: tags(`${p.name}-private-acl`), VpcId: p.choice.id, OwnerId: account,
          Entries: aclEntries([{ CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '6', PortRange: { From: 3389, To: 3389 }, RuleAction: 'deny', RuleNumber: 90 }]),
        }] : []),
      ];
    }),
  }, 'DescribeNetworkAcls');

  const groupNames = (p: VpcPlan) => ({ default: 'default', app: `${p.name}-app`, endpoint: `${p.name}-execute-api-endpoint`, lambda: `${p.name}-lambda` });
  put('SecurityGroups.json', {
    SecurityGroups: plans.flatMap((p) => {
      const names = groupNames(p);
      const g = (id: string, name: string, description: string, ingress: unknown[], egress: unknown[]) =>
        ({ Description: description, GroupName: name, IpPermissions: ingress, OwnerId: account, GroupId: id, IpPermissionsEgress: egress, VpcId: p.choice.id, Tags: name === 'default' ? [] : tags(name) });
      const endpointPeer = p.choice.endpoint?.securityGroupOpen === false ? p.choice.subnets.find((s) => s.id === p.choice.endpoint!.subnetIds[0])!.cidr : p.choice.cidr;
      return [
        g(p.groups.default, names.default, 'default VPC security group', [permission('-1', undefined, undefined, { UserIdGroupPairs: [{ GroupId: p.groups.default, UserId: account }] })], allEgress),
        g(p.groups.app, names.app, 'application hosts', [
          permission('tcp', 22, 22, { IpRanges: [{ CidrIp: '10.0.0.0/8', Description: 'ssh from the corporate network' }] }),
          permission('tcp', 443, 443, { IpRanges: [{ CidrIp: p.choice.cidr }] }),
        ], allEgress),
        ...(p.groups.endpoint ? [g(p.groups.endpoint, names.endpoint, 'execute-api interface endpoint', [permission('tcp', 443, 443, { IpRanges: [{ CidrIp: endpointPeer, Description: 'HTTPS to the endpoint' }] })], allEgress)] : []),
        ...(p.groups.lambda ? [g(p.groups.lambda, names.lambda, 'Lambda functions', [], allEgress)] : []),
      ];
    }),
  }, 'DescribeSecurityGroups');

  const enis: Record<string, unknown>[] = [];
  const reservations: Record<string, unknown>[] = [];
  const addresses: Record<string, unknown>[] = [];
  for (const p of plans) {
    const names = groupNames(p);
    const subnet = (id: string) => p.choice.subnets.find((s) => s.id === id)!;
    if (p.nat) {
      enis.push(eniBody(rng, { id: p.nat.eniId, subnet: subnet(p.nat.subnetId), vpc: p.choice, ip: p.nat.privateIp, publicIp: p.nat.publicIp, groups: [], description: `Interface for NAT Gateway ${p.nat.id}`, interfaceType: 'nat_gateway', requesterManaged: true, elastic: { allocationId: p.nat.allocationId } }));
      addresses.push({ AllocationId: p.nat.allocationId, AssociationId: rng.ec2Id('eipassoc'), Domain: 'vpc', NetworkInterfaceId: p.nat.eniId, NetworkInterfaceOwnerId: account, PrivateIpAddress: p.nat.privateIp, PublicIp: p.nat.publicIp, PublicIpv4Pool: 'amazon', NetworkBorderGroup: region, Tags: tags(`${p.name}-nat-eip`) });
    }
    for (const inst of p.instances) {
      const spec: EniSpec = {
        id: inst.eniId, subnet: subnet(inst.subnetId), vpc: p.choice, ip: inst.privateIp, groups: [{ id: p.groups.app, name: names.app }],
        description: '', interfaceType: 'interface', requesterManaged: false, instanceId: inst.id,
        ...(inst.publicIp ? { publicIp: inst.publicIp } : {}), ...(inst.allocationId ? { elastic: { allocationId: inst.allocationId } } : {}),
      };
      const eni = eniBody(rng, spec);
      enis.push(eni);
      if (inst.allocationId) {
        addresses.push({ AllocationId: inst.allocationId, AssociationId: rng.ec2Id('eipassoc'), Domain: 'vpc', InstanceId: inst.id, NetworkInterfaceId: inst.eniId, NetworkInterfaceOwnerId: account, PrivateIpAddress: inst.privateIp, PublicIp: inst.publicIp, PublicIpv4Pool: 'amazon', NetworkBorderGroup: region, Tags: [] });
      }
      const { AvailabilityZone: _zone, OwnerId: _owner, RequesterId: _requester, RequesterManaged: _managed, TagSet: _tags, ...entry } = eni;
      reservations.push({
        Groups: [], OwnerId: account, ReservationId: rng.ec2Id('r'),
        Instances: [{
          AmiLaunchIndex: 0, ImageId: rng.ec2Id('ami'), InstanceId: inst.id, InstanceType: rng.pick(['t3.micro', 't3.medium', 'm6i.large', 'c6g.xlarge']),
          LaunchTime: isoTime(rng), Monitoring: { State: 'disabled' }, Placement: { AvailabilityZone: spec.subnet.zone, GroupName: '', Tenancy: 'default' },
          PrivateDnsName: eni.PrivateDnsName, PrivateIpAddress: inst.privateIp, ProductCodes: [],
          PublicDnsName: inst.publicIp ? publicDnsName(inst.publicIp, region) : '', ...(inst.publicIp ? { PublicIpAddress: inst.publicIp } : {}),
          State: { Code: 16, Name: 'running' }, StateTransitionReason: '', SubnetId: inst.subnetId, VpcId: p.choice.id, Architecture: 'x86_64',
          BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { AttachTime: isoTime(rng), DeleteOnTermination: true, Status: 'attached', VolumeId: rng.ec2Id('vol') } }],
          ClientToken: '', EbsOptimized: false, EnaSupport: true, Hypervisor: 'xen', NetworkInterfaces: [entry], RootDeviceName: '/dev/xvda', RootDeviceType: 'ebs',
          SecurityGroups: [{ GroupId: p.groups.app, GroupName: names.app }], SourceDestCheck: true, Tags: tags(inst.name), VirtualizationType: 'hvm',
          CpuOptions: { CoreCount: 1, ThreadsPerCore: 2 }, CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
          HibernationOptions: { Configured: false }, MetadataOptions: { State: 'applied', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' },
          EnclaveOptions: { Enabled: false }, PlatformDetails: 'Linux/UNIX', UsageOperation: 'RunInstances',
        }],
      });
    }
    for (const fn of p.lambdas) {
      fn.subnetIds.forEach((subnetId, k) => {
        enis.push(eniBody(rng, { id: fn.eniIds[k]!, subnet: subnet(subnetId), vpc: p.choice, ip: fn.ips[k]!, groups: [{ id: p.groups.lambda!, name: names.lambda }], description: `AWS Lambda VPC ENI-${fn.name}-${rng.uuid()}`, interfaceType: 'lambda', requesterManaged: true }));
      });
    }
    const ep = p.choice.endpoint;
    if (ep) {
      ep.subnetIds.forEach((subnetId, k) => {
        enis.push(eniBody(rng, { id: ep.eniIds[k]!, subnet: subnet(subnetId), vpc: p.choice, ip: p.endpointIps[k]!, groups: [{ id: p.groups.endpoint!, name: names.endpoint }], description: `VPC Endpoint Interface ${ep.id}`, interfaceType: 'vpc_endpoint', requesterManaged: true }));
      });
    }
  }
  put('NetworkInterfaces.json', { NetworkInterfaces: enis }, 'DescribeNetworkInterfaces');
  put('Reservations.json', { Reservations: reservations }, 'DescribeInstances');
  put('Addresses.json', { Addresses: addresses }, 'DescribeAddresses');
  w.put(account, region, 'PrefixLists.json', {
    PrefixLists: [
      { PrefixListId: s3List.id, PrefixListName: `com.amazonaws.${region}.s3`, Cidrs: s3List.cidrs },
      { PrefixListId: dynamoList.id, PrefixListName: `com.amazonaws.${region}.dynamodb`, Cidrs: dynamoList.cidrs },
    ],
  }, [{ service: 'ec2', operation: 'DescribePrefixLists' }, { service: 'ec2', operation: 'DescribeManagedPrefixLists' }]);

  const fullAccess = JSON.stringify({ Statement: [{ Action: '*', Effect: 'Allow', Principal: '*', Resource: '*' }] }, null, 2);
  put('VpcEndpoints.json', {
    VpcEndpoints: plans.flatMap((p) => {
      const out: Record<string, unknown>[] = [];
      const ep = p.choice.endpoint;
      if (ep) {
        const zoned = ep.subnetIds.map((id) => p.choice.subnets.find((s) => s.id === id)!.zone);
        out.push({
          VpcEndpointId: ep.id, VpcEndpointType: 'Interface', VpcId: p.choice.id, ServiceName: `com.amazonaws.${region}.execute-api`, State: 'available',
          PolicyDocument: fullAccess, RouteTableIds: [], SubnetIds: ep.subnetIds, Groups: [{ GroupId: p.groups.endpoint!, GroupName: groupNames(p).endpoint }],
          IpAddressType: 'ipv4', DnsOptions: { DnsRecordIpType: 'ipv4' }, PrivateDnsEnabled: ep.privateDns, RequesterManaged: false,
          NetworkInterfaceIds: ep.eniIds,
          DnsEntries: [
            { DnsName: ep.dnsName, HostedZoneId: 'Z7HUB22UULQXV' },
            ...zoned.map((zone) => ({ DnsName: ep.dnsName.replace('.execute-api.', `-${zone}.execute-api.`), HostedZoneId: 'Z7HUB22UULQXV' })),
            ...(ep.privateDns ? [{ DnsName: `execute-api.${region}.amazonaws.com`, HostedZoneId: rng.zoneId() }, { DnsName: `*.execute-api.${region}.amazonaws.com`, HostedZoneId: rng.zoneId() }] : []),
          ],
          CreationTimestamp: isoTime(rng), Tags: tags(`${p.name}-execute-api`), OwnerId: account,
        });
      }
      if (p.choice.s3Endpoint) {
        out.push({
          VpcEndpointId: p.choice.s3Endpoint, VpcEndpointType: 'Gateway', VpcId: p.choice.id, ServiceName: `com.amazonaws.${region}.s3`, State: 'available',
          PolicyDocument: JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
          RouteTableIds: p.routeTables.filter((t) => t.kind !== 'main').map((t) => t.id), SubnetIds: [], Groups: [], IpAddressType: 'ipv4',
          PrivateDnsEnabled: false, RequesterManaged: false, NetworkInterfaceIds: [], DnsEntries: [], CreationTimestamp: isoTime(rng), Tags: [], OwnerId: account,
        });
      }
      return out;
    }),
  }, 'DescribeVpcEndpoints');

  put('DhcpOptions.json', {
    DhcpOptions: [{
      DhcpConfigurations: [
        { Key: 'domain-name', Values: [{ Value: region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal` }] },
        { Key: 'domain-name-servers', Values: [{ Value: 'AmazonProvidedDNS' }] },
      ],
      DhcpOptionsId: dhcpId, OwnerId: account, Tags: [],
    }],
  }, 'DescribeDhcpOptions');
  put('AvailabilityZones.json', {
    AvailabilityZones: ['a', 'b', 'c'].map((z, k) => ({
      State: 'available', OptInStatus: 'opt-in-not-required', Messages: [], RegionName: region, ZoneName: `${region}${z}`,
      ZoneId: `${ZONE_ID_PREFIX[region] ?? 'az'}-az${k + 1}`, GroupName: region, NetworkBorderGroup: region, ZoneType: 'availability-zone',
    })),
  }, 'DescribeAvailabilityZones');
  // Answers collect writes whatever the account holds: empty here.
  put('VpcPeeringConnections.json', { VpcPeeringConnections: [] }, 'DescribeVpcPeeringConnections');
  put('TransitGateways.json', { TransitGateways: [] }, 'DescribeTransitGateways');
  put('TransitGatewayAttachments.json', { TransitGatewayAttachments: [] }, 'DescribeTransitGatewayAttachments');
  put('TransitGatewayVpcAttachments.json', { TransitGatewayVpcAttachments: [] }, 'DescribeTransitGatewayVpcAttachments');
  put('TransitGatewayRouteTables.json', { TransitGatewayRouteTables: [] }, 'DescribeTransitGatewayRouteTables');
  put('VpnGateways.json', { VpnGateways: [] }, 'DescribeVpnGateways');
  put('VpnConnections.json', { VpnConnections: [] }, 'DescribeVpnConnections');

  put('ResolverRules.json', {
    ResolverRules: [{ Id: 'rslvr-autodefined-rr-internet-resolver', CreatorRequestId: '', DomainName: '.', Status: 'COMPLETE', RuleType: 'RECURSIVE', Name: 'Internet Resolver', OwnerId: 'Route 53 Resolver', ShareStatus: 'NOT_SHARED' }],
  }, 'ListResolverRules', 'route53resolver');
  put('ResolverRuleAssociations.json', { ResolverRuleAssociations: [] }, 'ListResolverRuleAssociations', 'route53resolver');
  put('ResolverEndpoints.json', { ResolverEndpoints: [] }, 'ListResolverEndpoints', 'route53resolver');

  // Functions: those in the VPCs, and a few outside any VPC (which the model leaves out).
  const functions = plans.flatMap((p) => p.lambdas.map((fn) => ({ fn, vpc: p })));
  put('Functions.json', {
    Functions: [
      ...functions.map(({ fn, vpc }) => lambdaBody(rng, account, region, fn.name, { SubnetIds: fn.subnetIds, SecurityGroupIds: [vpc.groups.lambda!], VpcId: vpc.choice.id, Ipv6AllowedForDualStack: false })),
      ...Array.from({ length: 1 + Math.floor(plans.length / 4) }, (_, k) => lambdaBody(rng, account, region, `${account.slice(-4)}-${region}-scheduled-${k}`, undefined)),
    ],
  }, 'ListFunctions', 'lambda');
}

function lambdaBody(rng: Rng, account: string, region: string, name: string, vpcConfig: Record<string, unknown> | undefined): Record<string, unknown> {
  return {
    FunctionName: name, FunctionArn: `arn:aws:lambda:${region}:${account}:function:${name}`, Runtime: rng.pick(['nodejs20.x', 'python3.12', 'java21']),
    Role: `arn:aws:iam::${account}:role/${name}-role`, Handler: 'index.handler', CodeSize: 1000 + rng.int(5_000_000), Description: '', Timeout: 30,
    MemorySize: rng.pick([128, 256, 512, 1024]), LastModified: isoTime(rng).replace('Z', '+0000'), CodeSha256: rng.hex(43), Version: '$LATEST',
    ...(vpcConfig ? { VpcConfig: vpcConfig } : {}), TracingConfig: { Mode: 'PassThrough' }, RevisionId: rng.uuid(), PackageType: 'Zip',
    Architectures: ['x86_64'], EphemeralStorage: { Size: 512 }, SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  };
}
