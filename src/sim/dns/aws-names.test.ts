// AWS-owned public names: endpoint-specific vpce names, {api-id}-{vpce-id} aliases, execute-api and CloudFront names.
import { describe, expect, it } from 'vitest';
import { AddressBook } from '../address-book.js';
import type { VpcEndpoint } from '../../model/index.js';
import { madeUpDistribution } from './aws-names.js';
import { DnsModelBuilder } from './test-fixtures.js';

const EP_IPS = ['10.0.1.10', '10.0.2.10'];

interface Case {
  readonly title: string;
  /** The name, given the endpoint (`{ep}` is its id). */
  readonly name: string;
  readonly privateDns?: boolean;
  readonly setup?: (b: DnsModelBuilder, ep: VpcEndpoint) => void;
  readonly kind: 'addresses' | 'nxdomain' | 'unknown';
  readonly source?: string;
  readonly addresses?: string[];
  readonly owner?: string;
  readonly confidence?: string;
  readonly text?: RegExp;
}

const cases: Case[] = [
  { title: 'vpce name without the suffix (templates cannot know it)', name: '{ep}.execute-api.us-east-1.vpce.amazonaws.com',
    kind: 'addresses', source: 'public', addresses: EP_IPS, confidence: 'documented', text: /without the suffix/ },
  { title: 'vpce name with the suffix', name: '{ep}-abcd1234.execute-api.us-east-1.vpce.amazonaws.com',
    kind: 'addresses', source: 'public', addresses: EP_IPS },
  { title: 'vpce names resolve publicly whether or not private DNS is on (R11)', privateDns: true,
    name: '{ep}-abcd1234.execute-api.us-east-1.vpce.amazonaws.com', kind: 'addresses', source: 'public', addresses: EP_IPS },
  { title: 'a zonal vpce name answers the interface in that zone', name: '{ep}-abcd1234-us-east-1b.execute-api.us-east-1.vpce.amazonaws.com',
    kind: 'addresses', addresses: ['10.0.2.10'], text: /us-east-1b zonal/ },
  { title: 'a zonal vpce name of a zone without an interface', name: '{ep}-abcd1234-us-east-1c.execute-api.us-east-1.vpce.amazonaws.com',
    kind: 'nxdomain' },
  { title: 'a vpce name of an endpoint not in the model is unknown', name: 'vpce-0123456789abcdef0.execute-api.us-east-1.vpce.amazonaws.com',
    kind: 'unknown', text: /VPC endpoint vpce-0123456789abcdef0/ },
  { title: 'a vpce name under another service does not exist', name: '{ep}.sts.us-east-1.vpce.amazonaws.com',
    kind: 'nxdomain', confidence: 'inferred' },
  { title: 'a name listed in the endpoint\'s dnsNames', name: 'vpce-listed-x1.execute-api.us-east-1.vpce.amazonaws.com',
    setup: (b, ep) => { (ep as { dnsNames?: string[] }).dnsNames = ['vpce-listed-x1.execute-api.us-east-1.vpce.amazonaws.com']; void b; },
    kind: 'addresses', addresses: EP_IPS },
  { title: '{api}-{vpce} alias of an associated PRIVATE API answers the endpoint (R11)', name: 'prv2222222-{ep}.execute-api.us-east-1.amazonaws.com',
    setup: (b, ep) => { b.api('prv2222222', 'PRIVATE', { vpcEndpointIds: [ep.id] }); },
    kind: 'addresses', source: 'public', addresses: EP_IPS, confidence: 'documented', text: /alias API Gateway creates/ },
  { title: '{api}-{vpce} without the association resolves as any execute-api name (inferred)', name: 'prv2222222-{ep}.execute-api.us-east-1.amazonaws.com',
    setup: (b) => { b.api('prv2222222', 'PRIVATE'); },
    kind: 'addresses', source: 'public', owner: 'api-gateway-regional', confidence: 'inferred' },
  { title: '{api}-{vpce} of an API not in the model is unknown', name: 'zzz9999999-{ep}.execute-api.us-east-1.amazonaws.com',
    kind: 'unknown', text: /facts\.apis entry for zzz9999999/ },
  { title: '{api}-{vpce} naming an endpoint not in the model is unknown', name: 'prv2222222-vpce-0123456789abcdef0.execute-api.us-east-1.amazonaws.com',
    setup: (b) => { b.api('prv2222222', 'PRIVATE', { vpcEndpointIds: ['vpce-0123456789abcdef0'] }); },
    kind: 'unknown', text: /VPC endpoint vpce-0123456789abcdef0/ },
  { title: 'Q5: with private DNS on, the hidden zone\'s wildcard answers {api}-{vpce} first', privateDns: true,
    name: 'prv2222222-{ep}.execute-api.us-east-1.amazonaws.com',
    setup: (b, ep) => { b.api('prv2222222', 'PRIVATE', { vpcEndpointIds: [ep.id] }); },
    kind: 'addresses', source: 'endpoint-private-dns', addresses: EP_IPS, confidence: 'inferred', text: /Q5/ },
  { title: 'Q5 also when the vpce id names an endpoint elsewhere: the local endpoint answers', privateDns: true,
    name: 'prv2222222-vpce-0123456789abcdef0.execute-api.us-east-1.amazonaws.com',
    kind: 'addresses', source: 'endpoint-private-dns', addresses: EP_IPS },
  { title: 'a regional custom domain target d-xxx goes to the regional front door (R27)', name: 'd-abc123xyz.execute-api.eu-west-1.amazonaws.com',
    kind: 'addresses', source: 'public', owner: 'api-gateway-regional:eu-west-1', confidence: 'documented' },
  { title: 'an API with an unknown endpoint type: unknown', name: 'unk0000000.execute-api.us-east-1.amazonaws.com',
    setup: (b) => { b.api('unk0000000', { kind: 'unknown', reason: 'parameter EndpointType' }); },
    kind: 'unknown', text: /endpoint type of/ },
  { title: 'an HTTP API\'s default name goes to the regional front door', name: 'htt4444444.execute-api.us-east-1.amazonaws.com',
    setup: (b) => { b.api('htt4444444', 'REGIONAL', { kind: 'HTTP' }); },
    kind: 'addresses', owner: 'api-gateway-regional:us-east-1', confidence: 'documented' },
  { title: 'a deeper name under execute-api is not an AWS-owned name we know', name: 'a.b.execute-api.us-east-1.amazonaws.com',
    kind: 'unknown', text: /facts\.dns/ },
];

