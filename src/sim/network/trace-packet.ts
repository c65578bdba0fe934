// Traces one packet from an ENI: its security groups, its subnet's ACL and route table, then the route's target.
import { type ModelIndex, type NetworkInterface, type Vpc } from '../../model/index.js';
import { formatAddress, parseAddress } from '../ip/index.js';
import { findInterface } from './find-interface.js';
import { followRoute } from './follow-route.js';
import { interfaceName } from './names.js';
import { PathBuilder } from './path-builder.js';
import { lookupRoute, type RouteLookup } from './route-table.js';
import { checkSecurityGroups } from './security-groups.js';
import type { NetworkPath, PacketFlow } from './types.js';
import { aclCheck, inSubnet, resolveEndpoint, type Walk } from './walk.js';

/**
 * The path of `flow` sent from `from`: outbound security groups (stateful), the subnet's network ACL outbound
 * when the packet leaves the subnet (stateless), the subnet's route table (longest prefix), and then the
 * target: the local VPC, an internet or NAT gateway, a peering connection, an endpoint or another gateway.
 * https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html
 */
export function tracePacket(index: ModelIndex, from: NetworkInterface, flow: PacketFlow): NetworkPath {
  const path = new PathBuilder();
  const at = { at: interfaceName(index, from), elementId: from.id, action: 'egress' };
  const resolved = resolveEndpoint(index, from);
  if (!resolved.ok) return path.unknown({ ...at, verdict: 'unknown', detail: 'the source is not fully known' }, resolved.missing);
  const source = resolved.value;
  const destination = parseAddress(flow.destination);
  if (!destination.ok) {
    return path.unknown({ ...at, verdict: 'unknown', detail: destination.error },
      [{ fact: 'the destination address', reason: destination.error }]);
  }
  if (destination.value.family === 6) {
    const reason = 'the model holds no IPv6 addresses of network interfaces, so an IPv6 packet cannot be traced';
    return path.unknown({ ...at, verdict: 'unknown', detail: reason },
      [{ fact: `the IPv6 address of ${source.name}`, reason }]);
  }
  const walk: Walk = {
    index, path, source, traffic: { protocol: flow.protocol, ...(flow.port !== undefined ? { port: flow.port } : {}) },
    destination: destination.value, destinationText: formatAddress(destination.value),
  };
  const toDestination = { ip: walk.destination, text: walk.destinationText };

  const egress = checkSecurityGroups(index, from, 'egress', walk.traffic, {
    ...toDestination, groupIds: destinationGroups(walk),
  });
  const lookup = lookupRoute(index, source.subnet, source.vpc, walk.destination);
  const leaving = leavesSubnet(walk, lookup) ? aclCheck(walk, source.subnet, 'out', toDestination, 'nacl-out') : undefined;
  return path.checkAll([egress, leaving]) ?? followRoute(walk, lookup);
}

/** ACLs apply only at a subnet boundary: not to a packet for an address, or a NAT gateway, in the same subnet. */
function leavesSubnet(walk: Walk, lookup: RouteLookup): boolean {
  const choice = lookup.choice;
  const { source } = walk;
  if (choice.kind !== 'route') return true;
  if (choice.target.kind === 'local') {
    const found = findInterface(walk, source.vpc);
    if (found.kind === 'found') return found.eni.subnetId !== source.subnet.id;
    return inSubnet(source.subnet, walk.destination) !== true;
  }
  if (choice.target.kind === 'nat-gateway') {
    const id = choice.target.id;
    const nat = walk.index.natGateway(id);
    return nat?.subnetId !== source.subnet.id;
  }
  return true;
}

/** Group references in outbound rules match the destination ENI's groups, in this VPC or a peered one. */
function destinationGroups(walk: Walk): readonly string[] {
  const { index, source } = walk;
  const vpcs: Vpc[] = [source.vpc];
  // Only the connections that name this VPC can pass the test below; the index keeps them in model order.
  for (const pcx of index.peeringConnectionsOf(source.vpc.id)) {
    if (pcx.status !== 'active') continue;
    const other = pcx.requesterVpcId === source.vpc.id ? pcx.accepterVpcId
      : pcx.accepterVpcId === source.vpc.id ? pcx.requesterVpcId : undefined;
    const vpc = typeof other === 'string' ? index.vpcs.get(other) : undefined;
    if (vpc) vpcs.push(vpc);
  }
  for (const vpc of vpcs) {
    const eni = index.networkInterfaceByIp(vpc.id, walk.destinationText);
    if (eni) return eni.securityGroupIds;
  }
  return [];
}

