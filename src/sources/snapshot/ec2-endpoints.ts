// VPC endpoints: interface endpoints (ENIs, private DNS, own DNS names, policy) and gateway endpoints.
import type { VpcEndpointType } from '../../model/index.js';
import type { Build } from './context.js';
import { bool, named, nameTag, objs, str, strs } from './json-read.js';
import { readPolicyString } from './policy.js';

const TYPES: Readonly<Record<string, VpcEndpointType>> = {
  interface: 'Interface', gateway: 'Gateway', gatewayloadbalancer: 'GatewayLoadBalancer',
};

/** Endpoints being deleted, or refused by the service owner, carry no traffic. */
const DEAD = new Set(['deleted', 'deleting', 'rejected', 'failed', 'expired']);

export function readVpcEndpoints(b: Build): void {
  for (const item of b.items('VpcEndpoints')) {
    const id = str(item.o, 'VpcEndpointId');
    const vpcId = str(item.o, 'VpcId');
    if (!id || !vpcId) {
      b.missingField(item, id ? 'VpcId' : 'VpcEndpointId');
      continue;
    }
    const state = (str(item.o, 'State') ?? 'available').toLowerCase();
    if (DEAD.has(state)) continue;
    const origin = b.origin(item, id);
    if (state !== 'available') b.note('warning', 'endpoint-not-available', `${id} is ${str(item.o, 'State')}, not available: it may not carry traffic yet`, origin);
    const type = TYPES[(str(item.o, 'VpcEndpointType') ?? 'Gateway').toLowerCase()] ?? 'Gateway';
    const serviceName = str(item.o, 'ServiceName');
    const policyText = str(item.o, 'PolicyDocument');
    const policyOrigin = b.originIn(item, 'PolicyDocument', `${item.path}.PolicyDocument`);
    const policy = readPolicyString(policyText, `the policy of ${id}`, policyOrigin);
    // R11: the endpoint's own public names (regional, then per zone) from DnsEntries; the private DNS name
    // (the service's public name) is not one of them: the simulation derives it from PrivateDnsEnabled.
    const dnsNames = [...new Set(objs(item.o, 'DnsEntries').flatMap((e) => str(e, 'DnsName')?.toLowerCase() ?? [])
      .filter((n) => n.endsWith('.vpce.amazonaws.com')))];
    b.model.vpcEndpoints.push({
      id, ...named(nameTag(item.o)), origin, vpcId, region: item.scope.region,
      serviceName: serviceName ?? { kind: 'unknown', reason: `${id} names no service`, origin },
      type,
      // The EC2 API's default for an AWS service is PrivateDnsEnabled true; DescribeVpcEndpoints always says.
      privateDnsEnabled: type === 'Interface' && (bool(item.o, 'PrivateDnsEnabled') ?? false),
      privateDnsOrigin: b.originIn(item, 'PrivateDnsEnabled', `${item.path}.PrivateDnsEnabled`),
      subnetIds: strs(item.o, 'SubnetIds'),
      securityGroupIds: objs(item.o, 'Groups').flatMap((g) => str(g, 'GroupId') ?? []),
      networkInterfaceIds: strs(item.o, 'NetworkInterfaceIds'),
      routeTableIds: strs(item.o, 'RouteTableIds'),
      ...(policy !== undefined ? { policy, policyOrigin } : {}),
      ...(dnsNames.length ? { dnsNames } : {}),
    });
  }
}

/** After the ENIs are read: an endpoint ENI missing from DescribeNetworkInterfaces leaves its address unknown. */
export function checkEndpointInterfaces(b: Build): void {
  const enis = new Set(b.model.networkInterfaces.map((n) => n.id));
  for (const endpoint of b.model.vpcEndpoints) {
    const lacking = endpoint.networkInterfaceIds.filter((id) => !enis.has(id));
    if (lacking.length === 0) continue;
    b.note('warning', 'snapshot-missing-interface', `${endpoint.id} lists ${lacking.join(', ')}, which DescribeNetworkInterfaces did not return: ${lacking.length > 1 ? 'their addresses are' : 'its address is'} unknown`, endpoint.origin);
  }
}
