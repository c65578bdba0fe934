// R32 and VPC routing: no route leads toward the destination. Add it in the route table the trace found it missing
// from: 0.0.0.0/0 to the VPC's internet gateway (a workload with a public IP) or to a NAT gateway in a public subnet
// (R32); a peered VPC's CIDR to the peering connection, with the route back in the peer's table; another VPC's CIDR
// to a transit gateway both VPCs are attached to. A subnet without an association uses the VPC's main route table,
// which a template cannot change: the template gets a route table of its own for that subnet.
// https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html,
// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html
import {
  displayName, isKnown, ModelIndex, nameAndId, type Element, type Model, type NatGateway, type Route, type RouteTable,
  type Subnet, type Vpc,
} from '../../model/index.js';
import { parseAddress, type IpAddress } from '../../sim/ip/index.js';
import { lookupRoute, type RouteLookup } from '../../sim/network/route-table.js';
import { client, fromTemplate, madeUp, type Client } from '../model-edit.js';
import type { Candidate, FixContext, Remedy } from '../types.js';
import {
  blockHolding, buildPatch, destinationOf, destinationText, freeLogicalId, isPublicAddress, pascal, resourceNaming,
  sameTemplate, type PatchPart,
} from './network-patch.js';

type TargetKind = 'internet-gateway' | 'nat-gateway' | 'vpc-peering' | 'transit-gateway';

/** One route to add: in the table `subnet` uses, `cidr` to `target`. */
interface RouteAdd {
  readonly subnet: Subnet;
  readonly vpc: Vpc;
  /** The table the subnet uses: its own association, else the VPC's main route table. */
  readonly table: RouteTable | undefined;
  /** The subnet has no association: the VPC's main route table applies implicitly. */
  readonly implicitMain: boolean;
  readonly cidr: string;
  readonly kind: TargetKind;
  readonly target: Element;
  /** For a new resource's name: the VPC the route leads to. */
  readonly toward?: string;
}

const PROPERTY: Record<TargetKind, string> = {
  'internet-gateway': 'GatewayId', 'nat-gateway': 'NatGatewayId', 'vpc-peering': 'VpcPeeringConnectionId',
  'transit-gateway': 'TransitGatewayId',
};
const FLAG: Record<TargetKind, string> = {
  'internet-gateway': '--gateway-id', 'nat-gateway': '--nat-gateway-id', 'vpc-peering': '--vpc-peering-connection-id',
  'transit-gateway': '--transit-gateway-id',
};

/**
 * Where the route goes: into the subnet's table, or (the main route table of a template, which CloudFormation
 * cannot add routes to; or no table in the input) into a new table associated with the subnet.
 */
function mode(add: RouteAdd): 'table' | 'new-table' {
  if (!add.table) return 'new-table';
  return add.implicitMain && fromTemplate(add.table) ? 'new-table' : 'table';
}

const newTableName = (add: RouteAdd): string => `${pascal(displayName(add.subnet))}RouteTable`;
const newTableId = (add: RouteAdd): string => `rtb-${madeUp(`${add.subnet.id}:${add.cidr}`, 17, true)}`;

/** The model after the routes are added (never mutates). */
function applyRoutes(model: Model, adds: readonly RouteAdd[]): Model {
  let tables = [...model.routeTables];
  for (const add of adds) {
    const route: Route = { destinationCidr: add.cidr, target: { kind: add.kind, id: add.target.id } };
    if (mode(add) === 'table') {
      tables = tables.map((t) => (t.id === add.table!.id ? { ...t, routes: [...t.routes, route] } : t));
    } else {
      // The subnet's new association replaces the implicit main one; the main table of a template has no routes.
      tables = tables.map((t) => (t.subnetIds.includes(add.subnet.id) ? { ...t, subnetIds: t.subnetIds.filter((s) => s !== add.subnet.id) } : t));
      tables.push({ id: newTableId(add), name: newTableName(add), vpcId: add.vpc.id, main: false, subnetIds: [add.subnet.id], routes: [route] });
    }
  }
  return { ...model, routeTables: tables };
}

