// Which DNS server the client asks: VPC+2, a custom DHCP server, or a Resolver inbound endpoint (R1, R7, R9).
import { describe, expect, it } from 'vitest';
import { ModelIndex } from '../../model/index.js';
import { chooseResolver, vpcPlusTwo } from './resolver-choice.js';
import { DnsModelBuilder } from './test-fixtures.js';

describe('vpcPlusTwo', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.2'],
    ['172.31.16.0/20', '172.31.16.2'],
    ['10.1.2.3/24', '10.1.2.2'],
    ['192.168.255.0/24', '192.168.255.2'],
  ])('%s -> %s', (cidr, expected) => {
    const b = new DnsModelBuilder();
    expect(vpcPlusTwo(b.vpc('V', { cidr }))).toBe(expected);
  });
  it('is undefined for an unknown or bad CIDR', () => {
    const b = new DnsModelBuilder();
    expect(vpcPlusTwo(b.vpc('V', { cidr: 'nonsense' }))).toBeUndefined();
  });
});

describe('chooseResolver', () => {
  const table: { title: string; servers?: string[]; kind: 'vpc' | 'public-only'; label: RegExp }[] = [
    { title: 'no DHCP options: the VPC resolver', kind: 'vpc', label: /^Route 53 Resolver of Client .*\(10\.1\.0\.2\)$/ },
    { title: 'AmazonProvidedDNS', servers: ['AmazonProvidedDNS', '10.1.0.53'], kind: 'vpc', label: /Route 53 Resolver of Client/ },
    { title: 'the VPC+2 address written out', servers: ['10.1.0.2'], kind: 'vpc', label: /Route 53 Resolver of Client/ },
    { title: '169.254.169.253', servers: ['169.254.169.253'], kind: 'vpc', label: /Route 53 Resolver of Client/ },
    { title: 'a custom server first', servers: ['10.1.0.53', 'AmazonProvidedDNS'], kind: 'public-only', label: /^custom DNS server 10\.1\.0\.53/ },
    { title: 'an inbound endpoint of another VPC', servers: ['10.0.3.5'], kind: 'vpc', label: /inbound endpoint Inbound .* of Hub/ },
  ];
  it.each(table)('$title', ({ servers, kind, label }) => {
    const b = new DnsModelBuilder();
    const client = b.vpc('Client', { cidr: '10.1.0.0/16' });
    const hub = b.vpc('Hub');
    b.inboundEndpoint(hub, 'Inbound', ['10.0.3.5']);
    if (servers) b.dhcp(client, servers);
    const choice = chooseResolver(new ModelIndex(b.model), client);
    expect(choice.at.kind).toBe(kind);
    expect(choice.label).toMatch(label);
  });
  it('an inbound endpoint whose VPC is not in the model is a missing fact', () => {
    const b = new DnsModelBuilder();
    const client = b.vpc('Client');
    b.model.resolverEndpoints.push({ id: 'rslvr-in-1', direction: 'INBOUND', vpcId: 'vpc-gone', ipAddresses: ['10.9.0.5'], networkInterfaceIds: [] });
    b.dhcp(client, ['10.9.0.5']);
    const res = b.resolve(client, 'x.example.com');
    expect(res.outcome.kind).toBe('unknown');
  });
});
