// NAT gateways, peering connections, transit gateways, virtual private gateways (VPN) and prefix lists.
import { unknown, type TransitGateway, type VpnConnection } from '../../model/index.js';
import type { Build, Mut } from './context.js';
import { bool, named, nameTag, obj, objs, str, strs } from './json-read.js';

/** NAT gateways that are gone, or never came up, carry no traffic; routes to them show `blackhole`. */
const DEAD = new Set(['deleted', 'deleting', 'failed']);

export function readNatGateways(b: Build): void {
  for (const item of b.items('NatGateways')) {
    const id = str(item.o, 'NatGatewayId');
    const subnetId = str(item.o, 'SubnetId');
    if (!id || !subnetId) {
      b.missingField(item, id ? 'SubnetId' : 'NatGatewayId');
      continue;
    }
    if (DEAD.has(str(item.o, 'State') ?? '')) continue;
    const origin = b.origin(item, id);
    const connectivityType = str(item.o, 'ConnectivityType') === 'private' ? 'private' : 'public';
    const addresses = objs(item.o, 'NatGatewayAddresses');
    const primary = addresses.find((a) => bool(a, 'IsPrimary') === true) ?? addresses[0];
    const privateIp = str(primary, 'PrivateIp');
    const publicIp = str(primary, 'PublicIp');
    b.model.natGateways.push({
      id, ...named(nameTag(item.o)), origin, subnetId,
      vpcId: str(item.o, 'VpcId') ?? b.vpcOfSubnet(subnetId, origin),
      connectivityType,
      privateIp: privateIp ?? unknown(`${id} lists no private address`, origin),
      // A public NAT gateway always has an Elastic IP.
      ...(connectivityType === 'public' ? { publicIp: publicIp ?? unknown(`${id} lists no Elastic IP`, origin) } : {}),
    });
  }
}

export function readPeeringConnections(b: Build): void {
  for (const item of b.items('VpcPeeringConnections')) {
    const id = str(item.o, 'VpcPeeringConnectionId');
    const requester = str(obj(item.o, 'RequesterVpcInfo'), 'VpcId');
    if (!id || !requester) {
      b.missingField(item, id ? 'RequesterVpcInfo.VpcId' : 'VpcPeeringConnectionId');
      continue;
    }
    const origin = b.origin(item, id);
    const accepter = str(obj(item.o, 'AccepterVpcInfo'), 'VpcId');
    b.model.peeringConnections.push({
      id, ...named(nameTag(item.o)), origin, requesterVpcId: requester,
      accepterVpcId: accepter ?? unknown(`${id} does not name the accepter VPC`, origin),
      // pending-acceptance, active, rejected, expired, deleted ...: only `active` carries traffic.
      status: str(obj(item.o, 'Status'), 'Code') ?? 'active',
    });
  }
}

/**
 * Transit gateways and their VPC attachments. A shared transit gateway owned by another account is not listed by
 * DescribeTransitGateways, but its attachments to this account's VPCs are: it is added from them.
 */
export function readTransitGateways(b: Build): void {
  const byId = new Map<string, Mut<TransitGateway>>();
  const add = (id: string, extra: Partial<TransitGateway>) => {
    let tgw = byId.get(id);
    if (!tgw) {
      tgw = { id, attachments: [], ...extra };
      byId.set(id, tgw);
      b.model.transitGateways.push(tgw);
    }
    return tgw;
  };
  for (const item of b.items('TransitGateways')) {
    const id = str(item.o, 'TransitGatewayId');
    if (!id) b.missingField(item, 'TransitGatewayId');
    else if (!DEAD.has(str(item.o, 'State') ?? '')) add(id, { ...named(nameTag(item.o)), origin: b.origin(item, id) });
  }
  const gone = (state: string | undefined) => ['deleted', 'deleting', 'failed', 'rejected'].includes(state ?? '');
  const vpcAttachments = [...b.items('TransitGatewayVpcAttachments')];
  for (const item of vpcAttachments) {
    const id = str(item.o, 'TransitGatewayId');
    const vpcId = str(item.o, 'VpcId');
    if (!id || !vpcId || gone(str(item.o, 'State'))) continue;
    add(id, { origin: b.origin(item, id) }).attachments.push({ vpcId, subnetIds: strs(item.o, 'SubnetIds') });
  }
  // DescribeTransitGatewayAttachments names the VPC but not the subnets: used only without the VPC attachments.
  if (vpcAttachments.length > 0) return;
  for (const item of b.items('TransitGatewayAttachments')) {
    const id = str(item.o, 'TransitGatewayId');
    const vpcId = str(item.o, 'ResourceId');
    if (!id || !vpcId || str(item.o, 'ResourceType') !== 'vpc' || gone(str(item.o, 'State'))) continue;
    add(id, { origin: b.origin(item, id) }).attachments.push({ vpcId, subnetIds: [] });
  }
}

/**
 * Virtual private gateways and the VPN connections on them: a connection with static routing gives the gateway
 * exactly its static routes (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html).
 */
export function readVpnGateways(b: Build): void {
  const connections = new Map<string, VpnConnection[]>();
  for (const item of b.items('VpnConnections')) {
    const id = str(item.o, 'VpnConnectionId');
    const vgw = str(item.o, 'VpnGatewayId');
    if (!id || !vgw || DEAD.has(str(item.o, 'State') ?? '')) continue;
    const routes = objs(item.o, 'Routes')
      .filter((r) => !DEAD.has(str(r, 'State') ?? ''))
      .flatMap((r) => str(r, 'DestinationCidrBlock') ?? []);
    const list = connections.get(vgw) ?? [];
    list.push({ id, ...named(nameTag(item.o)), origin: b.origin(item, id), staticRoutesOnly: bool(obj(item.o, 'Options'), 'StaticRoutesOnly') ?? false, routes });
    connections.set(vgw, list);
  }
  for (const item of b.items('VpnGateways')) {
    const id = str(item.o, 'VpnGatewayId');
    if (!id || DEAD.has(str(item.o, 'State') ?? '')) continue;
    const vpcIds = objs(item.o, 'VpcAttachments').filter((a) => str(a, 'State') === 'attached').flatMap((a) => str(a, 'VpcId') ?? []);
    b.model.vpnGateways?.push({ id, ...named(nameTag(item.o)), origin: b.origin(item, id), vpcIds, vpnConnections: connections.get(id) ?? [] });
  }
}

/** AWS-managed (and customer-managed) prefix lists with their CIDRs; a list may come from both describes. */
export function readPrefixLists(b: Build): void {
  for (const item of b.items('PrefixLists')) {
    const id = str(item.o, 'PrefixListId');
    if (!id) {
      b.missingField(item, 'PrefixListId');
      continue;
    }
    const cidrs = strs(item.o, 'Cidrs');
    const existing = b.index('prefixLists', b.model.prefixLists, (p) => [p.id]).first(id);
    if (existing) {
      existing.cidrs.push(...cidrs.filter((c) => !existing.cidrs.includes(c)));
      continue;
    }
    const name = str(item.o, 'PrefixListName');
    b.model.prefixLists.push({ id, ...named(name), origin: b.origin(item, id), cidrs });
  }
}
