import { describe, expect, it } from 'vitest';
import type { Api, Model } from '../../model/index.js';
import { answerRequest } from './index.js';
import {
  REGION, domainName, factsApi, get, httpApi, indexOf, outcome, privateApi, restApi, viaRegional, wellFormed,
} from './test-fixtures.js';
import type { HttpRequest } from './types.js';

const PUB = 'k3x9p2w7qa';
const host = (label: string, region = REGION) => `https://${label}.execute-api.${region}.amazonaws.com`;
const publicApi = restApi(PUB, 'PublicApi');
const prodApi = restApi(PUB, 'PublicApi', { stages: [{ name: 'prod' }] });

function run(apis: Api[], request: HttpRequest, extra: Partial<Model> = {}, region = REGION) {
  const r = answerRequest(indexOf({ apis, ...extra }), viaRegional(region), request);
  expect(wellFormed(r)).toEqual([]);
  return r;
}

const REACHED = { reached: true, result: 'reached', via: ['api-gateway'], cause: 'ok' };
const regionalDomain = domainName('api.example.com', 'REGIONAL', [{ basePath: 'v1', apiId: PUB, stage: 'dev' }], { regionalDomainName: `d-abc123.execute-api.${REGION}.amazonaws.com` });

describe('API Gateway\'s regional front door', () => {
  it.each<[string, Api[], HttpRequest, Partial<Model>, object]>([
    ['03/11 a public API by its default URL', [publicApi], get(`${host(PUB)}/dev/items`), {}, REACHED],
    ['14 a stage that does not exist', [prodApi], get(`${host(PUB)}/production/items`), {},
      { reached: false, result: 'http', status: 403, errorType: undefined, via: ['api-gateway'], cause: 'stage-or-path-not-found' }],
    ['14 a path the stage does not have', [prodApi], get(`${host(PUB)}/prod/item`), {},
      { status: 403, errorType: 'MissingAuthenticationTokenException', via: ['api-gateway'], cause: 'stage-or-path-not-found' }],
    ['a method the resource does not have', [publicApi], get(`${host(PUB)}/dev/items`, {}, 'POST'), {}, { status: 403, errorType: 'MissingAuthenticationTokenException' }],
    ['15 the default endpoint disabled', [restApi(PUB, 'PublicApi', { disableExecuteApiEndpoint: true })], get(`${host(PUB)}/dev/items`), {},
      { status: 403, errorType: undefined, via: ['api-gateway'], cause: 'default-endpoint-disabled' }],
    ['a private API over the internet', [privateApi('p7r2v9x4ka', 'PrivateApi')], get(`${host('p7r2v9x4ka')}/prod/`), {},
      { reached: false, status: 403, via: [], cause: 'private-api-outside-endpoint' }],
    ['a REGIONAL custom domain, mapped', [publicApi], get('https://api.example.com/v1/items'), { domainNames: [regionalDomain] }, REACHED],
    ['a REGIONAL custom domain, unmapped path', [publicApi], get('https://api.example.com/v2/items'), { domainNames: [regionalDomain] },
      { status: 403, via: [], cause: 'stage-or-path-not-found' }],
    ['a custom domain reaches an API whose default endpoint is disabled', [restApi(PUB, 'PublicApi', { disableExecuteApiEndpoint: true })],
      get('https://api.example.com/v1/items'), { domainNames: [regionalDomain] }, REACHED],
    ['a resource policy that denies by source IP', [restApi(PUB, 'PublicApi', { policy: { Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
      { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }] } })],
    get(`${host(PUB)}/dev/items`), {}, { status: 403, errorType: 'AccessDeniedException', via: ['api-gateway'], cause: 'resource-policy-denied' }],
    ['an API not in the model', [], get(`${host('zz99zz99zz')}/prod/`), {}, { result: 'unknown', cause: 'missing-facts' }],
    ['a custom name not in the model', [], get('https://other.example.com/'), {}, { result: 'unknown', cause: 'missing-facts' }],
    ['an HTTP API on its $default stage', [httpApi('h7t7p4a4pi', 'HttpApi')], get(`${host('h7t7p4a4pi')}/items`), {}, REACHED],
    ['an HTTP API without the route', [httpApi('h7t7p4a4pi', 'HttpApi')], get(`${host('h7t7p4a4pi')}/nothing`), {}, { status: 404, cause: 'stage-or-path-not-found' }],
    ['a greedy resource', [restApi(PUB, 'PublicApi', { resources: [{ path: '/{proxy+}', methods: ['ANY'] }] })], get(`${host(PUB)}/dev/a/b/c`, {}, 'DELETE'), {}, REACHED],
  ])('%s', (_name, apis, request, extra, expected) => {
    expect(outcome(run(apis, request, extra))).toMatchObject(expected);
  });

  it('05 a facts API of another Region, at its own Region\'s front door', () => {
    const r = run([factsApi('w9x8y7z6v5', 'us-west-2', 'REGIONAL', ['prod'])], get(`${host('w9x8y7z6v5', 'us-west-2')}/prod/orders`), {}, 'us-west-2');
    expect(outcome(r)).toMatchObject(REACHED);
  });

  it('a facts API with a stage list refuses other stages', () => {
    const r = run([factsApi('w9x8y7z6v5', REGION, 'REGIONAL', ['prod'])], get(`${host('w9x8y7z6v5')}/dev/orders`));
    expect(outcome(r)).toMatchObject({ status: 403, cause: 'stage-or-path-not-found' });
  });

  it('15 points at DisableExecuteApiEndpoint', () => {
    const api = restApi(PUB, 'PublicApi', { disableExecuteApiEndpoint: true, disableExecuteApiEndpointOrigin: { file: 'api.yaml', line: 9 } });
    const r = run([api], get(`${host(PUB)}/dev/items`));
    expect(r.answer.body).toBe('{"message":"Forbidden"}');
    expect(r.cause.origin).toEqual({ file: 'api.yaml', line: 9 });
  });

  it('14 the stage answer is observed, the path answer documented', () => {
    expect(run([prodApi], get(`${host(PUB)}/production/items`)).answer.confidence).toBe('observed');
    const path = run([prodApi], get(`${host(PUB)}/prod/item`));
    expect(path.answer).toMatchObject({ confidence: 'documented', body: '{"message":"Missing Authentication Token"}' });
  });

  it('a private custom domain name is not served here', () => {
    const domain = domainName('private.example.com', 'PRIVATE', []);
    expect(outcome(run([], get('https://private.example.com/'), { domainNames: [domain] }))).toMatchObject({ result: 'tls-failure', via: [] });
  });
});
