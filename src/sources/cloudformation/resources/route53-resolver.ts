// AWS::Route53Resolver::ResolverRule, ResolverRuleAssociation, ResolverEndpoint (with its network interfaces).
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-DSN-queries-to-vpc.html (R6)
import { unknown, type Maybe, type ResolverRule } from '../../../model/index.js';
import type { Mut } from '../model-builder.js';
import { partitionOf } from '../pseudo.js';
import { createEni, vpcOfSubnet } from './enis.js';
import type { ResourceHandler } from './handler.js';
import { dnsName } from './route53.js';
import { T } from './types.js';

export const resolverRule: ResourceHandler = {
  type: 'AWS::Route53Resolver::ResolverRule',
  attributes: ['Arn', 'DomainName', 'Name', 'ResolverEndpointId', 'ResolverRuleId', 'TargetIps'],
  build(ctx) {
    const id = ctx.ec2('resolverRule');
    const domain = ctx.str('DomainName');
    const ruleType = (ctx.text('RuleType')?.toUpperCase() ?? 'FORWARD') as ResolverRule['ruleType'];
    const targetIps: Maybe<string>[] = ctx.subs('TargetIps').flatMap((t) => {
      const ip = t.str('Ip') ?? t.str('Ipv6');
      return ip === undefined ? [] : [ip];
    });
    const endpointId = ctx.id('ResolverEndpointId', T.RESOLVER_ENDPOINT);
    ctx.b.add('resolverRules', {
      id, name: ctx.logicalId, origin: ctx.here,
      domainName: domain === undefined ? unknown('the rule has no DomainName', ctx.here) : typeof domain === 'string' ? dnsName(domain) : domain,
      ruleType: ['FORWARD', 'SYSTEM', 'RECURSIVE'].includes(ruleType) ? ruleType : 'FORWARD',
      targetIps, ...(endpointId ? { resolverEndpointId: endpointId } : {}), vpcIds: [],
    });
    return {
      ref: id,
      attributes: {
        ResolverRuleId: id, Arn: `arn:${partitionOf(ctx.region)}:route53resolver:${ctx.region}:${ctx.account}:resolver-rule/${id}`,
        DomainName: domain, Name: ctx.text('Name'), ResolverEndpointId: endpointId,
      },
    };
  },
};

export const resolverRuleAssociation: ResourceHandler = {
  type: 'AWS::Route53Resolver::ResolverRuleAssociation',
  attributes: ['Name', 'ResolverRuleAssociationId', 'ResolverRuleId', 'VPCId'],
  build(ctx) {
    const ruleId = ctx.requiredId('ResolverRuleId', T.RESOLVER_RULE);
    const vpc = ctx.str('VPCId') ?? unknown('no VPCId', ctx.here);
    ctx.checkType('VPCId', T.VPC);
    const rule = ctx.b.get('resolverRules', ruleId) as Mut<ResolverRule> | undefined;
    if (rule) rule.vpcIds.push(vpc);
    else ctx.note('info', 'outside-model', `${ctx.logicalId} associates rule ${ruleId}, which is not in the model`);
    const id = ctx.ec2('resolverRuleAssociation');
    return { ref: id, attributes: { ResolverRuleAssociationId: id, ResolverRuleId: ruleId, VPCId: vpc } };
  },
};

export const resolverEndpoint: ResourceHandler = {
  type: 'AWS::Route53Resolver::ResolverEndpoint',
  attributes: ['Arn', 'Direction', 'HostVPCId', 'IpAddressCount', 'Name', 'ResolverEndpointId', 'OutpostArn', 'PreferredInstanceType', 'ResolverEndpointType', 'Protocols'],
  build(ctx) {
    const direction = ctx.text('Direction')?.toUpperCase() === 'OUTBOUND' ? 'OUTBOUND' : 'INBOUND';
    const id = ctx.ec2(direction === 'INBOUND' ? 'resolverInbound' : 'resolverOutbound');
    const securityGroupIds = ctx.ids('SecurityGroupIds', T.SECURITY_GROUP);
    const enis = ctx.subs('IpAddresses').map((a, i) => {
      const subnetId = a.requiredId('SubnetId', T.SUBNET);
      const ip = a.str('Ip');
      return createEni(ctx, {
        salt: `resolver:${i}`, subnetId, owner: { kind: 'resolver-endpoint', id }, securityGroupIds,
        ...(ip !== undefined ? { privateIp: ip } : {}), origin: a.originAt(a.fallback),
      });
    });
    const vpcId = enis[0] ? vpcOfSubnet(ctx, enis[0].subnetId) : ctx.requiredId('IpAddresses');
    ctx.b.add('resolverEndpoints', {
      id, name: ctx.logicalId, origin: ctx.here, direction, vpcId,
      ipAddresses: enis.map((e) => e.privateIps[0]!), networkInterfaceIds: enis.map((e) => e.id),
    });
    return {
      ref: id,
      attributes: {
        ResolverEndpointId: id, Direction: direction, HostVPCId: vpcId, IpAddressCount: String(enis.length), Name: ctx.text('Name'),
        Arn: `arn:${partitionOf(ctx.region)}:route53resolver:${ctx.region}:${ctx.account}:resolver-endpoint/${id}`,
      },
    };
  },
};
