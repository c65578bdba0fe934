// Security groups (one model rule per peer of an IpPermission) and network ACLs with their entries.
import type { NetworkAclEntry, Origin, SecurityGroupRule } from '../../model/index.js';
import type { Build } from './context.js';
import { bool, named, nameTag, num, obj, objs, str, type Obj } from './json-read.js';

/** EC2 names tcp, udp, icmp and icmpv6, `-1` for all, and gives other protocols by number. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };
/** Network ACL entries give protocols by number. */
const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1' };

/**
 * An IpPermission allows one protocol and port range from several peers (CIDRs, groups, prefix lists); the model
 * has one peer per rule. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
function readPermissions(perms: Obj[], origin: (i: number) => Origin): SecurityGroupRule[] {
  return perms.flatMap((p, i) => {
    const raw = (str(p, 'IpProtocol') ?? '-1').toLowerCase();
    const protocol = PROTOCOL_NAMES[raw] ?? raw;
    const from = num(p, 'FromPort');
    const to = num(p, 'ToPort');
    const ports = protocol === '-1' ? {} : { ...(from !== undefined ? { fromPort: from } : {}), ...(to !== undefined ? { toPort: to } : {}) };
    const base = { protocol, ...ports, origin: origin(i) };
    const description = (o: Obj) => (str(o, 'Description') ? { description: str(o, 'Description')! } : {});
    return [
      ...objs(p, 'IpRanges').flatMap((r) => (str(r, 'CidrIp') ? [{ ...base, cidrIpv4: str(r, 'CidrIp')!, ...description(r) }] : [])),
      ...objs(p, 'Ipv6Ranges').flatMap((r) => (str(r, 'CidrIpv6') ? [{ ...base, cidrIpv6: str(r, 'CidrIpv6')!, ...description(r) }] : [])),
      ...objs(p, 'UserIdGroupPairs').flatMap((r) => (str(r, 'GroupId') ? [{ ...base, peerGroupId: str(r, 'GroupId')!, ...description(r) }] : [])),
      ...objs(p, 'PrefixListIds').flatMap((r) => (str(r, 'PrefixListId') ? [{ ...base, prefixListId: str(r, 'PrefixListId')!, ...description(r) }] : [])),
    ];
  });
}

/** The rules are as EC2 holds them: a group whose default egress rule was removed has none (nothing is implied). */
export function readSecurityGroups(b: Build): void {
  for (const item of b.items('SecurityGroups')) {
    const id = str(item.o, 'GroupId');
    const vpcId = str(item.o, 'VpcId');
    if (!id || !vpcId) {
      b.missingField(item, id ? 'VpcId' : 'GroupId');
      continue;
    }
    const origin = b.origin(item, id);
    const groupName = str(item.o, 'GroupName');
    b.model.securityGroups.push({
      id, ...named(nameTag(item.o)), origin, vpcId, ...(groupName ? { groupName } : {}),
      ingress: readPermissions(objs(item.o, 'IpPermissions'), b.childOrigins(item, 'IpPermissions')),
      egress: readPermissions(objs(item.o, 'IpPermissionsEgress'), b.childOrigins(item, 'IpPermissionsEgress')),
    });
  }
}

/** The last rule, `*` (RuleNumber 32767), denies all: the simulation applies it, so it is left out. */
const LAST_RULE = 32767;

function readEntry(e: Obj, origin: Origin): NetworkAclEntry[] {
  const ruleNumber = num(e, 'RuleNumber');
  const action = str(e, 'RuleAction')?.toLowerCase();
  if (ruleNumber === undefined || ruleNumber >= LAST_RULE || (action !== 'allow' && action !== 'deny')) return [];
  const raw = (str(e, 'Protocol') ?? '-1').toLowerCase();
  const range = obj(e, 'PortRange');
  const from = num(range, 'From');
  const to = num(range, 'To');
  const cidr = str(e, 'CidrBlock');
  const cidr6 = str(e, 'Ipv6CidrBlock');
  return [{
    ruleNumber, egress: bool(e, 'Egress') ?? false, protocol: PROTOCOL_NUMBERS[raw] ?? raw, action,
    ...(cidr ? { cidrBlock: cidr } : {}), ...(cidr6 ? { ipv6CidrBlock: cidr6 } : {}),
    ...(from !== undefined && to !== undefined ? { portRange: { from, to } } : {}),
    origin,
  }];
}

export function readNetworkAcls(b: Build): void {
  for (const item of b.items('NetworkAcls')) {
    const id = str(item.o, 'NetworkAclId');
    const vpcId = str(item.o, 'VpcId');
    if (!id || !vpcId) {
      b.missingField(item, id ? 'VpcId' : 'NetworkAclId');
      continue;
    }
    const entryOrigin = b.childOrigins(item, 'Entries');
    b.model.networkAcls.push({
      id, ...named(nameTag(item.o)), origin: b.origin(item, id), vpcId, isDefault: bool(item.o, 'IsDefault') ?? false,
      subnetIds: objs(item.o, 'Associations').flatMap((a) => str(a, 'SubnetId') ?? []),
      entries: objs(item.o, 'Entries').flatMap((e, i) => readEntry(e, entryOrigin(i))),
    });
  }
}
