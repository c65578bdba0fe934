// A snapshot that could not read something answers `unknown` for the traces that depend on it, naming the call.
import { describe, expect, it } from 'vitest';
import { load, trace } from '../src/index.js';
import type { MissingCollection, Model } from '../src/model/index.js';
import { REPO } from './support/shared.js';

const seed = load([`${REPO}examples/seed/network.yaml`, `${REPO}examples/seed/api.yaml`], {
  region: 'ap-northeast-1', factsFile: `${REPO}examples/seed/facts.yaml`,
});
const publicApi = seed.model.apis.find((a) => a.name === 'PublicApi')!.id;
const url = `https://${publicApi}.execute-api.ap-northeast-1.amazonaws.com/dev/items`;

function withMissing(m: MissingCollection): Model {
  return { ...seed.model, missingCollections: [m] };
}

describe('failed snapshot reads', () => {
  it('a denied ListResolverRules makes a name lookup unknown and names the call', () => {
    const t = trace(withMissing({ collection: 'resolverRules', region: 'ap-northeast-1', account: '111111111111', reason: 'route53resolver ListResolverRules: AccessDeniedException' }), { from: 'AppInstance', url });
    expect(t.answer.result).toBe('unknown');
    expect(t.cause.code).toBe('missing-facts');
    expect(JSON.stringify(t.missing)).toContain('ListResolverRules');
  });

  it('a denied call in another region changes nothing', () => {
    const t = trace(withMissing({ collection: 'resolverRules', region: 'eu-west-1', reason: 'route53resolver ListResolverRules: AccessDeniedException' }), { from: 'AppInstance', url });
    expect(t.answer.status).toBe(403);
    expect(t.cause.code).toBe('public-api-via-vpc-endpoint');
  });

  it('a denied GetRestApis leaves DNS and network standing but the API decision unknown', () => {
    const t = trace(withMissing({ collection: 'apis', region: 'ap-northeast-1', reason: 'apigateway GetRestApis: AccessDeniedException' }), { from: 'AppInstance', url });
    expect(t.answer.result).toBe('unknown');
    expect(t.dns?.outcome.kind).toBe('addresses');
    expect(t.hops.length).toBeGreaterThan(0);
    expect(JSON.stringify(t.missing)).toContain('GetRestApis');
  });
});

describe('failed custom-domain reads', () => {
  const missingAssociations: MissingCollection = { collection: 'domainNameAccessAssociations', region: 'ap-northeast-1', reason: 'apigateway GetDomainNameAccessAssociations: UnexpectedResponse' };

  it('do not matter to a default execute-api URL', () => {
    const t = trace(withMissing(missingAssociations), { from: 'AppInstance', url });
    expect(t.cause.code).toBe('public-api-via-vpc-endpoint');
  });

  it('make a custom domain name unknown, naming the call', () => {
    const t = trace(withMissing(missingAssociations), { from: 'AppInstance', url: 'https://api.example.com/items' });
    expect(t.answer.result).toBe('unknown');
    expect(JSON.stringify(t.missing)).toContain('GetDomainNameAccessAssociations');
  });
});
