// Customer private zones, Resolver rules and public zones at the VPC resolver (R5, R6, R9), table-driven.
import { describe, expect, it } from 'vitest';
import type { DnsCase, DnsModelBuilder as Builder } from './test-fixtures.js';
import { a, alias, cname, dnsCaseMismatches, SEED_ENDPOINT_IPS, seedVpc as seed } from './test-fixtures.js';

const EP_IPS = SEED_ENDPOINT_IPS;

const cases: DnsCase[] = [
  { title: 'customer zone for execute-api shadows a public API: NXDOMAIN, no fallback (scenario 12, R5b)',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: scenario12,
    expect: { kind: 'nxdomain', source: 'private-zone', recordTypes: ['NXDOMAIN'], why: /no fallback to public DNS \(R5b\)/ } },
  { title: 'the same zone\'s alias to the endpoint\'s regional name answers the private API (scenario 12)',
    name: 'prv2222222.execute-api.us-east-1.amazonaws.com', setup: scenario12,
    expect: { kind: 'addresses', source: 'private-zone', addresses: EP_IPS, recordTypes: ['ALIAS', 'A'], rules: ['R5', 'R29'] } },
  { title: 'the most specific private zone answers (R5a)',
    name: 'x.api.corp.example', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Corp', 'corp.example', [v.id], [a('*.corp.example', '10.9.9.9')]);
      b.privateZone('ApiCorp', 'api.corp.example', [v.id], [a('api.corp.example', '10.8.8.8')]);
      return v;
    },
    expect: { kind: 'nxdomain', source: 'private-zone', why: /api\.corp\.example is the most specific/ } },
  { title: 'a wildcard of the less specific zone answers names the other zone does not cover',
    name: 'db.corp.example', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Corp', 'corp.example', [v.id], [a('*.corp.example', '10.9.9.9')]);
      b.privateZone('ApiCorp', 'api.corp.example', [v.id], []);
      return v;
    },
    expect: { kind: 'addresses', source: 'private-zone', addresses: ['10.9.9.9'], why: /\(wildcard\)/ } },
  { title: 'a private zone not associated with this VPC does not answer',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Other', 'execute-api.us-east-1.amazonaws.com', ['vpc-other'], []);
      return v;
    },
    expect: { kind: 'addresses', source: 'public' } },
  { title: 'a customer zone more specific than the hidden zone wins, inferred (Q4)',
    name: 'prv2222222.execute-api.us-east-1.amazonaws.com', setup: (b) => {
      const v = seed(b);
      b.privateZone('PrvZone', 'prv2222222.execute-api.us-east-1.amazonaws.com', [v.id], [a('prv2222222.execute-api.us-east-1.amazonaws.com', '10.5.5.5')]);
      return v;
    },
    expect: { kind: 'addresses', source: 'private-zone', addresses: ['10.5.5.5'], confidence: 'inferred', why: /Q4/ } },
  { title: 'a FORWARD rule wins over a private zone of the same domain (R5d, R6)',
    name: 'app.corp.example', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Corp', 'corp.example', [v.id], [a('app.corp.example', '10.9.9.9')]);
      b.rule('OnPrem', 'corp.example', [v.id], ['192.168.0.53']);
      b.fact('app.corp.example', 'A', '192.168.10.10');
      return v;
    },
    expect: { kind: 'addresses', source: 'resolver-rule', addresses: ['192.168.10.10'], confidence: 'inferred',
      why: /chosen over private hosted zone corp\.example \(Corp\).*R5d.*assume it answers as facts\.dns says/ } },
  { title: 'a FORWARD rule to a server outside the model without facts: unknown',
    name: 'app.corp.example', setup: (b) => { const v = b.vpc(); b.rule('OnPrem', 'corp.example', [v.id], ['192.168.0.53']); return v; },
    expect: { kind: 'unknown', fact: /facts\.dns record for app\.corp\.example/ } },
  { title: 'a FORWARD rule for execute-api overrides the hidden zone, inferred (Q4)',
    name: 'pub1111111.execute-api.us-east-1.amazonaws.com', setup: (b) => {
      const v = seed(b);
      b.rule('Steer', 'execute-api.us-east-1.amazonaws.com', [v.id], ['192.168.0.53']);
      b.fact('pub1111111.execute-api.us-east-1.amazonaws.com', 'A', '198.51.100.99');
      return v;
    },
    expect: { kind: 'addresses', source: 'resolver-rule', addresses: ['198.51.100.99'], why: /Q4/ } },
  { title: 'a FORWARD rule to an inbound endpoint: that VPC\'s resolver answers (R9)',
    name: 'prv2222222.execute-api.us-east-1.amazonaws.com', setup: (b) => {
      const client = b.vpc('Client', { cidr: '10.1.0.0/16' });
      const hub = b.vpc('Hub');
      b.endpoint(hub, 'HubEndpoint');
      b.inboundEndpoint(hub, 'Inbound', ['10.0.3.5']);
      b.rule('ToHub', 'execute-api.us-east-1.amazonaws.com', [client.id], ['10.0.3.5']);
      return client;
    },
    expect: { kind: 'addresses', source: 'endpoint-private-dns', addresses: EP_IPS, recordTypes: ['NONE', 'A'], rules: ['R9'] } },
  { title: 'a SYSTEM rule under a FORWARD rule makes the resolver answer itself (R6)',
    name: 'db.internal.corp.example', setup: (b) => {
      const v = b.vpc();
      b.rule('OnPrem', 'corp.example', [v.id], ['192.168.0.53']);
      b.rule('Local', 'internal.corp.example', [v.id], [], 'SYSTEM');
      b.privateZone('Corp', 'corp.example', [v.id], [a('db.internal.corp.example', '10.7.7.7')]);
      return v;
    },
    expect: { kind: 'addresses', source: 'private-zone', addresses: ['10.7.7.7'], why: /resolver answers the name itself \(R6\)/ } },
  { title: 'a CNAME loop is detected',
    name: 'a.corp.example', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Corp', 'corp.example', [v.id], [cname('a.corp.example', 'b.corp.example'), cname('b.corp.example', 'a.corp.example')]);
      return v;
    },
    expect: { kind: 'loop' } },
  { title: 'a chain longer than 16 names is a loop',
    name: 'n0.corp.example', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Corp', 'corp.example', [v.id], Array.from({ length: 20 }, (_, i) => cname(`n${i}.corp.example`, `n${i + 1}.corp.example`)));
      return v;
    },
    expect: { kind: 'loop' } },
  { title: 'a public hosted zone of the model without the name: NXDOMAIN',
    name: 'missing.example.com', setup: (b) => { const v = b.vpc(); b.publicZone('Pub', 'example.com', [a('www.example.com', '203.0.113.5')]); return v; },
    expect: { kind: 'nxdomain', source: 'public' } },
  { title: 'a public hosted zone answers its own record',
    name: 'www.example.com', setup: (b) => { const v = b.vpc(); b.publicZone('Pub', 'example.com', [a('www.example.com', '203.0.113.5')]); return v; },
    expect: { kind: 'addresses', source: 'public', addresses: ['203.0.113.5'] } },
  { title: 'a private zone whose VPC association the input cannot tell: unknown, naming it',
    name: 'app.corp.example', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Corp', 'corp.example', [{ kind: 'unknown', reason: 'parameter VpcId' }], [a('app.corp.example', '10.9.9.9')]);
      return v;
    },
    expect: { kind: 'unknown', fact: /VPC associations of hosted zone Corp/ } },
  { title: 'a customer private zone needs both DNS attributes too (R2)',
    name: 'app.corp.example', setup: (b) => {
      const v = b.vpc('Vpc', { dnsHostnames: false });
      b.privateZone('Corp', 'corp.example', [v.id], [a('app.corp.example', '10.9.9.9')]);
      b.fact('app.corp.example', 'A', '203.0.113.9');
      return v;
    },
    expect: { kind: 'addresses', source: 'public', addresses: ['203.0.113.9'], why: /EnableDnsHostnames false/ } },
  { title: 'an alias to another record of the same zone is resolved by Route 53 in that zone',
    name: 'www.corp.example', setup: (b) => {
      const v = b.vpc();
      b.privateZone('Corp', 'corp.example', [v.id], [alias('www.corp.example', 'app.corp.example'), a('app.corp.example', '10.9.9.9')]);
      return v;
    },
    expect: { kind: 'addresses', source: 'private-zone', addresses: ['10.9.9.9'], recordTypes: ['ALIAS', 'A'] } },
  { title: 'a name in a zone outside the model (public or private?): unknown',
    name: 'api.example.com', setup: (b) => { const v = b.vpc(); b.publicZone('Ext', 'example.com', [a('api.example.com', '203.0.113.5')], true); return v; },
    expect: { kind: 'unknown', fact: /hosted zone Z/ } },
  { title: 'a name in a zone outside the model that facts.dns gives: public, inferred',
    name: 'api.example.com', setup: (b) => {
      const v = b.vpc();
      b.publicZone('Ext', 'example.com', [a('api.example.com', '203.0.113.5')], true);
      b.fact('api.example.com', 'CNAME', 'd77.cloudfront.net');
      return v;
    },
    expect: { kind: 'addresses', source: 'public', owner: 'cloudfront:d77.cloudfront.net', why: /not in the model; taken to be public/ } },
];

function scenario12(b: Builder) {
  const vpc = seed(b, false);
  const ep = b.model.vpcEndpoints[0]!;
  b.api('pub1111111', 'REGIONAL');
  b.api('prv2222222', 'PRIVATE');
  b.privateZone('PrivateZone', 'execute-api.us-east-1.amazonaws.com', [vpc.id], [
    alias('prv2222222.execute-api.us-east-1.amazonaws.com', `${ep.id}-abcd1234.execute-api.us-east-1.vpce.amazonaws.com`, 'Z7HUB22UULQXV'),
  ]);
  return vpc;
}


describe('private zones and Resolver rules', () => {
  it.each(cases)('$title', (c) => {
    expect(dnsCaseMismatches(c)).toEqual([]);
  });
});
