// Security group evaluation: CIDR, group and prefix-list peers, ports, ICMP and unknowns.
import { describe, expect, it } from 'vitest';
import { ModelIndex, unknown, type Model, type SecurityGroupRule } from '../../model/index.js';
import { parseAddress } from '../ip/index.js';
import type { Traffic } from './protocol.js';
import { checkSecurityGroups } from './security-groups.js';
import { eni, model, rule, sg, subnet, vpc } from './test-fixtures.js';

const sn = subnet('subnet-a', 'vpc-1', '10.0.1.0/24');
const target = eni('eni-t', sn, '10.0.1.20', ['sg-t'], { name: 'Target' });

function run(ingress: SecurityGroupRule[], traffic: Traffic, remote: string, groupIds: string[] = [], extra: Partial<Model> = {}) {
  const m = model({ vpcs: [vpc('vpc-1', '10.0.0.0/16')], subnets: [sn], securityGroups: [sg('sg-t', 'vpc-1', ingress, undefined, 'TargetSG'), sg('sg-client', 'vpc-1', [], undefined, 'ClientSG')], networkInterfaces: [target], ...extra });
  const ip = parseAddress(remote);
  if (!ip.ok) throw new Error(ip.error);
  return checkSecurityGroups(new ModelIndex(m), target, 'ingress', traffic, { ip: ip.value, text: remote, groupIds });
}

const tcp443: Traffic = { protocol: 'tcp', port: 443 };

describe('checkSecurityGroups (ingress)', () => {
  it.each([
    { name: 'CIDR peer containing the source', rules: [rule('tcp', 443, { cidrIpv4: '10.0.0.0/16' })], verdict: 'pass', detail: 'TargetSG: tcp/443 from 10.0.0.0/16' },
    { name: 'CIDR peer not containing the source', rules: [rule('tcp', 443, { cidrIpv4: '192.168.0.0/16' })], verdict: 'drop', detail: 'TargetSG: no inbound rule allows tcp/443 from 10.0.2.10' },
    { name: 'port range covering the port', rules: [rule('tcp', [400, 500], { cidrIpv4: '0.0.0.0/0' })], verdict: 'pass', detail: 'TargetSG: tcp/400-500 from 0.0.0.0/0' },
    { name: 'wrong port', rules: [rule('tcp', 22, { cidrIpv4: '0.0.0.0/0' })], verdict: 'drop' },
    { name: 'all traffic', rules: [rule('-1', undefined, { cidrIpv4: '0.0.0.0/0' })], verdict: 'pass', detail: 'TargetSG: all traffic from 0.0.0.0/0' },
    { name: 'protocol by number (6 is tcp)', rules: [rule('6', 443, { cidrIpv4: '0.0.0.0/0' })], verdict: 'pass' },
    { name: 'a group the source belongs to', rules: [rule('tcp', 443, { peerGroupId: 'sg-client' })], groups: ['sg-client'], verdict: 'pass', detail: 'TargetSG: tcp/443 from sg-client (ClientSG)' },
    { name: 'a group the source does not belong to', rules: [rule('tcp', 443, { peerGroupId: 'sg-client' })], groups: ['sg-other'], verdict: 'drop' },
    { name: 'a prefix list holding the source', rules: [rule('tcp', 443, { prefixListId: 'pl-corp' })], verdict: 'pass', detail: 'TargetSG: tcp/443 from pl-corp (corp)' },
    { name: 'a prefix list not in the model', rules: [rule('tcp', 443, { prefixListId: 'pl-missing' })], verdict: 'unknown' },
    { name: 'an unknown CIDR on a matching port', rules: [rule('tcp', 443, { cidrIpv4: unknown('parameter AllowedCidr has no value') })], verdict: 'unknown' },
    { name: 'an unknown CIDR on another port does not matter', rules: [rule('tcp', 22, { cidrIpv4: unknown('x') })], verdict: 'drop' },
    { name: 'any allow decides even beside an unknown rule', rules: [rule('tcp', 443, { cidrIpv4: unknown('x') }), rule('tcp', 443, { cidrIpv4: '10.0.0.0/8' })], verdict: 'pass' },
    { name: 'a placeholder peer group', rules: [rule('tcp', 443, { peerGroupId: 'unresolved:Import:ClientSg' })], verdict: 'unknown' },
    { name: 'an IPv6 peer never matches an IPv4 source', rules: [rule('tcp', 443, { cidrIpv6: '::/0' })], verdict: 'drop' },
  ])('$name', ({ rules, groups, verdict, detail }) => {
    const c = run(rules, tcp443, '10.0.2.10', groups ?? [], { prefixLists: [{ id: 'pl-corp', name: 'corp', cidrs: ['10.0.2.0/24'] }] });
    expect(c?.verdict).toBe(verdict);
    expect(c?.hop).toMatchObject({ at: 'Target', elementId: 'eni-t', action: 'ingress' });
    if (detail) expect(c?.hop.detail).toBe(detail);
  });

  it('ICMP rules match on the type (echo request by default)', () => {
    expect(run([rule('icmp', [8, 0], { cidrIpv4: '0.0.0.0/0' })], { protocol: 'icmp' }, '1.2.3.4')?.verdict).toBe('pass');
    expect(run([rule('icmp', [3, -1], { cidrIpv4: '0.0.0.0/0' })], { protocol: 'icmp' }, '1.2.3.4')?.verdict).toBe('drop');
    expect(run([rule('icmp', -1, { cidrIpv4: '0.0.0.0/0' })], { protocol: 'icmp', port: 3 }, '1.2.3.4')?.verdict).toBe('pass');
  });

  it('a group id not in the model makes the answer unknown unless another group allows', () => {
    const m = model({ vpcs: [vpc('vpc-1', '10.0.0.0/16')], subnets: [sn], securityGroups: [sg('sg-t', 'vpc-1', [])] });
    const e = { ...target, securityGroupIds: ['sg-t', 'sg-gone'] };
    const ip = parseAddress('10.0.2.10');
    if (!ip.ok) throw new Error();
    const c = checkSecurityGroups(new ModelIndex(m), e, 'ingress', tcp443, { ip: ip.value, text: '10.0.2.10', groupIds: [] });
    expect(c?.verdict).toBe('unknown');
    if (c?.verdict === 'unknown') expect(c.missing[0]?.fact).toBe('security group sg-gone of Target');
  });

  it('a NAT gateway has no security groups: no check at all', () => {
    const nat = eni('eni-nat', sn, '10.0.1.5', [], { owner: { kind: 'nat-gateway', id: 'nat-1' } });
    const ip = parseAddress('10.0.2.10');
    if (!ip.ok) throw new Error();
    expect(checkSecurityGroups(new ModelIndex(model({})), nat, 'ingress', tcp443, { ip: ip.value, text: 'x', groupIds: [] })).toBeUndefined();
  });
});
