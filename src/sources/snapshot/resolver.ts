// Route 53 Resolver: rules with their VPC associations, and inbound/outbound endpoints with their addresses (R6).
import type { ResolverRule } from '../../model/index.js';
import type { Build, Mut } from './context.js';
import { named, objs, str, strs } from './json-read.js';
import { dnsName } from './route53.js';

const RULE_TYPES = new Set(['FORWARD', 'SYSTEM', 'RECURSIVE']);
/** An association being removed, or one that failed, no longer applies. */
const GONE = new Set(['DELETING', 'FAILED']);

/**
 * Rules as ListResolverRules returns them, shared ones included. The built-in `Internet Resolver` rule
 * (RECURSIVE, domain `.`) becomes the root domain `''`.
 */
export function readResolverRules(b: Build): void {
  for (const item of b.items('ResolverRules')) {
    const id = str(item.o, 'Id');
    const domain = str(item.o, 'DomainName');
    if (!id || !domain) {
      b.missingField(item, id ? 'DomainName' : 'Id');
      continue;
    }
    const type = (str(item.o, 'RuleType') ?? 'FORWARD').toUpperCase();
    const endpointId = str(item.o, 'ResolverEndpointId');
    b.model.resolverRules.push({
      id, ...named(str(item.o, 'Name')), origin: b.origin(item, id), domainName: dnsName(domain),
      ruleType: (RULE_TYPES.has(type) ? type : 'FORWARD') as ResolverRule['ruleType'],
      targetIps: objs(item.o, 'TargetIps').flatMap((t) => str(t, 'Ip') ?? str(t, 'Ipv6') ?? []),
      ...(endpointId ? { resolverEndpointId: endpointId } : {}), vpcIds: [],
    });
  }
  for (const item of b.items('ResolverRuleAssociations')) {
    const ruleId = str(item.o, 'ResolverRuleId');
    const vpcId = str(item.o, 'VPCId');
    if (!ruleId || !vpcId || GONE.has((str(item.o, 'Status') ?? '').toUpperCase())) continue;
    const rule = b.index('resolverRules', b.model.resolverRules, (r) => [r.id]).first(ruleId) as Mut<ResolverRule> | undefined;
    if (rule) rule.vpcIds.push(vpcId);
    else b.note('warning', 'outside-snapshot', `Resolver rule ${ruleId} is associated with ${vpcId} but is not in the snapshot (ListResolverRules)`, b.origin(item, ruleId));
  }
}

/**
 * Endpoints with their addresses (ListResolverEndpointIpAddresses, merged as `IpAddresses`). Their ENIs are
 * requester-managed and listed by DescribeNetworkInterfaces; one it lacks is added from the address.
 */
export function readResolverEndpoints(b: Build): void {
  for (const item of b.items('ResolverEndpoints')) {
    const id = str(item.o, 'Id');
    if (!id) {
      b.missingField(item, 'Id');
      continue;
    }
    const origin = b.origin(item, id);
    const vpcId = str(item.o, 'HostVPCId');
    const groups = strs(item.o, 'SecurityGroupIds');
    const addresses = objs(item.o, 'IpAddresses').filter((a) => !GONE.has((str(a, 'Status') ?? '').toUpperCase()));
    const ips: string[] = [];
    const eniIds: string[] = [];
    for (const a of addresses) {
      const ip = str(a, 'Ip') ?? str(a, 'Ipv6');
      const subnetId = str(a, 'SubnetId');
      if (!ip || !subnetId) continue;
      ips.push(ip);
      let eni = b.index('networkInterfacesBySubnet', b.model.networkInterfaces, (n) => [n.subnetId]).all(subnetId).find((n) => n.privateIps.includes(ip));
      if (!eni) {
        eni = {
          id: str(a, 'IpId') ?? `${id}:${ip}`, origin, subnetId, vpcId: vpcId ?? b.vpcOfSubnet(subnetId, origin), privateIps: [ip],
          securityGroupIds: groups, owner: { kind: 'resolver-endpoint', id },
        };
        b.model.networkInterfaces.push(eni);
      }
      eniIds.push(eni.id);
    }
    const direction = str(item.o, 'Direction')?.toUpperCase() === 'OUTBOUND' ? 'OUTBOUND' : 'INBOUND';
    b.model.resolverEndpoints.push({
      id, ...named(str(item.o, 'Name')), origin, direction,
      vpcId: vpcId ?? { kind: 'unknown', reason: `${id} names no HostVPCId`, origin },
      ipAddresses: ips, networkInterfaceIds: eniIds,
    });
  }
}
