// A subnet's network ACL on one packet: stateless, rules in ascending number, first match wins, final `*` deny.
import {
  displayName, isUnknown, type ModelIndex, type NetworkAcl, type NetworkAclEntry, type Origin, type Subnet,
} from '../../model/index.js';
import { cidrContains, parseCidr, type IpAddress } from '../ip/index.js';
import type { Hop, MissingFact } from '../trace.js';
import { fromUnknown } from './missing.js';
import type { Check } from './path-builder.js';
import { aclPortsMatch, describeRuleTraffic, describeTraffic, protocolMatches, type Traffic } from './protocol.js';

export interface AclCheckInput {
  readonly subnet: Subnet;
  /** `out`: the packet leaves the subnet (egress entries); `in`: it enters (ingress entries). */
  readonly direction: 'in' | 'out';
  readonly traffic: Traffic;
  /** The packet's other address: its destination going out, its source coming in. */
  readonly remote: { readonly ip: IpAddress; readonly text: string };
  /** Hop action: `nacl-out`, `nacl-in`, `return-nacl`. */
  readonly action: string;
  /** Set for the reply of a connection: the detail says so. */
  readonly reply?: boolean;
}

type EntryMatch = { kind: 'match' } | { kind: 'no-match' } | { kind: 'unknown'; missing: MissingFact };

/**
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html: rules are evaluated from the lowest
 * number up and the first that matches decides; a packet no rule matches is denied by the final `*` rule.
 * ACLs are stateless, so a reply is checked again against the rules of its own direction.
 */
export function checkNetworkAcl(index: ModelIndex, input: AclCheckInput): Check {
  const acl = index.networkAclOf(input.subnet);
  const arrow = input.direction === 'in' ? 'from' : 'to';
  const asked = `${describeTraffic(input.traffic)} ${arrow} ${input.remote.text}`;
  const prefix = input.reply ? `reply ${asked} (ACLs are stateless): ` : '';
  if (!acl) {
    // Every VPC has a default network ACL; until changed it allows all traffic both ways.
    const hop: Hop = {
      at: displayName(input.subnet), elementId: input.subnet.id, action: input.action, verdict: 'pass',
      detail: `${prefix}the VPC's default network ACL (not in the model) allows all traffic unless it was changed`,
      confidence: 'inferred', ...(input.subnet.origin ? { origin: input.subnet.origin } : {}),
    };
    return { verdict: 'pass', hop };
  }

  const egress = input.direction === 'out';
  const entries = acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  const pending: { entry: NetworkAclEntry; missing: MissingFact }[] = [];
  const base = { at: displayName(acl), elementId: acl.id, action: input.action };

  for (const entry of entries) {
    const m = matchEntry(acl, entry, input);
    if (m.kind === 'no-match') continue;
    if (m.kind === 'unknown') {
      pending.push({ entry, missing: m.missing });
      continue;
    }
    // An earlier rule we cannot read only matters if it would decide the other way.
    const undecided = pending.filter((p) => p.entry.action !== entry.action);
    const detail = `rule ${ruleLabel(entry)} ${entry.action} ${entryTraffic(entry)} ${arrow} ${entryPeer(entry)}`;
    const origin = entry.origin ?? acl.origin;
    if (undecided.length > 0) return unknown(base, prefix, detail, undecided, origin);
    if (entry.action === 'allow') return { verdict: 'pass', hop: hop(base, 'pass', prefix + detail, origin) };
    return { verdict: 'drop', hop: hop(base, 'drop', `${prefix}${detail} (matches ${asked})`, origin), cause: 'network-acl-denied' };
  }

  const detail = `rule * deny all: no rule allows ${asked}`;
  const undecided = pending.filter((p) => p.entry.action === 'allow');
  if (undecided.length > 0) return unknown(base, prefix, detail, undecided, acl.origin);
  return { verdict: 'drop', hop: hop(base, 'drop', prefix + detail, acl.origin), cause: 'network-acl-denied' };
}

function matchEntry(acl: NetworkAcl, entry: NetworkAclEntry, input: AclCheckInput): EntryMatch {
  if (!protocolMatches(entry.protocol, input.traffic) || !aclPortsMatch(entry.portRange, input.traffic)) {
    return { kind: 'no-match' };
  }
  const fact = `the CIDR of rule ${ruleLabel(entry)} of network ACL ${acl.name ?? acl.id}`;
  const text = input.remote.ip.family === 4 ? entry.cidrBlock : entry.ipv6CidrBlock;
  if (text === undefined) return { kind: 'no-match' };
  if (isUnknown(text)) return { kind: 'unknown', missing: fromUnknown(fact, text) };
  const cidr = parseCidr(text);
  if (!cidr.ok) return { kind: 'unknown', missing: { fact, reason: cidr.error } };
  return cidrContains(cidr.value, input.remote.ip) ? { kind: 'match' } : { kind: 'no-match' };
}

/** The console shows the last rule, 32767, as `*`. */
function ruleLabel(entry: NetworkAclEntry): string {
  return entry.ruleNumber >= 32767 ? '*' : String(entry.ruleNumber);
}

function entryTraffic(entry: NetworkAclEntry): string {
  const text = describeRuleTraffic(entry.protocol, entry.portRange?.from, entry.portRange?.to);
  return text === 'all traffic' ? 'all' : text;
}

function entryPeer(entry: NetworkAclEntry): string {
  const c = entry.cidrBlock ?? entry.ipv6CidrBlock;
  return c === undefined ? '?' : isUnknown(c) ? `(unknown: ${c.reason})` : c;
}

function hop(base: Pick<Hop, 'at' | 'elementId' | 'action'>, verdict: Hop['verdict'], detail: string, origin?: Origin): Hop {
  return { ...base, verdict, detail, confidence: 'documented', ...(origin ? { origin } : {}) };
}

function unknown(
  base: Pick<Hop, 'at' | 'elementId' | 'action'>, prefix: string, detail: string,
  undecided: readonly { entry: NetworkAclEntry; missing: MissingFact }[], origin?: Origin,
): Check {
  const rules = undecided.map((u) => `rule ${ruleLabel(u.entry)} ${u.entry.action}`).join(', ');
  const text = `${prefix}${rules} may match first (its CIDR is not known); otherwise ${detail}`;
  return { verdict: 'unknown', hop: hop(base, 'unknown', text, origin), missing: undecided.map((u) => u.missing) };
}
