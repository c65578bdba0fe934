// Route 53 Resolver semantics end to end: endpoint private DNS, DNS attributes, DHCP, CNAME and alias chains.
import { describe, expect, it } from 'vitest';
import { AddressBook } from '../address-book.js';
import type { DnsCase } from './test-fixtures.js';
import { a, DnsModelBuilder, dnsCaseMismatches, SEED_ENDPOINT_IPS, seedVpc as seed } from './test-fixtures.js';

const EP_IPS = SEED_ENDPOINT_IPS;

const cases: DnsCase[] = [
  { title: 'hidden zone captures a public API default name in the same Region (R3, R4)',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => seed(b),
    expect: { kind: 'addresses', source: 'endpoint-private-dns', addresses: EP_IPS, confidence: 'documented', rules: ['R3', 'R4'],
      why: /^\*\.execute-api\.us-east-1\.amazonaws\.com, PrivateDnsEnabled: true/ } },
  { title: 'names are case-insensitive and a trailing dot is dropped',
    name: 'PUB1111111.Execute-Api.US-EAST-1.amazonaws.com.', setup: (b) => seed(b),
    expect: { kind: 'addresses', source: 'endpoint-private-dns', addresses: EP_IPS } },
  { title: 'the wildcard covers several labels',
    name: 'a.b.execute-api.us-east-1.amazonaws.com', setup: (b) => seed(b),
    expect: { kind: 'addresses', source: 'endpoint-private-dns' } },
  { title: 'the zone apex is answered too (observed)',
    name: 'execute-api.us-east-1.amazonaws.com', setup: (b) => seed(b),
    expect: { kind: 'addresses', source: 'endpoint-private-dns', confidence: 'observed' } },
  { title: 'another Region is not captured (R4 scoping)',
    name: 'w9x8y7z6v5.execute-api.us-west-2.amazonaws.com', setup: (b) => seed(b),
    expect: { kind: 'addresses', source: 'public', owner: 'api-gateway-regional:us-west-2', confidence: 'inferred' } },
  { title: 'private DNS off: the default name resolves publicly',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => { const v = seed(b, false); b.api('pub1111111', 'REGIONAL'); return v; },
    expect: { kind: 'addresses', source: 'public', owner: 'api-gateway-regional:us-east-1', confidence: 'documented' } },
  { title: 'EnableDnsHostnames false: no override, said as a caveat (R2, Q6)',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com',
    setup: (b) => { const v = b.vpc('Vpc', { dnsHostnames: false }); b.endpoint(v, 'ApiEndpoint'); return v; },
    expect: { kind: 'addresses', source: 'public', confidence: 'inferred', why: /EnableDnsHostnames false.*Q6/ } },
  { title: 'EnableDnsHostnames unknown where it matters: unknown, naming it',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com',
    setup: (b) => { const v = b.vpc('Vpc', { dnsHostnames: { kind: 'unknown', reason: 'parameter HostNames' } }); b.endpoint(v, 'E'); return v; },
    expect: { kind: 'unknown', fact: /EnableDnsHostnames of Vpc/ } },
  { title: 'DNS support off: no resolver (R2)',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => b.vpc('Vpc', { dnsSupport: false }),
    expect: { kind: 'no-resolver', rules: ['R2'], recordTypes: ['NONE'] } },
  { title: 'DNS support unknown: unknown, naming it',
    name: 'x.example.com', setup: (b) => b.vpc('Vpc', { dnsSupport: { kind: 'unknown', reason: 'parameter Dns' } }),
    expect: { kind: 'unknown', fact: /EnableDnsSupport of Vpc/ } },
  { title: 'custom DHCP DNS answers publicly, missing the endpoint\'s private DNS (R7)',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => { const v = seed(b); b.dhcp(v, ['10.0.0.53']); return v; },
    expect: { kind: 'addresses', source: 'public', owner: 'api-gateway-regional:us-east-1', why: /R7/, confidence: 'inferred' } },
  { title: 'DHCP naming AmazonProvidedDNS keeps the VPC resolver',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => { const v = seed(b); b.dhcp(v, ['AmazonProvidedDNS']); return v; },
    expect: { kind: 'addresses', source: 'endpoint-private-dns' } },
  { title: 'DHCP naming an inbound endpoint: that endpoint\'s VPC resolver answers',
    name: 'app.corp.example', setup: (b) => {
      const client = b.vpc('Client', { cidr: '10.1.0.0/16' });
      const hub = b.vpc('Hub');
      b.inboundEndpoint(hub, 'Inbound', ['10.0.3.5']);
      b.privateZone('Corp', 'corp.example', [hub.id], [a('app.corp.example', '10.0.9.9')]);
      b.dhcp(client, ['10.0.3.5']);
      return client;
    },
    expect: { kind: 'addresses', source: 'private-zone', addresses: ['10.0.9.9'], why: /inbound endpoint/ } },
  { title: 'CNAME to cloudfront.net is outside the hidden zone: public (R29)',
    name: 'api.example.com', setup: (b) => { const v = seed(b); b.fact('api.example.com', 'CNAME', 'd123abc.cloudfront.net'); return v; },
    expect: { kind: 'addresses', source: 'public', owner: 'cloudfront:d123abc.cloudfront.net', recordTypes: ['CNAME', 'A'] } },
  { title: 'CNAME to d-xxx.execute-api is captured by the hidden zone (R29, inferred mechanism)',
    name: 'api.example.com', setup: (b) => { const v = seed(b); b.fact('api.example.com', 'CNAME', 'd-abc123.execute-api.us-east-1.amazonaws.com'); return v; },
    expect: { kind: 'addresses', source: 'endpoint-private-dns', addresses: EP_IPS, confidence: 'inferred', rules: ['R29'] } },
  { title: 'ALIAS in facts to d-xxx is answered by Route 53, not captured (R29)',
    name: 'api.example.com', setup: (b) => { const v = seed(b); b.fact('api.example.com', 'ALIAS', 'd-abc123.execute-api.us-east-1.amazonaws.com'); return v; },
    expect: { kind: 'addresses', source: 'public', owner: 'api-gateway-regional:us-east-1', recordTypes: ['ALIAS', 'A'] } },
  { title: 'an unknown name with no answer anywhere: unknown, asking for facts.dns',
    name: 'www.example.org', setup: (b) => b.vpc(),
    expect: { kind: 'unknown', fact: /facts\.dns record for www\.example\.org/ } },
  { title: 'an EDGE API\'s default name leads to CloudFront when not captured',
    name: 'edg3333333.execute-api.us-east-1.amazonaws.com', setup: (b) => { const v = b.vpc(); b.api('edg3333333', 'EDGE'); return v; },
    expect: { kind: 'addresses', source: 'public', owner: 'cloudfront:', rules: ['R26'] } },
  { title: 'an EDGE API\'s default name is captured like any other when private DNS is on (scenario 04)',
    name: 'edg3333333.execute-api.us-east-1.amazonaws.com', setup: (b) => { const v = seed(b); b.api('edg3333333', 'EDGE'); return v; },
    expect: { kind: 'addresses', source: 'endpoint-private-dns', addresses: EP_IPS } },
  { title: 'an STS endpoint captures only sts.<region>.amazonaws.com (R34)',
    name: 'sts.us-east-1.amazonaws.com', setup: (b) => { const v = b.vpc(); b.endpoint(v, 'StsEndpoint', { service: 'sts', ips: ['10.0.5.5'] }); return v; },
    expect: { kind: 'addresses', source: 'endpoint-private-dns', addresses: ['10.0.5.5'], rules: ['R34'] } },
  { title: 'an STS endpoint does not capture execute-api names',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => { const v = b.vpc(); b.endpoint(v, 'StsEndpoint', { service: 'sts' }); return v; },
    expect: { kind: 'addresses', source: 'public' } },
];

