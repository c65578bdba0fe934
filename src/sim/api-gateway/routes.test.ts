import { describe, expect, it } from 'vitest';
import type { Api, ApiResource } from '../../model/index.js';
import { unknown } from '../../model/index.js';
import { selectMapping } from './mapping.js';
import { matchRoute } from './routes.js';
import { selectStage } from './stage.js';
import { domainName, factsApi, httpApi, restApi } from './test-fixtures.js';

const resources: ApiResource[] = [
  { path: '/', methods: ['GET'] },
  { path: '/items', methods: ['GET', 'POST'] },
  { path: '/items/{id}', methods: ['GET'] },
  { path: '/items/special', methods: ['PUT'] },
  { path: '/files/{proxy+}', methods: ['ANY'] },
  { path: '/{proxy+}', methods: ['DELETE'] },
];

describe('matchRoute (REST)', () => {
  it.each([
    ['GET', '/', 'match', '/'],
    ['GET', '/items', 'match', '/items'],
    ['POST', '/items/', 'match', '/items'],
    ['GET', '/items/42', 'match', '/items/{id}'],
    ['PUT', '/items/special', 'match', '/items/special'],
    ['GET', '/items/special', 'no-method', '/items/special'],
    ['PATCH', '/files/a/b/c', 'match', '/files/{proxy+}'],
    ['GET', '/files', 'no-method', '/{proxy+}'],
    ['GET', '/files/', 'no-method', '/{proxy+}'],
    ['DELETE', '/x/y', 'match', '/{proxy+}'],
    ['GET', '/x/y', 'no-method', '/{proxy+}'],
    ['GET', '/Items', 'no-method', '/{proxy+}'],
  ])('%s %s -> %s %s', (method, path, kind, resourcePath) => {
    const m = matchRoute(resources, path, method, 'REST');
    expect(m.kind).toBe(kind);
    if (m.kind !== 'no-resource') expect(m.resource.path).toBe(resourcePath);
  });

  it('a more specific resource without the method does not fall back to a greedy one (with a hint)', () => {
    const m = matchRoute([{ path: '/items', methods: ['GET'] }, { path: '/{proxy+}', methods: ['ANY'] }], '/items', 'POST', 'REST');
    expect(m).toMatchObject({ kind: 'no-method', resource: { path: '/items' }, alsoAccepts: { path: '/{proxy+}' } });
  });
});

describe('matchRoute (HTTP)', () => {
  it('chooses among the routes for the method, and $default catches the rest', () => {
    const routes: ApiResource[] = [{ path: '/items', methods: ['GET'] }, { path: '/{proxy+}', methods: ['ANY'] }];
    expect(matchRoute(routes, '/items', 'POST', 'HTTP')).toMatchObject({ kind: 'match', resource: { path: '/{proxy+}' } });
    expect(matchRoute(routes, '/', 'GET', 'HTTP')).toMatchObject({ kind: 'match', resource: { path: '/{proxy+}' } });
    expect(matchRoute([{ path: '/items', methods: ['GET'] }], '/items', 'POST', 'HTTP').kind).toBe('no-resource');
  });
});

describe('selectStage', () => {
  const rest = restApi('a1', 'Api', { stages: [{ name: 'dev' }, { name: 'prod' }] });
  const http = { ...httpApi('h1', 'Http'), stages: [{ name: '$default' }, { name: 'beta' }] } as Api;
  it.each<[string, Api, string, string | undefined, object]>([
    ['REST first segment', rest, '/prod/items', undefined, { kind: 'stage', name: 'prod', path: '/items' }],
    ['REST root of a stage', rest, '/prod/', undefined, { kind: 'stage', name: 'prod', path: '/' }],
    ['REST unknown stage', rest, '/production/items', undefined, { kind: 'no-stage', name: 'production' }],
    ['REST no stage at all', rest, '/', undefined, { kind: 'no-stage', path: '/' }],
    ['a mapping\'s stage', rest, '/items', 'dev', { kind: 'stage', name: 'dev', path: '/items' }],
    ['HTTP $default takes the whole path', http, '/items', undefined, { kind: 'stage', name: '$default', path: '/items' }],
    ['HTTP named stage', http, '/beta/items', undefined, { kind: 'stage', name: 'beta', path: '/items' }],
    ['facts API without stages: any', factsApi('f1', 'us-east-1', 'REGIONAL'), '/v1/orders', undefined, { kind: 'stage', name: 'v1', anyStage: true }],
    ['facts API with stages', factsApi('f1', 'us-east-1', 'REGIONAL', ['prod']), '/v1/orders', undefined, { kind: 'no-stage', name: 'v1' }],
    ['unknown stages', restApi('a1', 'Api', { stages: unknown('from another stack') }), '/prod/', undefined, { kind: 'unknown' }],
  ])('%s', (_name, api, path, fixed, expected) => {
    expect(selectStage(api, path, fixed)).toMatchObject(expected);
  });
});

describe('selectMapping (R28)', () => {
  const domain = domainName('api.example.com', 'REGIONAL', [
    { basePath: '', apiId: 'root' }, { basePath: 'v1', apiId: 'one', stage: 'prod' }, { basePath: 'v1/admin', apiId: 'admin', stage: 'prod' },
  ]);
  it.each([
    ['/v1/items', 'one', '/items'],
    ['/v1', 'one', '/'],
    ['/v1/admin/users', 'admin', '/users'],
    ['/v10/items', 'root', '/v10/items'],
    ['/', 'root', '/'],
  ])('%s -> %s %s', (path, apiId, rest) => {
    expect(selectMapping(domain, path)).toMatchObject({ mapping: { apiId }, rest });
  });

  it('no mapping covers the path', () => {
    expect(selectMapping(domainName('x.example.com', 'REGIONAL', [{ basePath: 'v1', apiId: 'one' }]), '/v2/items')).toBeUndefined();
  });
});

describe('matchRoute without a catch-all', () => {
  it('a path no resource matches', () => {
    expect(matchRoute([{ path: '/items', methods: ['GET'] }, { path: '/files/{proxy+}', methods: ['ANY'] }], '/files', 'GET', 'REST').kind).toBe('no-resource');
  });
});
