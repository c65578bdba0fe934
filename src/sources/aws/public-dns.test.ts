// Public DNS answers for custom domain names: asked only when wanted, failures kept apart from answers.
import { describe, expect, it } from 'vitest';
import { publicDomainNames, resolvePublicDns, type DnsLookup } from './public-dns.js';

const dnsError = (code: string) => Object.assign(new Error(code), { code });

describe('publicDomainNames', () => {
  it('takes public REST and v2 domain names, not private or wildcard ones', () => {
    expect(publicDomainNames(
      [{ domainName: 'api.example.com', endpointConfiguration: { types: ['EDGE'] } },
        { domainName: 'private.example.com', domainNameId: 'abc123', endpointConfiguration: { types: ['PRIVATE'] } },
        { domainName: '*.example.com' }],
      [{ DomainName: 'http.example.com' }, { DomainName: 'api.example.com' }],
    )).toEqual(['api.example.com', 'http.example.com']);
  });
});

describe('resolvePublicDns', () => {
  it('asks nothing without a lookup (no --resolve-public-dns)', async () => {
    expect(await resolvePublicDns(['api.example.com'], undefined)).toEqual({ PublicDnsAnswers: [] });
  });

  it('records CNAME and A answers, ignores "no record of this type", lists other failures', async () => {
    const lookup: DnsLookup = async (name, type) => {
      if (name === 'api.example.com') {
        if (type === 'CNAME') return ['d111111abcdef8.cloudfront.net'];
        return ['203.0.113.7'];
      }
      if (name === 'apex.example.com' && type === 'CNAME') throw dnsError('ENODATA');
      if (name === 'apex.example.com') return ['198.51.100.1'];
      throw dnsError('ENOTFOUND');
    };
    expect(await resolvePublicDns(['api.example.com', 'apex.example.com', 'gone.example.com'], lookup)).toEqual({
      PublicDnsAnswers: [
        { name: 'api.example.com', type: 'CNAME', value: 'd111111abcdef8.cloudfront.net' },
        { name: 'api.example.com', type: 'A', value: '203.0.113.7' },
        { name: 'apex.example.com', type: 'A', value: '198.51.100.1' },
      ],
      PublicDnsFailures: [
        { name: 'gone.example.com', type: 'CNAME', error: 'ENOTFOUND' },
        { name: 'gone.example.com', type: 'A', error: 'ENOTFOUND' },
      ],
    });
  });
});
