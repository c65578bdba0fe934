// AWS::EC2::RouteTable, AWS::EC2::Route (every target kind), AWS::EC2::SubnetRouteTableAssociation,
// AWS::EC2::GatewayRouteTableAssociation.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-route.html
import { isPlaceholderId, type RouteTarget } from '../../../model/index.js';
import type { ResourceContext } from '../resource-context.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

export const routeTable: ResourceHandler = {
  type: 'AWS::EC2::RouteTable',
  attributes: ['RouteTableId'],
  build(ctx) {
    const id = ctx.ec2('routeTable');
    const vpcId = ctx.requiredId('VpcId', T.VPC);
    ctx.b.add('routeTables', { id, name: ctx.logicalId, origin: ctx.here, vpcId, main: false, subnetIds: [], routes: [] });
    return { ref: id, attributes: { RouteTableId: id } };
  },
};

/** Route targets by property; GatewayId is told apart by what it names. */
const TARGETS: readonly [string, RouteTarget['kind'], readonly string[] | undefined][] = [
  ['NatGatewayId', 'nat-gateway', T.NAT_GATEWAY],
  ['VpcPeeringConnectionId', 'vpc-peering', T.PEERING],
  ['TransitGatewayId', 'transit-gateway', T.TRANSIT_GATEWAY],
  ['NetworkInterfaceId', 'network-interface', T.NETWORK_INTERFACE],
  ['InstanceId', 'instance', T.INSTANCE],
  ['EgressOnlyInternetGatewayId', 'egress-only-internet-gateway', T.EGRESS_ONLY_IGW],
  ['VpcEndpointId', 'gateway-endpoint', T.VPC_ENDPOINT],
];

function gatewayKind(ctx: ResourceContext, id: string): RouteTarget {
  if (id === 'local') return { kind: 'local' };
  const src = ctx.val('GatewayId');
  const type = src?.k === 'scalar' && src.src?.kind === 'resource' ? src.src.type : undefined;
  if (type === 'AWS::EC2::InternetGateway' || id.startsWith('igw-')) return { kind: 'internet-gateway', id };
  if (type === 'AWS::EC2::VPNGateway' || id.startsWith('vgw-')) return { kind: 'virtual-private-gateway', id };
  if (type === 'AWS::EC2::VPCEndpoint' || id.startsWith('vpce-')) return { kind: 'gateway-endpoint', id };
  if (isPlaceholderId(id)) return { kind: 'unknown', reason: `the gateway ${id} is unknown` };
  return { kind: 'unknown', reason: `GatewayId ${id} is not an internet, virtual private or endpoint gateway id` };
}

function routeTarget(ctx: ResourceContext): RouteTarget {
  const gateway = ctx.id('GatewayId', T.GATEWAY);
  if (gateway) return gatewayKind(ctx, gateway);
  for (const [key, kind, expect] of TARGETS) {
    const id = ctx.id(key, expect);
    if (id) return { kind, id } as RouteTarget;
  }
  for (const key of ['CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn']) {
    if (ctx.has(key)) return { kind: 'unknown', reason: `${key} targets are not modelled` };
  }
  ctx.problem('missing-property', 'the route has no target (GatewayId, NatGatewayId, ...)');
  return { kind: 'blackhole' };
}

export const route: ResourceHandler = {
  type: 'AWS::EC2::Route',
  attributes: ['CidrBlock'],
  build(ctx) {
    const rtId = ctx.requiredId('RouteTableId', T.ROUTE_TABLE);
    const cidr = ctx.str('DestinationCidrBlock') ?? ctx.str('DestinationIpv6CidrBlock');
    const prefixList = ctx.id('DestinationPrefixListId', T.PREFIX_LIST);
    if (cidr === undefined && !prefixList) ctx.problem('missing-property', 'the route has no destination');
    const target = routeTarget(ctx);
    const rt = ctx.b.get('routeTables', rtId);
    if (rt) {
      rt.routes.push({
        ...(cidr !== undefined ? { destinationCidr: cidr } : {}),
        ...(prefixList ? { destinationPrefixListId: prefixList } : {}),
        target, origin: ctx.here,
      });
    } else {
      ctx.note('info', 'outside-model', `${ctx.logicalId} adds a route to ${rtId}, which is not in the model`);
    }
    const dest = typeof cidr === 'string' ? cidr : prefixList ?? '';
    return { ref: `${rtId}|${dest}`, attributes: { CidrBlock: cidr } };
  },
};

export const subnetRouteTableAssociation: ResourceHandler = {
  type: 'AWS::EC2::SubnetRouteTableAssociation',
  attributes: ['Id'],
  build(ctx) {
    const subnetId = ctx.requiredId('SubnetId', T.SUBNET);
    const rtId = ctx.requiredId('RouteTableId', T.ROUTE_TABLE);
    const rt = ctx.b.get('routeTables', rtId);
    if (rt) rt.subnetIds.push(subnetId);
    else ctx.note('info', 'outside-model', `${ctx.logicalId} associates ${subnetId} with ${rtId}, which is not in the model`);
    const id = ctx.ec2('routeTableAssociation');
    return { ref: id, attributes: { Id: id } };
  },
};

export const gatewayRouteTableAssociation: ResourceHandler = {
  type: 'AWS::EC2::GatewayRouteTableAssociation',
  attributes: ['AssociationId'],
  build(ctx) {
    const gatewayId = ctx.requiredId('GatewayId', T.GATEWAY);
    const rt = ctx.b.get('routeTables', ctx.requiredId('RouteTableId', T.ROUTE_TABLE));
    if (rt) rt.gatewayIds = [...(rt.gatewayIds ?? []), gatewayId];
    const id = ctx.ec2('routeTableAssociation');
    return { ref: id, attributes: { AssociationId: id } };
  },
};
