// Made-up ids have the form AWS gives them and are stable; made-up addresses respect AWS's reserved addresses.
import { describe, expect, it } from 'vitest';
import { AddressPlan } from './addresses.js';
import { cidrSubnets } from './cidr.js';
import { EC2_PREFIXES, MadeUpIds, type Ec2Kind } from './made-up-ids.js';

const ids = new MadeUpIds({ account: '111111111111', region: 'ap-northeast-1', stack: 'net' });

describe('made-up ids', () => {
  it.each(Object.entries(EC2_PREFIXES))('%s: %s- and 17 hex digits', (kind, prefix) => {
    expect(ids.ec2(kind as Ec2Kind, 'Thing')).toMatch(new RegExp(`^${prefix}-[0-9a-f]{17}$`));
  });

  it('zone ids, API ids, CloudFront and regional names; stable per account/region/stack/logical id', () => {
    expect(ids.hostedZone('Zone')).toMatch(/^Z[A-Z0-9]{13,21}$/);
    expect(ids.short('Api', 'rest-api')).toMatch(/^[a-z0-9]{10}$/);
    expect(ids.cloudFrontName('Domain')).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    expect(ids.regionalDomainName('Domain')).toMatch(/^d-[a-z0-9]{10}\.execute-api\.ap-northeast-1\.amazonaws\.com$/);
    expect(ids.ec2('vpc', 'Vpc')).toBe(new MadeUpIds({ account: '111111111111', region: 'ap-northeast-1', stack: 'net' }).ec2('vpc', 'Vpc'));
    expect(ids.ec2('vpc', 'Vpc')).not.toBe(new MadeUpIds({ account: '111111111111', region: 'ap-northeast-1', stack: 'app' }).ec2('vpc', 'Vpc'));
    expect(ids.ec2('vpc', 'Vpc')).not.toBe(ids.ec2('vpc', 'Vpc2'));
  });
});

describe('address plan', () => {
  const plan = () => new AddressPlan((id) => (id === 'small' ? '10.0.0.0/28' : id === 'big' ? '10.0.1.0/24' : id === 'pool' ? { reason: 'from an IPAM pool' } : undefined));

  it('starts at base+10, skips fixed addresses, wraps to base+4, never the last address', () => {
    const p = plan();
    p.reserve('small', '10.0.0.11');
    const got = Array.from({ length: 11 }, () => p.privateIp('small'));
    expect(got).toEqual([
      '10.0.0.10', '10.0.0.12', '10.0.0.13', '10.0.0.14', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7', '10.0.0.8', '10.0.0.9',
      { reason: 'subnet small (10.0.0.0/28) has no free address left' },
    ]);
    expect(plan().privateIp('big')).toBe('10.0.1.10');
  });

  it('a subnet outside the model or with an unknown range gives a reason', () => {
    expect(plan().privateIp('elsewhere')).toEqual({ reason: expect.stringContaining('not in the model') });
    expect(plan().privateIp('pool')).toEqual({ reason: 'from an IPAM pool' });
  });

  it('public addresses come from 203.0.113.0/24, below the simulation\'s internet range', () => {
    const p = plan();
    expect([p.publicIp(), p.publicIp()]).toEqual(['203.0.113.10', '203.0.113.11']);
  });
});

describe('Fn::Cidr', () => {
  it.each([
    ['10.0.0.0/16', 2, 8, ['10.0.0.0/24', '10.0.1.0/24']],
    ['192.168.0.0/24', 4, 6, ['192.168.0.0/26', '192.168.0.64/26', '192.168.0.128/26', '192.168.0.192/26']],
    ['2001:db8::/56', 2, 64, ['2001:db8::/64', '2001:db8:0:1::/64']],
  ] as const)('%s x%d /%d host bits', (block, count, bits, expected) => {
    expect(cidrSubnets(block, count, bits)).toEqual(expected);
  });

  it('rejects blocks that do not fit', () => {
    expect(cidrSubnets('10.0.0.0/24', 2, 8)).toEqual(expect.stringContaining('do not fit'));
    expect(cidrSubnets('nope', 1, 8)).toEqual(expect.stringContaining('not a CIDR'));
  });
});
