// Network ACL evaluation: rule order, first match, the implicit deny, replies and unknown CIDRs.
import { describe, expect, it } from 'vitest';
import { ModelIndex, unknown, type NetworkAclEntry } from '../../model/index.js';
import { parseAddress } from '../ip/index.js';
import { checkNetworkAcl } from './network-acl.js';
import type { Traffic } from './protocol.js';
import { acl, entry, model, subnet, vpc } from './test-fixtures.js';

const sn = subnet('subnet-a', 'vpc-1', '10.0.1.0/24', 'SubnetA');

function check(entries: NetworkAclEntry[] | undefined, traffic: Traffic, remote: string, direction: 'in' | 'out' = 'in', reply = false) {
  const m = model({ vpcs: [vpc('vpc-1', '10.0.0.0/16')], subnets: [sn], networkAcls: entries ? [acl('acl-a', 'vpc-1', ['subnet-a'], entries)] : [] });
  const ip = parseAddress(remote);
  if (!ip.ok) throw new Error(ip.error);
  return checkNetworkAcl(new ModelIndex(m), { subnet: sn, direction, traffic, remote: { ip: ip.value, text: remote }, action: 'nacl-in', reply });
}

const tcp443: Traffic = { protocol: 'tcp', port: 443 };

describe('checkNetworkAcl', () => {
  it.each([
    {
      name: 'lowest rule number wins, whatever the listing order',
      entries: [entry(200, false, 'allow', '0.0.0.0/0'), entry(100, false, 'deny', '10.0.0.0/8')],
      remote: '10.0.2.5', verdict: 'drop', detail: 'rule 100 deny all from 10.0.0.0/8 (matches tcp/443 from 10.0.2.5)',
    },
    {
      name: 'a rule that does not match falls through to the next',
      entries: [entry(100, false, 'deny', '192.168.0.0/16'), entry(200, false, 'allow', '0.0.0.0/0')],
      remote: '10.0.2.5', verdict: 'pass', detail: 'rule 200 allow all from 0.0.0.0/0',
    },
    {
      name: 'port ranges: a tcp/80 allow does not cover 443, so the implicit deny applies',
      entries: [entry(100, false, 'allow', '0.0.0.0/0', '6', { from: 80, to: 80 })],
      remote: '10.0.2.5', verdict: 'drop', detail: 'rule * deny all: no rule allows tcp/443 from 10.0.2.5',
    },
    {
      name: 'a port range covering 443',
      entries: [entry(100, false, 'allow', '0.0.0.0/0', '6', { from: 1024, to: 65535 }), entry(110, false, 'allow', '10.0.0.0/16', '6', { from: 443, to: 443 })],
      remote: '10.0.2.5', verdict: 'pass', detail: 'rule 110 allow tcp/443 from 10.0.0.0/16',
    },
    {
      name: 'protocol: a udp rule does not cover tcp',
      entries: [entry(100, false, 'allow', '0.0.0.0/0', '17')],
      remote: '10.0.2.5', verdict: 'drop',
    },
    {
      name: 'egress entries do not apply inbound',
      entries: [entry(100, true, 'allow', '0.0.0.0/0')],
      remote: '10.0.2.5', verdict: 'drop',
    },
    {
      name: 'rule 32767 from a snapshot reads as *',
      entries: [entry(32767, false, 'deny', '0.0.0.0/0')],
      remote: '10.0.2.5', verdict: 'drop', detail: 'rule * deny all from 0.0.0.0/0 (matches tcp/443 from 10.0.2.5)',
    },
    {
      name: 'an unknown CIDR before an allow that would also allow: decided',
      entries: [entry(90, false, 'allow', '0.0.0.0/0'), entry(100, false, 'allow', '0.0.0.0/0')].map((e, i) => (i === 0 ? { ...e, cidrBlock: unknown('parameter') } : e)),
      remote: '10.0.2.5', verdict: 'pass',
    },
    {
      name: 'an unknown CIDR on a deny before an allow: unknown',
      entries: [entry(90, false, 'deny', '0.0.0.0/0'), entry(100, false, 'allow', '0.0.0.0/0')].map((e, i) => (i === 0 ? { ...e, cidrBlock: unknown('parameter') } : e)),
      remote: '10.0.2.5', verdict: 'unknown', detail: 'rule 90 deny may match first (its CIDR is not known); otherwise rule 100 allow all from 0.0.0.0/0',
    },
  ])('$name', ({ entries, remote, verdict, detail }) => {
    const c = check(entries, tcp443, remote);
    expect(c.verdict).toBe(verdict);
    expect(c.hop).toMatchObject({ at: 'acl-a', elementId: 'acl-a', verdict });
    if (detail) expect(c.hop.detail).toBe(detail);
    if (c.verdict === 'drop') expect(c.cause).toBe('network-acl-denied');
  });

  it('says when it checks a reply', () => {
    const c = check([entry(100, false, 'allow', '0.0.0.0/0', '6', { from: 1024, to: 65535 })], { protocol: 'tcp', port: 49152 }, '8.8.8.8', 'in', true);
    expect(c.hop.detail).toBe('reply tcp/49152 from 8.8.8.8 (ACLs are stateless): rule 100 allow tcp/1024-65535 from 0.0.0.0/0');
  });

  it('treats a subnet with no ACL in the model as under the default ACL, and says it is inferred', () => {
    const c = check(undefined, tcp443, '10.0.2.5');
    expect(c.verdict).toBe('pass');
    expect(c.hop).toMatchObject({ at: 'SubnetA', confidence: 'inferred' });
  });

  it('an "other protocol" packet meets only all-protocol rules', () => {
    expect(check([entry(100, false, 'allow', '0.0.0.0/0', '6')], { protocol: '-1' }, '1.2.3.4').verdict).toBe('drop');
    expect(check([entry(100, false, 'allow', '0.0.0.0/0', '-1')], { protocol: '-1' }, '1.2.3.4').verdict).toBe('pass');
  });
});
