// Property: random names against random models never throw, and every answer is well formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Maybe, RecordSet } from '../../model/index.js';
import { unknown } from '../../model/index.js';
import { AddressBook } from '../address-book.js';
import { DnsModelBuilder } from './test-fixtures.js';

const LABELS = ['a', 'b', 'api', 'corp', 'pub1111111', 'prv2222222', 'd-abc', 'vpce-00000000000000002', 'prv2222222-vpce-00000000000000002', '*'];
const SUFFIXES = [
  'example.com', 'corp.example', 'execute-api.us-east-1.amazonaws.com', 'execute-api.us-west-2.amazonaws.com',
  'execute-api.us-east-1.vpce.amazonaws.com', 'sts.us-east-1.amazonaws.com', 'cloudfront.net', 'amazonaws.com', '',
];
const name = fc.tuple(fc.array(fc.constantFrom(...LABELS), { maxLength: 2 }), fc.constantFrom(...SUFFIXES), fc.boolean(), fc.boolean())
  .map(([labels, suffix, upper, dot]) => {
    const n = [...labels, suffix].filter((l) => l !== '').join('.');
    return `${upper ? n.toUpperCase() : n}${dot ? '.' : ''}`;
  });
const anyName = fc.oneof({ weight: 6, arbitrary: name }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<Maybe<T>> => fc.oneof({ weight: 20, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(unknown('random')) });
const ip = fc.constantFrom('10.0.1.10', '10.0.3.5', '10.1.0.53', '192.0.2.1', '198.51.100.7');

const record: fc.Arbitrary<RecordSet> = fc.record({
  name: maybe(name.map((n) => n.toLowerCase().replace(/\.$/, ''))),
  type: maybe(fc.constantFrom('A' as const, 'CNAME' as const, 'TXT' as const, 'AAAA' as const)),
  values: fc.array(maybe(fc.oneof(ip, name)), { maxLength: 2 }),
  alias: fc.option(fc.record({ dnsName: maybe(name), hostedZoneId: maybe(fc.constantFrom('Z000000000001', 'Z7HUB22UULQXV')) }), { nil: undefined }),
}).map((r) => (r.alias ? r : { name: r.name, type: r.type, values: r.values }));

const spec = fc.record({
  vpcs: fc.array(fc.record({ support: maybe(fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })), hostnames: maybe(fc.boolean()), cidr: fc.constantFrom('10.0.0.0/16', '10.1.0.0/16', 'bad') }), { minLength: 1, maxLength: 2 }),
  endpoints: fc.array(fc.record({ vpc: fc.nat(2), service: fc.constantFrom('execute-api', 'sts', 'ecr.dkr'), privateDns: fc.boolean(), ips: fc.array(ip, { maxLength: 2 }) }), { maxLength: 2 }),
  zones: fc.array(fc.record({ private: fc.boolean(), external: fc.boolean(), zoneName: maybe(fc.constantFrom(...SUFFIXES)), vpc: fc.nat(3), records: fc.array(record, { maxLength: 6 }) }), { maxLength: 3 }),
  rules: fc.array(fc.record({ domain: maybe(fc.constantFrom(...SUFFIXES)), vpc: fc.nat(3), targets: fc.array(maybe(ip), { maxLength: 2 }), type: fc.constantFrom('FORWARD' as const, 'SYSTEM' as const) }), { maxLength: 2 }),
  inbound: fc.array(fc.record({ vpc: fc.nat(1), ip }), { maxLength: 2 }),
  dhcp: fc.option(fc.array(fc.oneof(ip, fc.constant('AmazonProvidedDNS')), { maxLength: 2 }), { nil: undefined }),
  facts: fc.array(fc.record({ name, type: fc.constantFrom('A' as const, 'AAAA' as const, 'CNAME' as const, 'ALIAS' as const), value: fc.oneof(ip, name) }), { maxLength: 10 }),
  apis: fc.array(fc.record({ id: fc.constantFrom('pub1111111', 'prv2222222'), type: maybe(fc.constantFrom('EDGE' as const, 'REGIONAL' as const, 'PRIVATE' as const)), associate: fc.boolean() }), { maxLength: 2 }),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function build(s: Spec) {
  const b = new DnsModelBuilder();
  const vpcs = s.vpcs.map((v, i) => b.vpc(`Vpc${i}`, { cidr: v.cidr, dnsSupport: v.support, dnsHostnames: v.hostnames }));
  const vpcId = (i: number) => (i === 3 ? 'unresolved:missing-vpc' : (vpcs[i] ?? vpcs[0]!).id);
  const endpoints = s.endpoints.map((e, i) => {
    const vpc = vpcs[e.vpc % vpcs.length]!;
    return b.endpoint(vpc, `Endpoint${i}`, { service: e.service, privateDns: e.privateDns, ips: e.ips });
  });
  for (const z of s.zones) {
    if (z.private) b.privateZone('Z', z.zoneName, [vpcId(z.vpc)], z.records);
    else b.model.hostedZones.push({ id: 'Z000000000001', zoneName: z.zoneName, private: false, vpcs: [], records: z.records, external: z.external });
  }
  for (const r of s.rules) b.rule('R', r.domain, [vpcId(r.vpc)], r.targets, r.type);
  for (const i of s.inbound) b.inboundEndpoint(vpcs[i.vpc % vpcs.length]!, 'In', [i.ip]);
  if (s.dhcp) b.dhcp(vpcs[0]!, s.dhcp);
  for (const f of s.facts) b.fact(f.name, f.type, f.value);
  for (const api of s.apis) b.api(api.id, api.type, { vpcEndpointIds: api.associate ? endpoints.map((e) => e.id) : [] });
  return { b, vpc: vpcs[0]! };
}

describe('resolveName (property)', () => {
  it('never throws, and every outcome and step is well formed', () => {
    fc.assert(fc.property(spec, anyName, (s, n) => {
      const { b, vpc } = build(s);
      const res = b.resolve(vpc, n, new AddressBook());
      expect(['addresses', 'nxdomain', 'no-resolver', 'loop', 'unknown']).toContain(res.outcome.kind);
      if (res.outcome.kind === 'addresses') expect(res.outcome.addresses.length).toBeGreaterThan(0);
      if (res.outcome.kind === 'unknown') expect(res.outcome.missing.length).toBeGreaterThan(0);
      expect(res.steps.length).toBeLessThan(200);
      for (const step of res.steps) {
        expect(step.answeredBy).not.toBe('');
        expect(step.why).not.toBe('');
      }
    }), { numRuns: 600 });
  });
});