describe('resolveName', () => {
  it.each(cases)('$title', (c) => {
    expect(dnsCaseMismatches(c)).toEqual([]);
  });

  it('names the VPC resolver at VPC+2 (R1)', () => {
    const b = new DnsModelBuilder();
    const vpc = b.vpc('Vpc', { cidr: '10.20.0.0/16' });
    expect(b.resolve(vpc, 'x.example.com').resolver).toMatch(/^Route 53 Resolver of Vpc \(vpc-\w+\) \(10\.20\.0\.2\)$/);
  });

  it('points the hidden zone step at PrivateDnsEnabled and names the endpoint', () => {
    const b = new DnsModelBuilder();
    const vpc = seed(b);
    const step = b.resolve(vpc, 'k3x9p2w7qa.execute-api.us-east-1.amazonaws.com').steps[0];
    expect(step?.answeredBy).toMatch(/^the private DNS of ApiEndpoint \(vpce-/);
    expect(step?.origin).toEqual({ file: 'net.yaml', line: 71 });
  });

  it('suggests the record for a custom domain name that has none', () => {
    const b = new DnsModelBuilder();
    const vpc = b.vpc();
    b.model.domainNames.push({ id: 'api.example.com', domainName: 'api.example.com', endpointType: 'EDGE', region: 'us-east-1',
      account: '111111111111', arn: 'arn', distributionDomainName: 'd9.cloudfront.net', mappings: [] });
    const o = b.resolve(vpc, 'api.example.com').outcome;
    expect(o.kind === 'unknown' ? o.missing[0]?.reason : '').toMatch(/type: CNAME, value: d9\.cloudfront\.net/);
  });

  it('gives the same answers on the same book', () => {
    const b = new DnsModelBuilder();
    const vpc = b.vpc();
    const book = new AddressBook();
    const first = b.resolve(vpc, 'abc.execute-api.eu-west-1.amazonaws.com', book);
    const second = b.resolve(vpc, 'ABC.execute-api.eu-west-1.amazonaws.com', book);
    expect(second.outcome).toEqual(first.outcome);
  });
});