describe('AWS-owned names', () => {
  it.each(cases)('$title', (c) => {
    const b = new DnsModelBuilder();
    const vpc = b.vpc();
    const ep = b.endpoint(vpc, 'ApiEndpoint', { privateDns: c.privateDns ?? false, zones: ['us-east-1a', 'us-east-1b'] });
    c.setup?.(b, ep);
    const book = new AddressBook();
    const res = b.resolve(vpc, c.name.replace('{ep}', ep.id), book);
    const o = res.outcome;
    const dump = JSON.stringify(res, null, 1);
    expect(o.kind, dump).toBe(c.kind);
    if (c.source) expect('source' in o ? o.source : undefined, dump).toBe(c.source);
    if (c.addresses) expect(o.kind === 'addresses' ? o.addresses : undefined).toEqual(c.addresses);
    if (c.owner) {
      const owner = o.kind === 'addresses' && o.addresses[0] ? book.ownerOf(o.addresses[0]) : undefined;
      const key = owner ? `${owner.kind}:${owner.kind === 'api-gateway-regional' ? owner.region : ''}` : '';
      expect(key.startsWith(c.owner), key).toBe(true);
    }
    if (c.confidence) expect(res.steps.at(-1)?.confidence, dump).toBe(c.confidence);
    if (c.text) {
      const texts = [...res.steps.flatMap((s) => [s.why, s.answeredBy]), ...(o.kind === 'unknown' ? o.missing.map((m) => m.fact) : [])];
      expect(texts.some((t) => c.text!.test(t)), dump).toBe(true);
    }
  });
});

describe('madeUpDistribution', () => {
  it('is stable, shaped like a CloudFront name, and differs per API', () => {
    expect(madeUpDistribution('abc1234567')).toBe(madeUpDistribution('abc1234567'));
    expect(madeUpDistribution('abc1234567')).toMatch(/^d[0-9a-z]{13}\.cloudfront\.net$/);
    expect(madeUpDistribution('abc1234567')).not.toBe(madeUpDistribution('abc1234568'));
  });
});
