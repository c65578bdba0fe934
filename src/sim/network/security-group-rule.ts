// Whether one security group rule covers a packet: its protocol and ports, and its one peer (CIDR, group, prefix list).
import { isUnknown, type ModelIndex, type SecurityGroup, type SecurityGroupRule } from '../../model/index.js';
import { cidrContains, parseCidr, type IpAddress } from '../ip/index.js';
import type { MissingFact } from '../trace.js';
import { fromUnknown, unresolvedId } from './missing.js';
import { protocolMatches, securityGroupPortsMatch, type Traffic } from './protocol.js';
import { prefixListCidrs } from './prefix-lists.js';

/** The other end of the packet, as a rule sees it: its address, and its groups when it is an ENI in the model. */
export interface Remote {
  readonly ip: IpAddress;
  readonly text: string;
  /** Group references match only ENIs in those groups, by their private address. */
  readonly groupIds: readonly string[];
}

export type RuleMatch =
  | { readonly kind: 'match'; readonly peer: string }
  | { readonly kind: 'no-match' }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

const NO_MATCH: RuleMatch = { kind: 'no-match' };

/** https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html */
export function matchRule(
  index: ModelIndex, group: SecurityGroup, rule: SecurityGroupRule, traffic: Traffic, remote: Remote,
): RuleMatch {
  if (!protocolMatches(rule.protocol, traffic)) return NO_MATCH;
  if (!securityGroupPortsMatch(rule.fromPort, rule.toPort, traffic)) return NO_MATCH;
  const where = `a rule of security group ${group.name ?? group.id}`;

  if (rule.cidrIpv4 !== undefined) {
    if (isUnknown(rule.cidrIpv4)) return { kind: 'unknown', missing: [fromUnknown(`the CIDR of ${where}`, rule.cidrIpv4)] };
    return cidrMatch(rule.cidrIpv4, remote, where);
  }
  if (rule.cidrIpv6 !== undefined) return cidrMatch(rule.cidrIpv6, remote, where);

  if (rule.peerGroupId !== undefined) {
    const id = rule.peerGroupId;
    if (isUnknown(id)) return { kind: 'unknown', missing: [fromUnknown(`the source group of ${where}`, id)] };
    if (index.unresolvedReason(id)) {
      return { kind: 'unknown', missing: [unresolvedId(index, `the source group of ${where}`, id)] };
    }
    if (remote.groupIds.includes(id)) {
      const peer = index.securityGroups.get(id);
      return { kind: 'match', peer: peer?.name && peer.name !== id ? `${id} (${peer.name})` : id };
    }
    // The remote ENI's own group list may hold an unresolved group that is this one.
    const unresolved = remote.groupIds.filter((g) => index.unresolvedReason(g));
    if (unresolved.length > 0) {
      return { kind: 'unknown', missing: unresolved.map((g) => unresolvedId(index, `a security group of ${remote.text}`, g)) };
    }
    return NO_MATCH;
  }

  if (rule.prefixListId !== undefined) {
    const cidrs = prefixListCidrs(index, rule.prefixListId, rule.origin);
    if (!cidrs.ok) return { kind: 'unknown', missing: [cidrs.missing] };
    return cidrs.cidrs.some((c) => cidrContains(c, remote.ip)) ? { kind: 'match', peer: cidrs.label } : NO_MATCH;
  }
  return NO_MATCH;
}

function cidrMatch(text: string, remote: Remote, where: string): RuleMatch {
  const cidr = parseCidr(text);
  if (!cidr.ok) return { kind: 'unknown', missing: [{ fact: `the CIDR of ${where}`, reason: cidr.error }] };
  return cidrContains(cidr.value, remote.ip) ? { kind: 'match', peer: text } : NO_MATCH;
}
