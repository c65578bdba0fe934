// Route tables: associations (main, subnets, gateway edge) and routes with every target kind.
import type { Route, RouteTable, RouteTarget } from '../../model/index.js';
import type { Build } from './context.js';
import { bool, named, nameTag, obj, objs, str, type Obj } from './json-read.js';

/**
 * The target of a route as DescribeRouteTables gives it. `GatewayId` holds `local`, an internet gateway, a
 * virtual private gateway or a gateway endpoint; a route to an instance lists the instance and its ENI.
 * A route whose target is gone is `State: blackhole`, and AWS drops what it matches.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html
 */
export function routeTarget(r: Obj): RouteTarget {
  if (str(r, 'State') === 'blackhole') return { kind: 'blackhole' };
  const gateway = str(r, 'GatewayId');
  if (gateway) {
    if (gateway === 'local') return { kind: 'local' };
    if (gateway.startsWith('igw-')) return { kind: 'internet-gateway', id: gateway };
    if (gateway.startsWith('vgw-')) return { kind: 'virtual-private-gateway', id: gateway };
    if (gateway.startsWith('vpce-')) return { kind: 'gateway-endpoint', id: gateway };
    return { kind: 'unknown', reason: `GatewayId ${gateway} is not an internet, virtual private or endpoint gateway id` };
  }
  const simple: [string, 'nat-gateway' | 'vpc-peering' | 'transit-gateway' | 'egress-only-internet-gateway' | 'instance' | 'network-interface'][] = [
    ['NatGatewayId', 'nat-gateway'], ['VpcPeeringConnectionId', 'vpc-peering'], ['TransitGatewayId', 'transit-gateway'],
    ['EgressOnlyInternetGatewayId', 'egress-only-internet-gateway'], ['InstanceId', 'instance'], ['NetworkInterfaceId', 'network-interface'],
  ];
  for (const [key, kind] of simple) {
    const id = str(r, key);
    if (id) return { kind, id };
  }
  for (const key of ['CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn']) {
    if (str(r, key)) return { kind: 'unknown', reason: `${key} targets are not modelled` };
  }
  return { kind: 'unknown', reason: 'the route names no target' };
}

export function readRouteTables(b: Build): void {
  for (const item of b.items('RouteTables')) {
    const id = str(item.o, 'RouteTableId');
    const vpcId = str(item.o, 'VpcId');
    if (!id || !vpcId) {
      b.missingField(item, id ? 'VpcId' : 'RouteTableId');
      continue;
    }
    // A disassociating or failed association no longer applies.
    const associations = objs(item.o, 'Associations')
      .filter((a) => ['associated', 'associating'].includes(str(obj(a, 'AssociationState'), 'State') ?? 'associated'));
    const subnetIds = associations.flatMap((a) => str(a, 'SubnetId') ?? []);
    const gatewayIds = associations.flatMap((a) => str(a, 'GatewayId') ?? []);
    const routeOrigin = b.childOrigins(item, 'Routes');
    const routes = objs(item.o, 'Routes').flatMap((r, i): Route[] => {
      const cidr = str(r, 'DestinationCidrBlock') ?? str(r, 'DestinationIpv6CidrBlock');
      const prefixList = str(r, 'DestinationPrefixListId');
      // The `local` routes of the VPC's CIDRs are implicit in the model: the simulation adds them.
      if ((!cidr && !prefixList) || str(r, 'GatewayId') === 'local') return [];
      return [{
        ...(cidr ? { destinationCidr: cidr } : { destinationPrefixListId: prefixList! }),
        target: routeTarget(r), origin: routeOrigin(i),
      }];
    });
    const table: RouteTable = {
      id, ...named(nameTag(item.o)), origin: b.origin(item, id), vpcId,
      main: associations.some((a) => bool(a, 'Main') === true), subnetIds, routes,
      ...(gatewayIds.length ? { gatewayIds } : {}),
    };
    b.model.routeTables.push(table);
  }
}
