// Small hand-built models for the network tests: element builders and one two-tier VPC to vary.
import {
  emptyModel, ModelIndex, type Model, type NetworkAcl, type NetworkAclEntry, type NetworkInterface,
  type NetworkInterfaceOwner, type Route, type RouteTable, type RouteTarget, type SecurityGroup, type SecurityGroupRule,
  type Subnet, type Vpc,
} from '../../model/index.js';
import type { NetworkPath, PacketFlow } from './types.js';
import { tracePacket } from './trace-packet.js';


export function vpc(id: string, cidr: string, name?: string): Vpc {
  return {
    id, ...(name ? { name } : {}), region: 'us-east-1', account: '111111111111', cidrBlocks: [cidr],
    ipv6CidrBlocks: [], enableDnsSupport: true, enableDnsHostnames: true,
  };
}

export function subnet(id: string, vpcId: string, cidr: string, name?: string): Subnet {
  return { id, ...(name ? { name } : {}), vpcId, cidrBlock: cidr, mapPublicIpOnLaunch: false };
}

export function route(destination: string, target: RouteTarget): Route {
  return destination.startsWith('pl-')
    ? { destinationPrefixListId: destination, target, origin: { file: 'net.yaml', line: 1 } }
    : { destinationCidr: destination, target, origin: { file: 'net.yaml', line: 1 } };
}

export function routeTable(id: string, vpcId: string, routes: Route[], opts: { main?: boolean; subnetIds?: string[]; name?: string } = {}): RouteTable {
  return { id, ...(opts.name ? { name: opts.name } : {}), vpcId, main: opts.main ?? false, subnetIds: opts.subnetIds ?? [], routes };
}

/** The implicit rule of a group that declares no egress. */
export const DEFAULT_EGRESS: SecurityGroupRule = { protocol: '-1', cidrIpv4: '0.0.0.0/0', implicit: true };

export function rule(protocol: string, port: number | [number, number] | undefined, peer: Partial<SecurityGroupRule>): SecurityGroupRule {
  const [from, to] = Array.isArray(port) ? port : [port, port];
  return { protocol, ...(from !== undefined ? { fromPort: from, toPort: to } : {}), ...peer };
}

export function sg(id: string, vpcId: string, ingress: SecurityGroupRule[], egress: SecurityGroupRule[] = [DEFAULT_EGRESS], name?: string): SecurityGroup {
  return { id, name: name ?? id, vpcId, ingress, egress };
}

export function entry(
  ruleNumber: number, egress: boolean, action: 'allow' | 'deny', cidr: string, protocol = '-1', portRange?: { from: number; to: number },
): NetworkAclEntry {
  return { ruleNumber, egress, action, protocol, cidrBlock: cidr, ...(portRange ? { portRange } : {}) };
}

/** A network ACL; `allowAll` gives AWS's default entries (rule 100 allow all, both ways). */
export function acl(id: string, vpcId: string, subnetIds: string[], entries: NetworkAclEntry[] | 'allowAll', isDefault = false): NetworkAcl {
  const list = entries === 'allowAll'
    ? [entry(100, true, 'allow', '0.0.0.0/0'), entry(100, false, 'allow', '0.0.0.0/0')] : entries;
  return { id, name: id, vpcId, isDefault, subnetIds, entries: list };
}

export function eni(
  id: string, on: Subnet, ip: string, securityGroupIds: string[],
  extra: { publicIp?: NetworkInterface['publicIp']; owner?: NetworkInterfaceOwner; name?: string } = {},
): NetworkInterface {
  return {
    id, ...(extra.name ? { name: extra.name } : {}), subnetId: on.id, vpcId: on.vpcId, privateIps: [ip],
    ...(extra.publicIp !== undefined ? { publicIp: extra.publicIp } : {}),
    securityGroupIds, owner: extra.owner ?? { kind: 'instance', id: `i-${id}` },
  };
}

export function model(parts: Partial<Model>): Model {
  return { ...emptyModel(), ...parts };
}

/** Replaces elements by id (or adds them) in one of the model's lists. */
export function patch<K extends keyof Model>(base: Model, key: K, items: Model[K]): Model {
  const list = base[key] as unknown as { id: string }[];
  const next = items as unknown as { id: string }[];
  const ids = new Set(next.map((i) => i.id));
  return { ...base, [key]: [...list.filter((i) => !ids.has(i.id)), ...next] };
}

export function trace(m: Model, fromId: string, flow: PacketFlow): NetworkPath {
  const index = new ModelIndex(m);
  const from = index.networkInterfaces.get(fromId);
  if (!from) throw new Error(`no ENI ${fromId} in the fixture`);
  return tracePacket(index, from, flow);
}

export const https = (destination: string): PacketFlow => ({ protocol: 'tcp', port: 443, destination });

/**
 * Vpc 10.0.0.0/16 with an attached internet gateway. PublicSubnet 10.0.1.0/24 routes 0/0 to the internet
 * gateway and holds NatGateway (10.0.1.200, public 3.3.3.3) and Web (10.0.1.10, public 1.1.1.1). PrivateSubnet
 * 10.0.2.0/24 routes 0/0 to the NAT gateway and holds App (10.0.2.10) and the endpoint ENI Endpoint (10.0.2.20,
 * EndpointSG: tcp/443 from 10.0.0.0/16). Both subnets use the default ACL (allow all).
 */
export function twoTier(): Model {
  const v = vpc('vpc-1', '10.0.0.0/16', 'Vpc');
  const pub = subnet('subnet-pub', 'vpc-1', '10.0.1.0/24', 'PublicSubnet');
  const priv = subnet('subnet-priv', 'vpc-1', '10.0.2.0/24', 'PrivateSubnet');
  return model({
    vpcs: [v], subnets: [pub, priv],
    internetGateways: [{ id: 'igw-1', name: 'InternetGateway', vpcId: 'vpc-1' }],
    natGateways: [{ id: 'nat-1', name: 'NatGateway', subnetId: pub.id, vpcId: 'vpc-1', connectivityType: 'public', privateIp: '10.0.1.200', publicIp: '3.3.3.3' }],
    routeTables: [
      routeTable('rtb-main', 'vpc-1', [], { main: true, name: 'MainRouteTable' }),
      routeTable('rtb-pub', 'vpc-1', [route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-1' })], { subnetIds: [pub.id], name: 'PublicRouteTable' }),
      routeTable('rtb-priv', 'vpc-1', [route('0.0.0.0/0', { kind: 'nat-gateway', id: 'nat-1' })], { subnetIds: [priv.id], name: 'PrivateRouteTable' }),
    ],
    networkAcls: [acl('acl-default', 'vpc-1', [], 'allowAll', true)],
    securityGroups: [
      sg('sg-app', 'vpc-1', [], undefined, 'AppSecurityGroup'),
      sg('sg-endpoint', 'vpc-1', [rule('tcp', 443, { cidrIpv4: '10.0.0.0/16' })], undefined, 'EndpointSecurityGroup'),
    ],
    networkInterfaces: [
      eni('eni-web', pub, '10.0.1.10', ['sg-app'], { publicIp: '1.1.1.1', name: 'Web' }),
      eni('eni-app', priv, '10.0.2.10', ['sg-app'], { name: 'App' }),
      eni('eni-vpce', priv, '10.0.2.20', ['sg-endpoint'], { owner: { kind: 'vpc-endpoint', id: 'vpce-1' }, name: 'Endpoint' }),
      eni('eni-nat', pub, '10.0.1.200', [], { owner: { kind: 'nat-gateway', id: 'nat-1' } }),
    ],
  });
}

