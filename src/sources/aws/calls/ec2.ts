// EC2 calls of one region: the network a request crosses, one file per call (docs/snapshot-format.md).
import {
  DescribeAddressesCommand, DescribeAvailabilityZonesCommand, DescribeVpcAttributeCommand,
  DescribeVpnConnectionsCommand, DescribeVpnGatewaysCommand,
  DescribeVpcEndpointServicesCommand, paginateDescribeDhcpOptions, paginateDescribeInstances,
  paginateDescribeInternetGateways, paginateDescribeNatGateways, paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces, paginateDescribeRouteTables, paginateDescribeSecurityGroups,
  paginateDescribeSubnets, paginateDescribeTransitGatewayAttachments, paginateDescribeTransitGatewayRouteTables,
  paginateDescribeTransitGateways, paginateDescribeTransitGatewayVpcAttachments, paginateDescribeVpcEndpoints,
  paginateDescribeVpcPeeringConnections, paginateDescribeVpcs, type EC2Client, type VpcAttributeName,
} from '@aws-sdk/client-ec2';
import { allPages, followToken, listOf, single, type Paged } from '../pages.js';
import type { Scope } from '../scope.js';
import { collectPrefixLists } from './prefix-lists.js';

type Fetch = (client: EC2Client) => Promise<Paged>;

/** Calls whose answer is one file as it is: [file, operation, fetch]. */
const LISTS: [string, string, Fetch][] = [
  ['Subnets.json', 'DescribeSubnets', (client) => allPages(paginateDescribeSubnets({ client }, {}))],
  ['RouteTables.json', 'DescribeRouteTables', (client) => allPages(paginateDescribeRouteTables({ client }, {}))],
  ['InternetGateways.json', 'DescribeInternetGateways', (client) => allPages(paginateDescribeInternetGateways({ client }, {}))],
  ['NatGateways.json', 'DescribeNatGateways', (client) => allPages(paginateDescribeNatGateways({ client }, {}))],
  ['NetworkAcls.json', 'DescribeNetworkAcls', (client) => allPages(paginateDescribeNetworkAcls({ client }, {}))],
  ['SecurityGroups.json', 'DescribeSecurityGroups', (client) => allPages(paginateDescribeSecurityGroups({ client }, {}))],
  ['NetworkInterfaces.json', 'DescribeNetworkInterfaces', (client) => allPages(paginateDescribeNetworkInterfaces({ client }, {}))],
  ['Reservations.json', 'DescribeInstances', (client) => allPages(paginateDescribeInstances({ client }, {}))],
  // DescribeAddresses and DescribeAvailabilityZones are not paginated: one answer holds them all.
  ['Addresses.json', 'DescribeAddresses', (client) => single(client.send(new DescribeAddressesCommand({})))],
  ['VpcEndpoints.json', 'DescribeVpcEndpoints', (client) => allPages(paginateDescribeVpcEndpoints({ client }, {}))],
  // Paginated by NextToken, but the SDK has no paginator for it.
  ['VpcEndpointServices.json', 'DescribeVpcEndpointServices', (client) => followToken(
    (NextToken) => client.send(new DescribeVpcEndpointServicesCommand({ NextToken })), (p) => p.NextToken)],
  ['VpcPeeringConnections.json', 'DescribeVpcPeeringConnections', (client) => allPages(paginateDescribeVpcPeeringConnections({ client }, {}))],
  ['TransitGateways.json', 'DescribeTransitGateways', (client) => allPages(paginateDescribeTransitGateways({ client }, {}))],
  ['TransitGatewayAttachments.json', 'DescribeTransitGatewayAttachments', (client) => allPages(paginateDescribeTransitGatewayAttachments({ client }, {}))],
  ['TransitGatewayVpcAttachments.json', 'DescribeTransitGatewayVpcAttachments', (client) => allPages(paginateDescribeTransitGatewayVpcAttachments({ client }, {}))],
  ['TransitGatewayRouteTables.json', 'DescribeTransitGatewayRouteTables', (client) => allPages(paginateDescribeTransitGatewayRouteTables({ client }, {}))],
  ['DhcpOptions.json', 'DescribeDhcpOptions', (client) => allPages(paginateDescribeDhcpOptions({ client }, {}))],
  ['AvailabilityZones.json', 'DescribeAvailabilityZones', (client) => single(client.send(new DescribeAvailabilityZonesCommand({})))],
  // Virtual private gateways and their VPN connections: with static routing only, a VPN gateway route carries
  // only the connections' prefixes (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html).
  ['VpnGateways.json', 'DescribeVpnGateways', (client) => single(client.send(new DescribeVpnGatewaysCommand({})))],
  ['VpnConnections.json', 'DescribeVpnConnections', (client) => single(client.send(new DescribeVpnConnectionsCommand({})))],
];

export async function collectEc2(s: Scope): Promise<void> {
  const client = s.clients.ec2;
  await Promise.all([
    ...LISTS.map(([file, operation, fetch]) => s.save({ service: 'ec2', operation, file }, () => fetch(client))),
    collectVpcs(s),
    collectPrefixLists(s),
  ]);
}

/**
 * DescribeVpcs, then DescribeVpcAttribute twice per VPC: DescribeVpcs does not return enableDnsSupport and
 * enableDnsHostnames, and the attribute call takes one attribute at a time. Both decide whether an interface
 * endpoint's private DNS answers inside the VPC (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html).
 */
async function collectVpcs(s: Scope): Promise<void> {
  const client = s.clients.ec2;
  const body = await s.save({ service: 'ec2', operation: 'DescribeVpcs', file: 'Vpcs.json' },
    () => allPages(paginateDescribeVpcs({ client }, {})));
  if (!body) return;
  const attribute = async (VpcId: string, Attribute: VpcAttributeName) => s.call(
    { service: 'ec2', operation: 'DescribeVpcAttribute', file: 'VpcAttributes.json', resource: VpcId, attribute: Attribute },
    () => single(client.send(new DescribeVpcAttributeCommand({ VpcId, Attribute }))));
  const rows = await Promise.all(listOf<{ VpcId?: string }>(body, 'Vpcs').flatMap((v) => v.VpcId ? [v.VpcId] : [])
    .map(async (VpcId) => {
      const [support, hostnames] = await Promise.all([attribute(VpcId, 'enableDnsSupport'), attribute(VpcId, 'enableDnsHostnames')]);
      // An attribute whose call failed is left out, so a reader sees it as unknown rather than false.
      return {
        VpcId,
        ...(support?.EnableDnsSupport ? { EnableDnsSupport: support.EnableDnsSupport } : {}),
        ...(hostnames?.EnableDnsHostnames ? { EnableDnsHostnames: hostnames.EnableDnsHostnames } : {}),
      };
    }));
  s.write('VpcAttributes.json', { VpcAttributes: rows });
}
