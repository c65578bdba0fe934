// R22: the endpoint's (or target's) security group must allow inbound TCP 443 from the client; add that rule
// (or, for a dropped egress, an outbound tcp/443 rule on the client's group).
import { ModelIndex, type Model, type SecurityGroup, type SecurityGroupRule } from '../../model/index.js';
import { client, clientCidr, fromTemplate, replaceElement } from '../model-edit.js';
import { addResources } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';

function droppingGroup(ctx: FixContext): { group: SecurityGroup; direction: 'ingress' | 'egress' } | undefined {
  const hop = ctx.trace.hops.find((h) => h.verdict === 'drop' && (h.action === 'ingress' || h.action === 'egress'));
  if (!hop) return undefined;
  const direction = hop.action as 'ingress' | 'egress';
  const index = new ModelIndex(ctx.model);
  const byName = ctx.model.securityGroups.find((g) => hop.origin?.logicalId && g.name === hop.origin.logicalId);
  const eni = hop.elementId ? index.networkInterfaces.get(hop.elementId) : undefined;
  const group = byName ?? (eni?.securityGroupIds[0] ? index.securityGroups.get(eni.securityGroupIds[0]) : undefined);
  return group ? { group, direction } : undefined;
}

export const securityGroupRule: Remedy = {
  id: 'security-group-rule',
  title: 'Allow HTTPS in the security group that drops it',
  rule: 'R22',
  causes: ['security-group-denied'],
  propose(ctx: FixContext): Candidate[] {
    const found = droppingGroup(ctx);
    const c = client(ctx);
    if (!found || !c) return [];
    const { group, direction } = found;
    const cidr = direction === 'ingress' ? clientCidr(c) : '0.0.0.0/0';
    if (!cidr) return [];
    const rule: SecurityGroupRule = { protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: cidr, description: 'HTTPS (vpcpath fix)' };
    const type = direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress';
    const peer = direction === 'ingress' ? `CidrIp: ${cidr}` : `CidrIp: ${cidr}`;
    const logicalId = `${group.name ?? 'Group'}Https${direction === 'ingress' ? 'Ingress' : 'Egress'}`;
    const edit = fromTemplate(group)
      ? addResources(ctx.texts, group.origin!.file, {
        [logicalId]: ['Type: ' + type, 'Properties:', `  GroupId: !Ref ${group.origin!.logicalId}`, '  IpProtocol: tcp',
          '  FromPort: 443', '  ToPort: 443', `  ${peer}`, `  Description: HTTPS ${direction === 'ingress' ? 'from' : 'to'} ${cidr}`],
      })
      : undefined;
    const patch: Patch = edit ? { edits: [edit], commands: [] }
      : { edits: [], commands: [`aws ec2 authorize-security-group-${direction} --group-id ${group.id} --protocol tcp --port 443 --cidr ${cidr}`] };
    return [{
      id: `security-group-rule:${group.name ?? group.id}`,
      title: `Allow tcp/443 ${direction === 'ingress' ? 'from' : 'to'} ${cidr} in ${group.name ?? group.id}`,
      description: `Add an ${direction} rule to ${group.name ?? group.id}: tcp 443 ${direction === 'ingress' ? 'from' : 'to'} ${cidr}` +
        `${direction === 'ingress' ? ` (the subnet of ${c.workload.name})` : ''}. The endpoint's security group must allow inbound ` +
        'HTTPS from its clients (R22).',
      apply: (model: Model) => replaceElement(model, 'securityGroups', group.id, (g) =>
        direction === 'ingress' ? { ...g, ingress: [...g.ingress, rule] } : { ...g, egress: [...g.egress, rule] }),
      patch,
      assumes: [`${cidr} is the range the clients use; narrow it to a security group of the clients if you prefer`],
    }];
  },
};
