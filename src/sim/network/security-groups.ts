// An ENI's security groups on one packet: allow-only rules, the union of all groups, stateful replies.
import type { ModelIndex, NetworkInterface, Origin, SecurityGroup } from '../../model/index.js';
import type { Hop, MissingFact } from '../trace.js';
import { unresolvedId } from './missing.js';
import { interfaceName } from './names.js';
import type { Check } from './path-builder.js';
import { describeRuleTraffic, describeTraffic, type Traffic } from './protocol.js';
import { matchRule, type Remote } from './security-group-rule.js';
import { originOf } from './hop-origin.js';

export type SecurityGroupDirection = 'ingress' | 'egress';

/**
 * Security groups only allow: a packet passes when any rule of any of the ENI's groups covers it. They are
 * stateful, so the reply to an allowed packet is allowed whatever the rules in the other direction say.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
 * Returns undefined for an ENI that security groups do not apply to (a NAT gateway's).
 */
export function checkSecurityGroups(
  index: ModelIndex, eni: NetworkInterface, direction: SecurityGroupDirection, traffic: Traffic, remote: Remote,
): Check | undefined {
  const isEndpoint = eni.owner.kind === 'vpc-endpoint';
  const base = {
    at: interfaceName(index, eni), elementId: eni.id, action: direction,
    ...(isEndpoint && direction === 'ingress' ? { rules: ['R22'] } : {}),
  };
  if (eni.securityGroupIds.length === 0) {
    // https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html: no security groups on NAT gateways.
    if (eni.owner.kind === 'nat-gateway') return undefined;
    const missing: MissingFact = { fact: `the security groups of ${base.at}`, reason: `${eni.id} lists no security group` };
    return unknownCheck({ ...base, detail: `${base.at}: its security groups are not known` }, [missing], eni.origin);
  }

  const groups: SecurityGroup[] = [];
  const missing: MissingFact[] = [];
  for (const id of eni.securityGroupIds) {
    const group = index.securityGroups.get(id);
    if (group) groups.push(group);
    else missing.push(unresolvedId(index, `security group ${id} of ${base.at}`, id, eni.origin));
  }

  const arrow = direction === 'ingress' ? 'from' : 'to';
  for (const group of groups) {
    const rules = direction === 'ingress' ? group.ingress : group.egress;
    for (const rule of rules) {
      const m = matchRule(index, group, rule, traffic, remote);
      if (m.kind === 'unknown') missing.push(...m.missing);
      if (m.kind !== 'match') continue;
      const detail = rule.implicit
        ? `${sgName(group)}: all traffic allowed (default egress)`
        : `${sgName(group)}: ${describeRuleTraffic(rule.protocol, rule.fromPort, rule.toPort)} ${arrow} ${m.peer}`;
      const hop: Hop = { ...base, verdict: 'pass', detail, ...originOf(rule.origin ?? group.origin), confidence: 'documented' };
      return { verdict: 'pass', hop };
    }
  }

  const names = groups.map(sgName).join(', ') || base.at;
  const kind = direction === 'ingress' ? 'inbound' : 'outbound';
  const asked = `${describeTraffic(traffic)} ${arrow} ${remote.text}`;
  const where = groups[0]?.origin ?? eni.origin;
  if (missing.length > 0) {
    return unknownCheck({ ...base, detail: `${names}: cannot tell whether a rule allows ${asked}` }, missing, where);
  }
  const timeout = isEndpoint && direction === 'ingress'
    ? '; the endpoint drops the packet and the client\'s connection times out' : '';
  const hop: Hop = {
    ...base, verdict: 'drop', detail: `${names}: no ${kind} rule allows ${asked}${timeout}`, ...originOf(where),
    confidence: 'documented',
  };
  return { verdict: 'drop', hop, cause: 'security-group-denied' };
}

function sgName(group: SecurityGroup): string {
  return group.name ?? group.groupName ?? group.id;
}


function unknownCheck(hop: Omit<Hop, 'verdict'>, missing: MissingFact[], origin: Origin | undefined): Check {
  return { verdict: 'unknown', hop: { ...hop, verdict: 'unknown', ...originOf(origin) }, missing };
}
