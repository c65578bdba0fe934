// VPCs with their DNS attributes, subnets, DHCP options and internet gateways.
import { unknown, type Maybe, type Origin, type Vpc } from '../../model/index.js';
import type { Build, Item } from './context.js';
import { bool, named, nameTag, obj, objs, str } from './json-read.js';

interface DnsAttributes {
  support?: boolean;
  hostnames?: boolean;
  supportOrigin?: Origin;
  hostnamesOrigin?: Origin;
}

/** VpcAttributes.json: vpcpath's merge of DescribeVpcAttribute (enableDnsSupport, enableDnsHostnames) per VPC. */
function readAttributes(b: Build): Map<string, DnsAttributes> {
  const out = new Map<string, DnsAttributes>();
  for (const item of b.items('VpcAttributes')) {
    const id = str(item.o, 'VpcId');
    if (!id) {
      b.missingField(item, 'VpcId');
      continue;
    }
    const offset = item.offset;
    const support = bool(obj(item.o, 'EnableDnsSupport'), 'Value');
    const hostnames = bool(obj(item.o, 'EnableDnsHostnames'), 'Value');
    out.set(id, {
      ...(support !== undefined ? { support, supportOrigin: item.file.origin('EnableDnsSupport', `${item.path}.EnableDnsSupport`, offset) } : {}),
      ...(hostnames !== undefined ? { hostnames, hostnamesOrigin: item.file.origin('EnableDnsHostnames', `${item.path}.EnableDnsHostnames`, offset) } : {}),
    });
  }
  return out;
}

/** Primary CIDR first, then the other associated blocks (a disassociated block no longer routes). */
function cidrBlocks(o: Item['o']): string[] {
  const primary = str(o, 'CidrBlock');
  const associated = objs(o, 'CidrBlockAssociationSet')
    .filter((a) => (str(obj(a, 'CidrBlockState'), 'State') ?? 'associated') === 'associated')
    .flatMap((a) => str(a, 'CidrBlock') ?? []);
  return [...new Set([...(primary ? [primary] : []), ...associated])];
}

function ipv6Blocks(o: Item['o'], stateKey: string): string[] {
  return objs(o, 'Ipv6CidrBlockAssociationSet')
    .filter((a) => (str(obj(a, stateKey), 'State') ?? 'associated') === 'associated')
    .flatMap((a) => str(a, 'Ipv6CidrBlock') ?? []);
}

export function readVpcs(b: Build): void {
  const attributes = readAttributes(b);
  for (const item of b.items('Vpcs')) {
    const id = str(item.o, 'VpcId');
    if (!id) {
      b.missingField(item, 'VpcId');
      continue;
    }
    const origin = b.origin(item, id);
    const account = str(item.o, 'OwnerId') ?? item.scope.account;
    const isDefault = bool(item.o, 'IsDefault') ?? false;
    const row = attributes.get(id);
    const attrs = row ?? {};
    // R2: DNS support defaults to true; DNS hostnames to false, except in a default VPC. A snapshot without
    // DescribeVpcAttribute cannot tell whether the defaults were changed: support keeps AWS's default, hostnames
    // (which private DNS needs) stays unknown. An attribute the collector could not read is left out of its row.
    const missing = (attribute: 'enableDnsSupport' | 'enableDnsHostnames', fallback: boolean | undefined): Maybe<boolean> => {
      const failed = b.failures.failure('ec2', 'DescribeVpcAttribute', { account, region: item.scope.region, resource: id, attribute });
      if (failed) return unknown(failed.reason, origin);
      if (row) return unknown(`VpcAttributes.json has no ${attribute} for ${id}`, origin);
      return fallback ?? unknown(`DescribeVpcAttribute not in the snapshot: ${attribute} of ${id} is unknown`, origin);
    };
    const support: Maybe<boolean> = attrs.support ?? missing('enableDnsSupport', true);
    const hostnames: Maybe<boolean> = attrs.hostnames ?? missing('enableDnsHostnames', isDefault ? true : undefined);
    const dhcp = str(item.o, 'DhcpOptionsId');
    const vpc: Vpc = {
      id, ...named(nameTag(item.o)), origin, region: item.scope.region, account,
      cidrBlocks: cidrBlocks(item.o), ipv6CidrBlocks: ipv6Blocks(item.o, 'Ipv6CidrBlockState'),
      enableDnsSupport: support, enableDnsHostnames: hostnames,
      dnsSupportOrigin: attrs.supportOrigin ?? origin, dnsHostnamesOrigin: attrs.hostnamesOrigin ?? origin,
      // `default` is the VPC without options: the Amazon-provided DNS server (R7).
      ...(dhcp && dhcp !== 'default' ? { dhcpOptionsId: dhcp } : {}),
      isDefault,
    };
    b.model.vpcs.push(vpc);
  }
}

export function readSubnets(b: Build): void {
  for (const item of b.items('Subnets')) {
    const id = str(item.o, 'SubnetId');
    const vpcId = str(item.o, 'VpcId');
    if (!id || !vpcId) {
      b.missingField(item, id ? 'VpcId' : 'SubnetId');
      continue;
    }
    const cidr = str(item.o, 'CidrBlock');
    const ipv6 = ipv6Blocks(item.o, 'Ipv6CidrBlockState')[0];
    const zone = str(item.o, 'AvailabilityZone');
    b.model.subnets.push({
      id, ...named(nameTag(item.o)), origin: b.origin(item, id), vpcId,
      // An IPv6-only subnet has no IPv4 block.
      cidrBlock: cidr ?? unknown(`${id} has no IPv4 CIDR block (an IPv6-only subnet)`, b.origin(item, id)),
      ...(ipv6 ? { ipv6CidrBlock: ipv6 } : {}),
      ...(zone ? { availabilityZone: zone } : {}),
      mapPublicIpOnLaunch: bool(item.o, 'MapPublicIpOnLaunch') ?? false,
    });
  }
}

/** DHCP option sets: `domain-name-servers` (R7); the VPCs using a set name it in their DhcpOptionsId. */
export function readDhcpOptions(b: Build): void {
  for (const item of b.items('DhcpOptions')) {
    const id = str(item.o, 'DhcpOptionsId');
    if (!id) {
      b.missingField(item, 'DhcpOptionsId');
      continue;
    }
    const servers = objs(item.o, 'DhcpConfigurations')
      .filter((c) => str(c, 'Key') === 'domain-name-servers')
      .flatMap((c) => objs(c, 'Values').flatMap((v) => str(v, 'Value') ?? []));
    b.model.dhcpOptions.push({
      id, ...named(nameTag(item.o)), origin: b.origin(item, id),
      domainNameServers: servers.length > 0 ? servers : ['AmazonProvidedDNS'],
      vpcIds: b.index('vpcsByDhcpOptions', b.model.vpcs, (v) => (v.dhcpOptionsId !== undefined ? [v.dhcpOptionsId] : [])).all(id).map((v) => v.id),
    });
  }
}

/** An internet gateway is attached to at most one VPC; DescribeInternetGateways says `available` once attached. */
export function readInternetGateways(b: Build): void {
  for (const item of b.items('InternetGateways')) {
    const id = str(item.o, 'InternetGatewayId');
    if (!id) {
      b.missingField(item, 'InternetGatewayId');
      continue;
    }
    const attachment = objs(item.o, 'Attachments').find((a) => ['available', 'attached'].includes(str(a, 'State') ?? 'available'));
    const vpcId = str(attachment, 'VpcId');
    b.model.internetGateways.push({ id, ...named(nameTag(item.o)), origin: b.origin(item, id), ...(vpcId ? { vpcId } : {}) });
  }
}
