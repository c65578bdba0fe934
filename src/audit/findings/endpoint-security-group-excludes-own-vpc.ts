// An interface endpoint whose security groups admit HTTPS from none of the addresses of some subnet of its own
// VPC: workloads there time out connecting to it (R22). Checked from the groups' rules alone.
import { isKnown, type SecurityGroupRule } from '../../model/index.js';
import { cidrsOverlap, parseCidr } from '../../sim/ip/index.js';
import type { Evaluation } from '../evaluate.js';
import type { Finding } from '../finding.js';

function overlapsCidr(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return !x.ok || !y.ok || cidrsOverlap(x.value, y.value); // unparseable: assume it may admit (never a confident wrong finding)
}

const coversHttps = (r: SecurityGroupRule): boolean =>
  r.protocol === '-1' || r.protocol === 'all' || (r.protocol === 'tcp' && (r.fromPort ?? 0) <= 443 && (r.toPort ?? 65535) >= 443);

export function endpointSecurityGroupExcludesOwnVpc(e: Evaluation): Finding[] {
  const out: Finding[] = [];
  for (const ep of e.model.vpcEndpoints) {
    if (ep.type !== 'Interface' || !ep.securityGroupIds.length) continue;
    const groups = ep.securityGroupIds.map((id) => e.index.securityGroups.get(id));
    if (groups.some((g) => g === undefined)) continue; // a group not in the model: cannot tell
    const rules = groups.flatMap((g) => g!.ingress).filter(coversHttps);
    const subnets = e.model.subnets.filter((s) => s.vpcId === ep.vpcId);
    const shut: string[] = [];
    for (const s of subnets) {
      if (!isKnown(s.cidrBlock)) continue;
      const cidr = s.cidrBlock;
      const sgsInSubnet = new Set(e.model.networkInterfaces.filter((n) => n.subnetId === s.id).flatMap((n) => n.securityGroupIds));
      const hasWorkloads = e.placements.some((p) => p.subnetId === s.id);
      const admits = rules.some((r) => {
        if (r.prefixListId !== undefined) return true; // a prefix list's entries: cannot tell, assume it may
        if (r.cidrIpv4 !== undefined) return !isKnown(r.cidrIpv4) || overlapsCidr(r.cidrIpv4, cidr);
        // A rule naming a group admits the subnet's workloads that carry it; an empty subnet: cannot tell.
        if (r.peerGroupId !== undefined) return !isKnown(r.peerGroupId) || !hasWorkloads || sgsInSubnet.has(r.peerGroupId);
        return false; // IPv6 only
      });
      if (!admits) shut.push(s.id);
    }
    if (!shut.length) continue;
    const withWorkloads = new Set(e.placements.filter((p) => shut.includes(p.subnetId)).map((p) => p.subnetId));
    const describe = (id: string) => {
      const s = e.index.subnets.get(id)!;
      const workloads = e.placements.filter((p) => p.subnetId === id).flatMap((p) => p.workloads.map((w) => w.name));
      return `${s.name ?? s.id} (${isKnown(s.cidrBlock) ? s.cidrBlock : '?'})${workloads.length ? `, with ${workloads.join(', ')}` : ''}`;
    };
    const group = groups[0]!;
    const location = group.origin ?? ep.origin;
    out.push({
      kind: 'endpoint-security-group-excludes-own-vpc',
      severity: withWorkloads.size ? 'warning' : 'note',
      title: `${ep.name ?? ep.id} (${ep.id}) admits no HTTPS from ${shut.length} subnet${shut.length === 1 ? '' : 's'} of its own VPC`,
      message: `The endpoint's security group${groups.length === 1 ? '' : 's'} (${groups.map((g) => g!.name ?? g!.id).join(', ')}) allow ` +
        `inbound TCP 443 from none of the addresses of: ${shut.map(describe).join('; ')}. Workloads there time out connecting to the ` +
        'endpoint (R22). Allow TCP 443 from the VPC CIDR, or from the workloads\' security groups.',
      cause: 'security-group-denied',
      rules: ['R22', 'R31'],
      ...(location ? { location } : {}),
      related: ep.origin && ep.origin !== location ? [{ message: `the endpoint ${ep.name ?? ep.id}`, origin: ep.origin }] : [],
      pairs: [],
    });
  }
  return out;
}