function routeSuffix(add: RouteAdd): string {
  return add.cidr === '0.0.0.0/0' ? 'DefaultRoute' : `To${pascal(add.toward ?? 'Peer')}Route`;
}

/**
 * A route to an internet gateway needs the gateway attached first, one to a transit gateway the VPC's attachment
 * (CloudFormation docs for AWS::EC2::Route): DependsOn the attachment in the same template.
 */
function dependsOn(ctx: FixContext, add: RouteAdd, anchor: Element): string | undefined {
  const target = add.target.origin?.logicalId;
  if (!target) return undefined;
  if (add.kind === 'internet-gateway') {
    // A VPC has at most one internet gateway: its attachment is the one of type InternetGateway for this VPC.
    const stack = ctx.model.stacks.find((s) => s.name === anchor.origin?.stack && Object.values(s.resources).some((r) => r.origin?.file === anchor.origin?.file));
    return Object.values(stack?.resources ?? {}).find((r) => r.type === 'AWS::EC2::VPCGatewayAttachment'
      && r.attributes['AttachmentType'] === 'InternetGateway' && r.attributes['VpcId'] === add.vpc.id)?.logicalId
      ?? resourceNaming(ctx.model, ctx.texts, anchor, ['AWS::EC2::VPCGatewayAttachment'], [target]);
  }
  const vpc = add.vpc.origin?.logicalId;
  if (add.kind === 'transit-gateway' && vpc) {
    return resourceNaming(ctx.model, ctx.texts, anchor, ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment'], [target, vpc]);
  }
  return undefined;
}

function patchParts(ctx: FixContext, add: RouteAdd, taken: Set<string>): PatchPart[] {
  const m = mode(add);
  const anchor: Element = m === 'table' ? add.table! : add.subnet;
  const tableText = m === 'table' ? displayName(add.table!) : `a new route table for ${displayName(add.subnet)}`;
  if (fromTemplate(anchor)) {
    const refs = m === 'table' ? [add.target] : [add.target, add.vpc];
    const missing = refs.find((e) => !sameTemplate(anchor, e));
    if (missing) {
      return [{ kind: 'note', note: `add the route ${add.cidr} -> ${nameAndId(add.target)} to ${tableText}: ${displayName(missing)} ` +
        `is not in the template of ${displayName(anchor)}, so the route cannot refer to it there (pass its id as a parameter or import it)` }];
    }
    const file = anchor.origin!.file;
    const after = dependsOn(ctx, add, anchor);
    const route = (tableRef: string): string[] => [
      'Type: AWS::EC2::Route', ...(after ? [`DependsOn: ${after}`] : []), 'Properties:', `  RouteTableId: !Ref ${tableRef}`,
      `  DestinationCidrBlock: ${add.cidr}`, `  ${PROPERTY[add.kind]}: !Ref ${add.target.origin!.logicalId}`,
    ];
    if (m === 'table') {
      const table = add.table!.origin!.logicalId!;
      return [{ kind: 'resources', file, resources: { [freeLogicalId(ctx.model, file, `${table}${routeSuffix(add)}`, taken)]: route(table) } }];
    }
    const subnet = add.subnet.origin!.logicalId!;
    const table = freeLogicalId(ctx.model, file, `${subnet}RouteTable`, taken);
    return [{
      kind: 'resources', file, resources: {
        [table]: ['Type: AWS::EC2::RouteTable', 'Properties:', `  VpcId: !Ref ${add.vpc.origin!.logicalId}`],
        [freeLogicalId(ctx.model, file, `${subnet}${routeSuffix(add)}`, taken)]: route(table),
        [freeLogicalId(ctx.model, file, `${subnet}RouteTableAssociation`, taken)]: ['Type: AWS::EC2::SubnetRouteTableAssociation',
          'Properties:', `  SubnetId: !Ref ${subnet}`, `  RouteTableId: !Ref ${table}`],
      },
    }];
  }
  const target = fromTemplate(add.target) ? `<the id of ${displayName(add.target)}>` : add.target.id;
  const create = (table: string) => `aws ec2 create-route --route-table-id ${table} --destination-cidr-block ${add.cidr} ${FLAG[add.kind]} ${target}`;
  if (m === 'table') return [{ kind: 'command', command: create(add.table!.id) }];
  return [
    { kind: 'command', command: `aws ec2 create-route-table --vpc-id ${add.vpc.id}` },
    { kind: 'command', command: create('<rtb-... (the new table)>') },
    { kind: 'command', command: `aws ec2 associate-route-table --route-table-id <rtb-... (the new table)> --subnet-id ${add.subnet.id}` },
  ];
}

/** `to AppRouteTable, the route table of AppSubnet`, saying when the VPC's main route table applies implicitly. */
function where(add: RouteAdd): string {
  const subnet = displayName(add.subnet);
  const vpc = displayName(add.vpc);
  if (mode(add) === 'table' && !add.implicitMain) return `to ${displayName(add.table!)}, the route table of ${subnet}`;
  if (mode(add) === 'table') {
    return `to the main route table of ${vpc} (${add.table!.id}): ${subnet} has no route table association, so it uses ` +
      `the main route table implicitly, as does every other subnet of ${vpc} without one, and they all get the route`;
  }
  if (add.table) {
    return `to a new route table ${newTableName(add)} associated with ${subnet}: ${subnet} has no route table association, ` +
      `so it uses the main route table of ${vpc} implicitly, and a template cannot add routes to the main route table`;
  }
  return `to a new route table associated with ${subnet} (the route table it uses is not in the input)`;
}

function candidate(ctx: FixContext, id: string, title: string, description: string, adds: RouteAdd[], assumes: string[]): Candidate {
  const taken = new Set<string>();
  const mainAssumed = adds.some((a) => mode(a) === 'new-table' && a.table)
    ? [`the main route table of ${displayName(adds[0]!.vpc)} holds only the local route: routes added to it outside the template do not carry over to the new table`]
    : [];
  return {
    id, title, description,
    apply: (model: Model) => applyRoutes(model, adds),
    patch: buildPatch(ctx.texts, adds.flatMap((a) => patchParts(ctx, a, taken))),
    assumes: [...assumes, ...mainAssumed],
  };
}

interface Found {
  readonly c: Client & { vpc: Vpc; subnet: Subnet };
  readonly index: ModelIndex;
  readonly destination: string;
  readonly destinationIp: IpAddress;
  readonly sourceIp: IpAddress;
  readonly sourceText: string;
}

const at = (subnet: Subnet, vpc: Vpc, lookup: RouteLookup): Pick<RouteAdd, 'subnet' | 'vpc' | 'table' | 'implicitMain'> =>
  ({ subnet, vpc, table: lookup.table, implicitMain: lookup.mainFallback });

/** The internet through the VPC's internet gateway (a public IP), else through a NAT gateway in a public subnet (R32). */
function toInternet(ctx: FixContext, f: Found, subnet: Subnet, lookup: RouteLookup, nat?: NatGateway): Candidate[] {
  const { c, index } = f;
  const igw = ctx.model.internetGateways.find((g) => g.vpcId === c.vpc.id);
  if (!igw) return [];
  const reach = destinationText(ctx, f.destination);
  if (nat) {
    // The NAT gateway's own subnet has no route out: it sends traffic on by its subnet's route table.
    const add: RouteAdd = { ...at(subnet, c.vpc, lookup), cidr: '0.0.0.0/0', kind: 'internet-gateway', target: igw };
    return [candidate(ctx, `add-route:${displayName(subnet)}:${displayName(igw)}`,
      `Route 0.0.0.0/0 from ${displayName(subnet)} (the NAT gateway's subnet) to ${displayName(igw)}`,
      `Add the route 0.0.0.0/0 -> ${nameAndId(igw)} ${where(add)}. ${reach}, a public address; ${c.workload.name}'s traffic goes ` +
      `to ${nameAndId(nat)}, which sends it on by the route table of its own subnet, and a NAT gateway reaches the internet ` +
      'only through the internet gateway from a public subnet (R32).', [add],
      [`${displayName(subnet)} becomes a public subnet: anything else in it with a public IP is reachable from the internet as far as its security groups and network ACL allow`])];
  }
  const eni = c.workload.networkInterface;
  // R32: the internet gateway carries only the traffic of an address that has a public IPv4 address.
  if (eni.publicIp !== undefined) {
    const add: RouteAdd = { ...at(subnet, c.vpc, lookup), cidr: '0.0.0.0/0', kind: 'internet-gateway', target: igw };
    return [candidate(ctx, `add-route:${displayName(subnet)}:${displayName(igw)}`,
      `Route 0.0.0.0/0 from ${displayName(subnet)} to ${displayName(igw)}`,
      `Add the route 0.0.0.0/0 -> ${nameAndId(igw)} ${where(add)}. ${reach}, a public address, and a public endpoint is ` +
      `reached through the VPC's internet gateway, which carries the traffic of ${c.workload.name} because it has a public IP (R32).`,
      [add], [`${displayName(subnet)} becomes a public subnet: ${c.workload.name} is reachable from the internet as far as its security groups and network ACL allow`])];
  }
  // R32: no public IP (a Lambda function never has one): a NAT gateway in a public subnet of the VPC, same AZ first.
  const nats = ctx.model.natGateways.filter((n) => {
    if (n.vpcId !== c.vpc.id || n.connectivityType !== 'public' || n.subnetId === subnet.id) return false;
    const natSubnet = index.subnets.get(n.subnetId);
    const out = natSubnet ? lookupRoute(index, natSubnet, c.vpc, f.destinationIp).choice : undefined;
    return out?.kind === 'route' && out.target.kind === 'internet-gateway' && out.target.id === igw.id;
  });
  const az = (n: NatGateway) => index.subnets.get(n.subnetId)?.availabilityZone;
  const sameAz = (n: NatGateway) => isKnown(subnet.availabilityZone) && az(n) === subnet.availabilityZone;
  nats.sort((a, b) => Number(sameAz(b)) - Number(sameAz(a)));
  return nats.map((n) => {
    const natSubnet = index.subnets.get(n.subnetId)!;
    const add: RouteAdd = { ...at(subnet, c.vpc, lookup), cidr: '0.0.0.0/0', kind: 'nat-gateway', target: n };
    const otherAz = isKnown(subnet.availabilityZone) && isKnown(natSubnet.availabilityZone) && subnet.availabilityZone !== natSubnet.availabilityZone;
    return candidate(ctx, `add-route:${displayName(subnet)}:${displayName(n)}`,
      `Route 0.0.0.0/0 from ${displayName(subnet)} to ${displayName(n)}`,
      `Add the route 0.0.0.0/0 -> ${nameAndId(n)} ${where(add)}. ${reach}, a public address; ${c.workload.name} has no ` +
      `public IP, so it reaches a public endpoint through a NAT gateway in a public subnet (${displayName(natSubnet)}), ` +
      'which sends the traffic on through the internet gateway (R32).', [add],
      ['the NAT gateway charges per hour and per GB processed',
        ...(otherAz ? [`${displayName(n)} is in another Availability Zone: cross-AZ traffic is charged, and the subnet loses the internet with that zone`] : [])]);
  });
}

/** A peered VPC's CIDR to the peering connection, and the route back if the peer's subnet lacks it. */
function toPeer(ctx: FixContext, f: Found, lookup: RouteLookup): Candidate[] {
  const { c, index } = f;
  const out: Candidate[] = [];
  for (const pcx of ctx.model.peeringConnections) {
    if (pcx.status !== 'active') continue;
    const otherId = pcx.requesterVpcId === c.vpc.id ? pcx.accepterVpcId : pcx.accepterVpcId === c.vpc.id ? pcx.requesterVpcId : undefined;
    const peer = isKnown(otherId) ? index.vpcs.get(otherId) : undefined;
    const peerCidr = peer ? blockHolding(peer.cidrBlocks, f.destination) : undefined;
    if (!peer || !peerCidr) continue;
    const forward: RouteAdd = { ...at(c.subnet, c.vpc, lookup), cidr: peerCidr, kind: 'vpc-peering', target: pcx, toward: displayName(peer) };
    const back = routeBack(f, pcx, peer);
    if (back === 'impossible') continue;
    const adds = back ? [forward, back] : [forward];
    out.push(candidate(ctx, `add-route:${displayName(c.subnet)}:${displayName(pcx)}`,
      `Route ${peerCidr} from ${displayName(c.subnet)} to ${displayName(pcx)}${back ? ' (and back)' : ''}`,
      `Add the route ${peerCidr} -> ${nameAndId(pcx)} ${where(forward)}. ${destinationText(ctx, f.destination)}, in ` +
      `${displayName(peer)} (${peerCidr}), which the active peering connection ${displayName(pcx)} joins to ${displayName(c.vpc)}; ` +
      'traffic crosses a peering only where a route sends it there.' +
      (back ? ` The reply needs a route too: add ${back.cidr} -> ${displayName(pcx)} ${where(back)}.` : ''),
      adds, ['the peering connection stays active, and the security groups and network ACLs on both sides allow the traffic']));
  }
  return out;
}

/**
 * The route the reply needs in the peer subnet's table (undefined: it goes back through this peering already;
 * `impossible`: the table has a route for the same CIDR elsewhere, which AWS would not let a second one join).
 */
function routeBack(f: Found, pcx: Element, peer: Vpc): RouteAdd | undefined | 'impossible' {
  const { c, index } = f;
  const eni = index.networkInterfaceByIp(peer.id, f.destination);
  const peerSubnet = eni ? index.subnets.get(eni.subnetId) : undefined;
  if (!peerSubnet) return undefined;
  const back = lookupRoute(index, peerSubnet, peer, f.sourceIp);
  const choice = back.choice;
  if (choice.kind === 'unknown') return 'impossible';
  if (choice.kind === 'route' && choice.target.kind === 'vpc-peering' && choice.target.id === pcx.id) return undefined;
  const cidr = blockHolding(c.vpc.cidrBlocks, f.sourceText);
  if (!cidr || back.table?.routes.some((r) => r.destinationCidr === cidr)) return 'impossible';
  return { ...at(peerSubnet, peer, back), cidr, kind: 'vpc-peering', target: pcx, toward: displayName(c.vpc) };
}

/** Another VPC's CIDR to a transit gateway both VPCs are attached to. */
function toTransitGateway(ctx: FixContext, f: Found, lookup: RouteLookup): Candidate[] {
  const { c, index } = f;
  const out: Candidate[] = [];
  for (const tgw of ctx.model.transitGateways) {
    if (!tgw.attachments.some((a) => a.vpcId === c.vpc.id)) continue;
    for (const attachment of tgw.attachments) {
      const other = attachment.vpcId === c.vpc.id ? undefined : index.vpcs.get(attachment.vpcId);
      const cidr = other ? blockHolding(other.cidrBlocks, f.destination) : undefined;
      if (!other || !cidr) continue;
      const add: RouteAdd = { ...at(c.subnet, c.vpc, lookup), cidr, kind: 'transit-gateway', target: tgw, toward: displayName(other) };
      out.push(candidate(ctx, `add-route:${displayName(c.subnet)}:${displayName(tgw)}`,
        `Route ${cidr} from ${displayName(c.subnet)} to ${displayName(tgw)}`,
        `Add the route ${cidr} -> ${nameAndId(tgw)} ${where(add)}. ${destinationText(ctx, f.destination)}, in ` +
        `${displayName(other)} (${cidr}), which is attached to ${displayName(tgw)} as ${displayName(c.vpc)} is.`, [add],
        [`the transit gateway's route table sends ${cidr} to the attachment of ${displayName(other)}, and ${displayName(other)}'s ` +
          `subnets route ${blockHolding(c.vpc.cidrBlocks, f.sourceText) ?? displayName(c.vpc)} back to it (transit gateway route tables are not simulated)`]));
    }
  }
  return out;
}

/** The reply is lost in the peer VPC: its subnet's route table has no route back through the peering. */
function returnRoute(ctx: FixContext, f: Found): Candidate[] {
  const hop = [...ctx.trace.hops].reverse().find((h) => h.action === 'peering' && h.verdict === 'pass');
  const pcx = ctx.model.peeringConnections.find((p) => p.id === hop?.elementId);
  if (!pcx) return [];
  const otherId = pcx.requesterVpcId === f.c.vpc.id ? pcx.accepterVpcId : pcx.requesterVpcId;
  const peer = isKnown(otherId) ? f.index.vpcs.get(otherId) : undefined;
  const back = peer ? routeBack(f, pcx, peer) : undefined;
  if (!back || back === 'impossible' || !peer) return [];
  return [candidate(ctx, `add-route:${displayName(back.subnet)}:${displayName(pcx)}`,
    `Route the reply from ${displayName(back.subnet)} back through ${displayName(pcx)}`,
    `Add the route ${back.cidr} -> ${nameAndId(pcx)} ${where(back)}. The request crosses ${displayName(pcx)} into ` +
    `${displayName(peer)}, but the reply to ${f.sourceText} leaves ${displayName(back.subnet)}, whose route table does not send ` +
    `it back through the peering, so it is lost: a peering needs routes in both VPCs.`, [back],
    [`every subnet that uses ${back.table && !back.implicitMain ? displayName(back.table) : 'that route table'} can then reach ${back.cidr} through the peering`])];
}

export const addRoute: Remedy = {
  id: 'add-route',
  title: 'Add the missing route toward the destination',
  rule: 'R32',
  causes: ['no-route'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    const destination = destinationOf(ctx);
    const sourceText = c?.workload.networkInterface.privateIps[0];
    if (!c?.vpc || !c.subnet || !destination || !isKnown(sourceText)) return [];
    const destinationIp = parseAddress(destination);
    const sourceIp = parseAddress(sourceText);
    if (!destinationIp.ok || destinationIp.value.family !== 4 || !sourceIp.ok) return [];
    const index = new ModelIndex(ctx.model);
    const f: Found = { c: c as Found['c'], index, destination, destinationIp: destinationIp.value, sourceIp: sourceIp.value, sourceText };
    const drop = [...ctx.trace.hops].reverse().find((h) => h.verdict === 'drop');
    if (drop?.action === 'return-route') return returnRoute(ctx, f);
    if (drop?.action !== 'route') return [];

    const own = lookupRoute(index, c.subnet, c.vpc, destinationIp.value);
    if (own.choice.kind === 'none') {
      if (isPublicAddress(ctx.model, destination)) return toInternet(ctx, f, c.subnet, own);
      return [...toPeer(ctx, f, own), ...toTransitGateway(ctx, f, own)];
    }
    // The route leads to a NAT gateway whose own subnet has no route out.
    const target = own.choice.kind === 'route' ? own.choice.target : undefined;
    const nat = target?.kind === 'nat-gateway' ? ctx.model.natGateways.find((n) => n.id === target.id) : undefined;
    const natSubnet = nat ? index.subnets.get(nat.subnetId) : undefined;
    if (!nat || !natSubnet || nat.connectivityType !== 'public' || !isPublicAddress(ctx.model, destination)) return [];
    const natLookup = lookupRoute(index, natSubnet, c.vpc, destinationIp.value);
    return natLookup.choice.kind === 'none' ? toInternet(ctx, f, natSubnet, natLookup, nat) : [];
  },
};
