// AWS::EC2::VPCEndpoint: interface endpoints (one network interface per subnet, own DNS names, private DNS) and
// gateway endpoints (a prefix-list route in each route table).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html
import { isKnown, isUnknown, unknown, type VpcEndpointType } from '../../../model/index.js';
import { awsOwnedZoneId } from '../made-up-ids.js';
import { readPolicy } from '../policy-doc.js';
import type { ResourceContext } from '../resource-context.js';
import { createEni, defaultSecurityGroupOf, securityGroupIds as securityGroupIdsOf } from './enis.js';
import type { AttrValue, ResourceHandler } from './handler.js';
import { attrUnknown } from './handler.js';
import { T } from './types.js';

function endpointType(ctx: ResourceContext): VpcEndpointType {
  const raw = ctx.text('VpcEndpointType')?.toLowerCase();
  if (raw === 'interface') return 'Interface';
  if (raw === 'gatewayloadbalancer') return 'GatewayLoadBalancer';
  // CloudFormation's default VpcEndpointType is Gateway.
  return 'Gateway';
}

/** `com.amazonaws.ap-northeast-1.execute-api` -> `execute-api`. */
function serviceShortName(service: string, region: string): string {
  for (const prefix of [`com.amazonaws.${region}.`, `com.amazonaws.`, `aws.api.${region}.`]) {
    if (service.startsWith(prefix)) return service.slice(prefix.length);
  }
  return service.split('.').pop() ?? service;
}

export const vpcEndpoint: ResourceHandler = {
  type: 'AWS::EC2::VPCEndpoint',
  attributes: ['CreationTimestamp', 'DnsEntries', 'Id', 'NetworkInterfaceIds'],
  build(ctx) {
    const id = ctx.ec2('vpcEndpoint');
    const vpcId = ctx.requiredId('VpcId', T.VPC);
    const serviceName = ctx.str('ServiceName') ?? unknown('the endpoint has no ServiceName', ctx.here);
    if (!ctx.has('ServiceName')) ctx.problem('missing-property', 'ServiceName is required');
    const type = endpointType(ctx);
    const service = isKnown(serviceName) ? serviceName : undefined;
    if (!ctx.has('VpcEndpointType') && service && !/\.(s3|dynamodb)$/.test(service)) {
      ctx.note('warning', 'gateway-endpoint-default', `${ctx.logicalId} has no VpcEndpointType, so CloudFormation creates a Gateway endpoint, which ${service} does not offer`);
    }
    // CloudFormation's default for PrivateDnsEnabled is false (the EC2 API's default for AWS services is true).
    let privateDns = type === 'Interface' ? ctx.bool('PrivateDnsEnabled', false) : false;
    if (isUnknown(privateDns)) {
      ctx.note('warning', 'assumed-false', `PrivateDnsEnabled of ${ctx.logicalId} is unknown (${privateDns.reason}); taken as false`, ctx.loc('PrivateDnsEnabled'));
      privateDns = false;
    }
    const subnetIds = type === 'Gateway' ? [] : ctx.ids('SubnetIds', T.SUBNET);
    let securityGroupIds = type === 'Interface' ? securityGroupIdsOf(ctx, ctx.ids('SecurityGroupIds', T.SECURITY_GROUP)) : [];
    // With no security group, AWS uses the VPC's default security group.
    if (type === 'Interface' && securityGroupIds.length === 0) securityGroupIds = [defaultSecurityGroupOf(ctx, vpcId)];
    const routeTableIds = type === 'Gateway' ? ctx.ids('RouteTableIds', T.ROUTE_TABLE) : [];
    const eniIds = subnetIds.map((subnetId, i) =>
      createEni(ctx, { salt: `vpce:${i}`, subnetId, owner: { kind: 'vpc-endpoint', id }, securityGroupIds }).id);
    const dns = service && type !== 'Gateway' ? endpointDnsNames(ctx, id, service, subnetIds, privateDns) : undefined;
    if (type === 'Gateway') addGatewayRoutes(ctx, id, routeTableIds, service);
    const policy = readPolicy(ctx.val('PolicyDocument'), ctx, 'PolicyDocument');
    ctx.b.add('vpcEndpoints', {
      id, name: ctx.logicalId, origin: ctx.here, vpcId, region: ctx.region, serviceName, type,
      privateDnsEnabled: privateDns, privateDnsOrigin: ctx.origin('PrivateDnsEnabled'),
      subnetIds, securityGroupIds, networkInterfaceIds: eniIds, routeTableIds,
      ...(policy !== undefined ? { policy, policyOrigin: ctx.origin('PolicyDocument') } : {}),
      ...(dns ? { dnsNames: dns.names } : {}),
    });
    const dnsEntries: AttrValue = dns?.entries ?? attrUnknown(type === 'Gateway' ? 'a gateway endpoint has no DNS entries' : 'the endpoint service is unknown');
    return {
      ref: id,
      attributes: { Id: id, DnsEntries: dnsEntries, NetworkInterfaceIds: eniIds, CreationTimestamp: attrUnknown('the creation time is not known') },
    };
  },
};

/**
 * R11: the endpoint's own names, `vpce-<id>-<suffix>.<service>.<region>.vpce.amazonaws.com` (Regional, first), then
 * one per Availability Zone; DnsEntries items are `<hosted zone id>:<dns name>`. With private DNS, the service's
 * public name (for execute-api the wildcard `*.execute-api.<region>.amazonaws.com`, R4) is answered in the VPC too.
 */
function endpointDnsNames(ctx: ResourceContext, id: string, service: string, subnetIds: string[], privateDns: boolean) {
  const short = serviceShortName(service, ctx.region);
  const suffix = ctx.short('vpce-dns', 8);
  const zone = awsOwnedZoneId(ctx.region, 'vpce');
  const regional = `${id}-${suffix}.${short}.${ctx.region}.vpce.amazonaws.com`;
  const names = [regional];
  for (const subnetId of subnetIds) {
    const az = ctx.b.get('subnets', subnetId)?.availabilityZone;
    if (isKnown(az)) names.push(`${id}-${suffix}-${az}.${short}.${ctx.region}.vpce.amazonaws.com`);
  }
  const entries = names.map((n) => `${zone}:${n}`);
  if (privateDns && service.startsWith('com.amazonaws.')) {
    const privateZone = ctx.zoneId('private-dns');
    const publicName = `${short}.${ctx.region}.amazonaws.com`;
    entries.push(`${privateZone}:${publicName}`);
    if (short === 'execute-api') entries.push(`${privateZone}:*.${publicName}`);
  }
  return { names: [...new Set(names)], entries };
}

/** R33: a gateway endpoint is a route to the service's prefix list in each of its route tables. */
function addGatewayRoutes(ctx: ResourceContext, id: string, routeTableIds: string[], service: string | undefined): void {
  const prefixList = `pl-${ctx.short(`prefix-list:${service ?? ''}`, 8).replace(/[^0-9a-f]/g, 'a')}`;
  for (const rtId of routeTableIds) {
    const rt = ctx.b.get('routeTables', rtId);
    if (rt) rt.routes.push({ destinationPrefixListId: prefixList, target: { kind: 'gateway-endpoint', id }, origin: ctx.origin('RouteTableIds') });
  }
}
