// AWS::EC2::VPC (with what AWS creates along: main route table, default network ACL, default security group),
// AWS::EC2::VPCCidrBlock.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpc.html
import { unknown, type NetworkAclEntry, type SecurityGroupRule } from '../../../model/index.js';
import type { ResourceContext } from '../resource-context.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

export const vpc: ResourceHandler = {
  type: 'AWS::EC2::VPC',
  attributes: ['CidrBlock', 'CidrBlockAssociations', 'DefaultNetworkAcl', 'DefaultSecurityGroup', 'Ipv6CidrBlocks', 'VpcId'],
  build(ctx) {
    const id = ctx.ec2('vpc');
    const cidr = ctx.str('CidrBlock')
      ?? unknown(ctx.has('Ipv4IpamPoolId') ? 'the VPC range is allocated from an IPAM pool' : 'the VPC has no CidrBlock', ctx.here);
    ctx.b.add('vpcs', {
      id, name: ctx.logicalId, origin: ctx.here, region: ctx.region, account: ctx.account,
      cidrBlocks: [cidr], ipv6CidrBlocks: [],
      // R2: EnableDnsSupport defaults to true, EnableDnsHostnames to false (outside a default VPC).
      enableDnsSupport: ctx.bool('EnableDnsSupport', true),
      enableDnsHostnames: ctx.bool('EnableDnsHostnames', false),
      dnsSupportOrigin: ctx.origin('EnableDnsSupport'),
      dnsHostnamesOrigin: ctx.origin('EnableDnsHostnames'),
    });
    const defaults = createVpcDefaults(ctx, id);
    return {
      ref: id,
      attributes: {
        VpcId: id, CidrBlock: cidr, CidrBlockAssociations: [ctx.ec2('cidrAssociation')],
        DefaultNetworkAcl: defaults.aclId, DefaultSecurityGroup: defaults.securityGroupId, Ipv6CidrBlocks: [],
      },
    };
  },
};

/**
 * Every VPC comes with a main route table (local routes only; the simulation adds those), a default network ACL
 * that allows all traffic in and out (rule 100), and a default security group that allows all traffic from its own
 * members and all outbound traffic. https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html
 */
function createVpcDefaults(ctx: ResourceContext, vpcId: string): { aclId: string; securityGroupId: string } {
  const origin = ctx.here;
  ctx.b.add('routeTables', {
    id: ctx.ec2('routeTable', 'main'), name: `${ctx.logicalId} main route table`, origin, vpcId, main: true,
    subnetIds: [], routes: [],
  });
  const aclId = ctx.ec2('networkAcl', 'default');
  const entries: NetworkAclEntry[] = [false, true].map((egress) => ({
    ruleNumber: 100, egress, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0', origin,
  }));
  ctx.b.add('networkAcls', { id: aclId, name: `${ctx.logicalId} default network ACL`, origin, vpcId, isDefault: true, subnetIds: [], entries });
  const securityGroupId = ctx.ec2('securityGroup', 'default');
  const ingress: SecurityGroupRule[] = [{ protocol: '-1', peerGroupId: securityGroupId, origin, description: 'default: members of this group' }];
  const egress: SecurityGroupRule[] = [{ protocol: '-1', cidrIpv4: '0.0.0.0/0', implicit: true, origin }];
  ctx.b.add('securityGroups', {
    id: securityGroupId, name: `${ctx.logicalId} default security group`, origin, vpcId, groupName: 'default', ingress, egress,
  });
  return { aclId, securityGroupId };
}

export const vpcCidrBlock: ResourceHandler = {
  type: 'AWS::EC2::VPCCidrBlock',
  attributes: ['Id', 'IpSource', 'Ipv6AddressAttribute', 'Ipv6CidrBlock'],
  build(ctx) {
    const vpcId = ctx.requiredId('VpcId', T.VPC);
    const target = ctx.b.get('vpcs', vpcId);
    const id = ctx.ec2('cidrAssociation');
    const cidr = ctx.str('CidrBlock');
    let ipv6 = ctx.text('Ipv6CidrBlock');
    if (!ipv6 && ctx.bool('AmazonProvidedIpv6CidrBlock', false) === true) {
      // Made up inside the documentation range 2001:db8::/32: AWS assigns the real /56.
      ipv6 = `2001:db8:${ctx.short('ipv6', 4).replace(/[^0-9a-f]/g, 'a')}:${ctx.short('ipv6b', 2).replace(/[^0-9a-f]/g, 'b')}00::/56`;
    }
    if (!target) {
      ctx.note('info', 'outside-model', `${ctx.logicalId} adds a range to VPC ${vpcId}, which is not in the model`);
    } else {
      if (cidr !== undefined) target.cidrBlocks = [...target.cidrBlocks, cidr];
      if (ipv6) target.ipv6CidrBlocks = [...target.ipv6CidrBlocks, ipv6];
    }
    return { ref: id, attributes: { Id: id, Ipv6CidrBlock: ipv6 } };
  },
};
