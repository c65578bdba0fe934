import { describe, expect, it } from 'vitest';
import { hostOf, parseHost, pathSegments } from './hosts.js';
import { certificateCovers } from './tls.js';

describe('parseHost', () => {
  it.each([
    ['k3x9p2w7qa.execute-api.ap-northeast-1.amazonaws.com', { kind: 'default', apiId: 'k3x9p2w7qa', region: 'ap-northeast-1' }],
    ['K3X9P2W7QA.execute-api.us-east-1.amazonaws.com.', { kind: 'default', apiId: 'k3x9p2w7qa', region: 'us-east-1' }],
    ['p7r2v9x4ka-vpce-0123456789abcdef0.execute-api.us-east-1.amazonaws.com', { kind: 'vpce-alias', apiId: 'p7r2v9x4ka', vpceId: 'vpce-0123456789abcdef0' }],
    ['d-abc123xyz.execute-api.eu-west-1.amazonaws.com', { kind: 'regional-domain-target', region: 'eu-west-1' }],
    ['vpce-0123456789abcdef0-abcd1234.execute-api.us-east-1.vpce.amazonaws.com', { kind: 'vpce', vpceId: 'vpce-0123456789abcdef0', service: 'execute-api' }],
    ['vpce-0123456789abcdef0-abcd1234-us-east-1a.execute-api.us-east-1.vpce.amazonaws.com', { kind: 'vpce', vpceId: 'vpce-0123456789abcdef0' }],
    ['vpce-0123456789abcdef0.execute-api.us-east-1.vpce.amazonaws.com', { kind: 'vpce', vpceId: 'vpce-0123456789abcdef0', region: 'us-east-1' }],
    ['d111111abcdef8.cloudfront.net', { kind: 'cloudfront' }],
    ['api.example.com:443', { kind: 'other', host: 'api.example.com' }],
  ])('%s', (host, expected) => {
    expect(parseHost(host)).toMatchObject(expected);
  });

  it('a Host header overrides the URL host', () => {
    const request = { method: 'GET', url: new URL('https://vpce-1.execute-api.us-east-1.vpce.amazonaws.com/prod/'), headers: { host: 'ABC.execute-api.us-east-1.amazonaws.com' } };
    expect(hostOf(request)).toBe('abc.execute-api.us-east-1.amazonaws.com');
    expect(hostOf({ ...request, headers: {} })).toBe('vpce-1.execute-api.us-east-1.vpce.amazonaws.com');
  });
});

describe('pathSegments', () => {
  it.each([
    ['/', []],
    ['', []],
    ['/prod/', ['prod']],
    ['/prod/items', ['prod', 'items']],
    ['/prod/items/', ['prod', 'items']],
    ['/prod/a%20b', ['prod', 'a b']],
    ['/prod/%E0%A4%A', ['prod', '%E0%A4%A']],
  ])('%j -> %j', (path, expected) => {
    expect(pathSegments(path)).toEqual(expected);
  });
});

describe('certificateCovers (RFC 6125)', () => {
  it.each([
    ['*.execute-api.us-east-1.amazonaws.com', 'abc.execute-api.us-east-1.amazonaws.com', true],
    ['*.execute-api.us-east-1.amazonaws.com', 'a.b.execute-api.us-east-1.amazonaws.com', false],
    ['*.execute-api.us-east-1.amazonaws.com', 'abc.execute-api.us-west-2.amazonaws.com', false],
    ['*.execute-api.us-east-1.amazonaws.com', 'execute-api.us-east-1.amazonaws.com', false],
    ['api.example.com', 'API.example.com', true],
    ['api.example.com', 'www.example.com', false],
  ])('%s covers %s: %s', (cert, name, expected) => {
    expect(certificateCovers(cert, name)).toBe(expected);
  });
});
