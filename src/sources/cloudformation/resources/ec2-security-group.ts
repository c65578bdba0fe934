// AWS::EC2::SecurityGroup, AWS::EC2::SecurityGroupIngress, AWS::EC2::SecurityGroupEgress.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html
import { unknown, type SecurityGroupRule } from '../../../model/index.js';
import type { PropReader } from '../prop-reader.js';
import type { ResourceContext } from '../resource-context.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

/** A rule as EC2 describes it: protocol names for tcp/udp/icmp/icmpv6, `-1` for all. */
export function readRule(r: PropReader, direction: 'ingress' | 'egress'): SecurityGroupRule | undefined {
  const raw = r.text('IpProtocol')?.toLowerCase();
  if (raw === undefined) return undefined;
  const protocol = PROTOCOL_NAMES[raw] ?? raw;
  const ports = protocol === '-1' ? {} : {
    ...(r.int('FromPort') !== undefined ? { fromPort: r.int('FromPort')! } : {}),
    ...(r.int('ToPort') !== undefined ? { toPort: r.int('ToPort')! } : {}),
  };
  const peerKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const prefixKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  const peerGroup = r.val(peerKey);
  const cidr = r.str('CidrIp');
  const cidr6 = r.text('CidrIpv6');
  const prefixList = r.text(prefixKey);
  const rule: SecurityGroupRule = {
    protocol, ...ports,
    ...(cidr !== undefined ? { cidrIpv4: cidr } : {}),
    ...(cidr6 ? { cidrIpv6: cidr6 } : {}),
    ...(peerGroup ? { peerGroupId: peerGroup.k === 'unknown' ? unknown(peerGroup.reason, r.originAt(peerGroup.loc)) : r.idOf(peerGroup, peerKey, T.SECURITY_GROUP) ?? '' } : {}),
    ...(!peerGroup && r.has('SourceSecurityGroupName')
      ? { peerGroupId: unknown(`the group named ${r.text('SourceSecurityGroupName')} in the default VPC is not in the model`, r.origin('SourceSecurityGroupName')) }
      : {}),
    ...(prefixList ? { prefixListId: prefixList } : {}),
    ...(r.text('Description') ? { description: r.text('Description')! } : {}),
    origin: r.originAt(r.fallback),
  };
  return rule;
}

function readRules(ctx: ResourceContext, key: string, direction: 'ingress' | 'egress'): SecurityGroupRule[] {
  return ctx.subs(key).flatMap((r) => {
    const rule = readRule(r, direction);
    if (!rule) ctx.problem('missing-property', `a rule of ${key} has no IpProtocol`, r.fallback);
    return rule ? [rule] : [];
  });
}

export const securityGroup: ResourceHandler = {
  type: 'AWS::EC2::SecurityGroup',
  attributes: ['GroupId', 'VpcId'],
  build(ctx) {
    const id = ctx.ec2('securityGroup');
    let vpcId = ctx.id('VpcId', T.VPC);
    if (!vpcId) {
      vpcId = `unresolved:default-vpc:${ctx.account}:${ctx.region}`;
      ctx.b.unresolved(vpcId, `${ctx.logicalId} names no VpcId, so it is in the default VPC, which is not in the model`, ctx.here);
    }
    const groupName = ctx.text('GroupName') ?? ctx.generatedName(255);
    const egress = readRules(ctx, 'SecurityGroupEgress', 'egress');
    if (egress.length === 0) {
      // "When you specify a VPC security group, Amazon EC2 creates a default egress rule that allows egress traffic on
      // all ports and IP protocols to any location. The default rule is removed only when you specify one or more
      // egress rules" (CloudFormation docs for SecurityGroupEgress).
      egress.push({ protocol: '-1', cidrIpv4: '0.0.0.0/0', implicit: true, origin: ctx.origin('SecurityGroupEgress') });
    }
    ctx.b.add('securityGroups', {
      id, name: ctx.logicalId, origin: ctx.here, vpcId, groupName, ingress: readRules(ctx, 'SecurityGroupIngress', 'ingress'), egress,
    });
    // Ref answers the group id for a group in a VPC, the group name for one in the default VPC.
    return { ref: ctx.has('VpcId') ? id : groupName, attributes: { GroupId: id, VpcId: vpcId } };
  },
};

function ruleResource(type: string, direction: 'ingress' | 'egress'): ResourceHandler {
  return {
    type,
    attributes: ['Id'],
    build(ctx) {
      const groupId = ctx.id('GroupId', T.SECURITY_GROUP);
      const group = groupId
        ? ctx.b.get('securityGroups', groupId)
        : ctx.b.model.securityGroups.find((g) => g.groupName === ctx.text('GroupName'));
      const rule = readRule(ctx, direction);
      if (!rule) ctx.problem('missing-property', 'IpProtocol is required');
      else if (group) (direction === 'ingress' ? group.ingress : group.egress).push({ ...rule, origin: ctx.here });
      else ctx.note('info', 'outside-model', `${ctx.logicalId} adds a rule to ${groupId ?? ctx.text('GroupName')}, which is not in the model`);
      const id = ctx.ec2('securityGroupRule');
      return { ref: id, attributes: { Id: id } };
    },
  };
}

export const securityGroupIngress = ruleResource('AWS::EC2::SecurityGroupIngress', 'ingress');
export const securityGroupEgress = ruleResource('AWS::EC2::SecurityGroupEgress', 'egress');
