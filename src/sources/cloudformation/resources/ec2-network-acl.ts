// AWS::EC2::NetworkAcl, AWS::EC2::NetworkAclEntry, AWS::EC2::SubnetNetworkAclAssociation.
// A custom network ACL denies everything until entries allow it (the final `*` deny is implicit).
// https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

export const networkAcl: ResourceHandler = {
  type: 'AWS::EC2::NetworkAcl',
  attributes: ['Id'],
  build(ctx) {
    const id = ctx.ec2('networkAcl');
    const vpcId = ctx.requiredId('VpcId', T.VPC);
    ctx.b.add('networkAcls', { id, name: ctx.logicalId, origin: ctx.here, vpcId, isDefault: false, subnetIds: [], entries: [] });
    return { ref: id, attributes: { Id: id } };
  },
};

export const networkAclEntry: ResourceHandler = {
  type: 'AWS::EC2::NetworkAclEntry',
  attributes: ['Id'],
  build(ctx) {
    const aclId = ctx.requiredId('NetworkAclId', T.NETWORK_ACL);
    const acl = ctx.b.get('networkAcls', aclId);
    const ruleNumber = ctx.int('RuleNumber');
    const action = ctx.text('RuleAction')?.toLowerCase();
    if (ruleNumber === undefined) ctx.problem('missing-property', 'RuleNumber is required');
    if (action !== 'allow' && action !== 'deny') ctx.problem('bad-property', 'RuleAction must be allow or deny', ctx.loc('RuleAction'));
    const portRange = ctx.sub('PortRange');
    const from = portRange?.int('From');
    const to = portRange?.int('To');
    const egress = ctx.bool('Egress', false) === true;
    const cidr = ctx.str('CidrBlock');
    const cidr6 = ctx.text('Ipv6CidrBlock');
    if (acl && ruleNumber !== undefined && (action === 'allow' || action === 'deny')) {
      acl.entries.push({
        ruleNumber, egress, protocol: ctx.text('Protocol') ?? '-1', action,
        ...(cidr !== undefined ? { cidrBlock: cidr } : {}),
        ...(cidr6 ? { ipv6CidrBlock: cidr6 } : {}),
        ...(from !== undefined && to !== undefined ? { portRange: { from, to } } : {}),
        origin: ctx.here,
      });
    } else if (!acl) {
      ctx.note('info', 'outside-model', `${ctx.logicalId} adds an entry to ${aclId}, which is not in the model`);
    }
    const id = `${aclId}|${egress ? 'egress' : 'ingress'}|${ruleNumber ?? ''}`;
    return { ref: id, attributes: { Id: id } };
  },
};

export const subnetNetworkAclAssociation: ResourceHandler = {
  type: 'AWS::EC2::SubnetNetworkAclAssociation',
  attributes: ['AssociationId'],
  build(ctx) {
    const subnetId = ctx.requiredId('SubnetId', T.SUBNET);
    const aclId = ctx.requiredId('NetworkAclId', T.NETWORK_ACL);
    const acl = ctx.b.get('networkAcls', aclId);
    if (acl) {
      // A subnet is associated with exactly one network ACL: the new association replaces any other.
      for (const other of ctx.b.model.networkAcls) {
        const i = other.subnetIds.indexOf(subnetId);
        if (i >= 0 && other.id !== aclId) other.subnetIds.splice(i, 1);
      }
      acl.subnetIds.push(subnetId);
    } else {
      ctx.note('info', 'outside-model', `${ctx.logicalId} associates ${subnetId} with ${aclId}, which is not in the model`);
    }
    const id = ctx.ec2('networkAclAssociation');
    return { ref: id, attributes: { AssociationId: id } };
  },
};
