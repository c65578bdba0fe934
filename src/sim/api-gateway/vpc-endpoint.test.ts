import { describe, expect, it } from 'vitest';
import { unknown, type Api, type Model, type PolicyDocument } from '../../model/index.js';
import { answerRequest } from './index.js';
import {
  ACCOUNT, REGION, VPCE, allowEndpointPolicy, executeApiEndpoint, factsApi, get, httpApi, indexOf, outcome, privateApi,
  restApi, viaEndpoint, wellFormed, domainName,
} from './test-fixtures.js';
import type { HttpRequest } from './types.js';

const PUB = 'k3x9p2w7qa';
const PRV = 'p7r2v9x4ka';
const host = (label: string) => `https://${label}.execute-api.${REGION}.amazonaws.com`;
const VPCE_HOST = `https://${VPCE}.execute-api.${REGION}.vpce.amazonaws.com`;
const endpoint = executeApiEndpoint();

function run(apis: Api[], request: HttpRequest, extra: Partial<Model> = {}, arrival = viaEndpoint(endpoint)) {
  const r = answerRequest(indexOf({ apis, vpcEndpoints: [endpoint], ...extra }), arrival, request);
  expect(wellFormed(r)).toEqual([]);
  return r;
}

const publicApi = restApi(PUB, 'PublicApi');
const ledger = privateApi(PRV, 'PrivateApi');
const denyOthers = (vpce: string): PolicyDocument => ({
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
    { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringNotEquals: { 'aws:SourceVpce': vpce } } },
  ],
});

const FORBIDDEN_AT_ENDPOINT = { reached: false, result: 'http', status: 403, via: ['vpc-endpoint'], cause: 'public-api-via-vpc-endpoint' };
const REACHED = { reached: true, result: 'reached', status: undefined, errorType: undefined, via: ['vpc-endpoint', 'api-gateway'], cause: 'ok' };

describe('the execute-api endpoint: conformance outcomes', () => {
  it.each<[string, Api[], HttpRequest, object]>([
    ['01 public REGIONAL API by its default URL', [publicApi], get(`${host(PUB)}/dev/items`), { ...FORBIDDEN_AT_ENDPOINT, errorType: 'ForbiddenException' }],
    ['04 public EDGE API by its default URL', [restApi(PUB, 'PublicApi', { endpointType: 'EDGE' })], get(`${host(PUB)}/dev/items`), FORBIDDEN_AT_ENDPOINT],
    ['06 a partner\'s API from facts, no stages', [factsApi('a1b2c3d4e5', REGION, 'REGIONAL')], get(`${host('a1b2c3d4e5')}/v1/orders`), { ...FORBIDDEN_AT_ENDPOINT, errorType: 'ForbiddenException' }],
    ['16 an HTTP API by its default URL', [httpApi('h7t7p4a4pi', 'HttpApi')], get(`${host('h7t7p4a4pi')}/items`), { reached: false, via: ['vpc-endpoint'], cause: 'public-api-via-vpc-endpoint' }],
    ['02/07 private API by its default URL', [ledger], get(`${host(PRV)}/prod/`), REACHED],
    ['08 private API by its {api}-{vpce} alias', [privateApi(PRV, 'PrivateApi', { vpcEndpointIds: [VPCE] })], get(`${host(`${PRV}-${VPCE}`)}/prod/`), REACHED],
    ['09 endpoint name with a Host header', [ledger], get(`${VPCE_HOST}/prod/`, { Host: `${PRV}.execute-api.${REGION}.amazonaws.com` }), REACHED],
    ['10 endpoint name with x-apigw-api-id', [ledger], get(`${VPCE_HOST}/prod/`, { 'x-apigw-api-id': PRV }), REACHED],
    ['09 endpoint name with its DNS suffix', [ledger], get(`https://${VPCE}-abcd1234.execute-api.${REGION}.vpce.amazonaws.com/prod/`, { 'x-apigw-api-id': PRV }), REACHED],
  ])('%s', (_name, apis, request, expected) => {
    expect(outcome(run(apis, request))).toMatchObject(expected);
  });

  it('01 explains the capture and points at PrivateDnsEnabled', () => {
    const r = run([publicApi], get(`${host(PUB)}/dev/items`));
    expect(r.answer).toMatchObject({ body: '{"message":"Forbidden"}', confidence: 'observed' });
    expect(r.cause.origin).toEqual(endpoint.privateDnsOrigin);
    expect(r.cause.explanation).toContain('ApiEndpoint');
    expect(r.cause.explanation).toContain('PublicApi');
    expect(r.cause.fix).toMatch(/edge-optimized custom domain/);
    expect(r.cause.fix).toMatch(/\{api-id\}-\{vpce-id\}/);
    expect(r.hops.map((h) => h.action)).toEqual(['tls', 'select-api', 'endpoint-type']);
    expect(r.caveats.join(' ')).toMatch(/observed/);
    expect(r.rules).toEqual(expect.arrayContaining(['R12', 'R13']));
  });

  it('16 says the HTTP API answer is inferred (Q2)', () => {
    const r = run([httpApi('h7t7p4a4pi', 'HttpApi')], get(`${host('h7t7p4a4pi')}/items`));
    expect(r.answer.confidence).toBe('inferred');
    expect(r.answer.errorType).toBeUndefined();
    expect(r.caveats.join(' ')).toMatch(/Q2/);
  });

  it('16 does not offer an HTTP API an edge-optimized custom domain (REST only, R26)', () => {
    const r = run([httpApi('h7t7p4a4pi', 'HttpApi')], get(`${host('h7t7p4a4pi')}/items`));
    expect(r.cause.fix).toMatch(/regional custom domain behind a Route 53 alias/);
    expect(r.cause.fix).not.toMatch(/through an edge-optimized/);
  });

  it('names the endpoint, not private DNS, when a public API is named through the endpoint\'s own name', () => {
    const r = run([publicApi], get(`${VPCE_HOST}/dev/items`, { 'x-apigw-api-id': PUB }));
    expect(outcome(r)).toMatchObject(FORBIDDEN_AT_ENDPOINT);
    expect(r.cause.origin).toEqual(publicApi.endpointTypeOrigin);
  });

  it('notes Q1 when the public API\'s policy names aws:SourceVpce', () => {
    const r = run([restApi(PUB, 'PublicApi', { policy: allowEndpointPolicy() })], get(`${host(PUB)}/dev/items`));
    expect(outcome(r)).toMatchObject(FORBIDDEN_AT_ENDPOINT);
    expect(r.caveats.join(' ')).toMatch(/Q1/);
  });

  it('the reached private API evaluates the policy with the endpoint\'s keys (R20)', () => {
    const r = run([ledger], get(`${host(PRV)}/prod/`));
    const policyHop = r.hops.find((h) => h.action === 'resource-policy');
    expect(policyHop?.detail).toContain(`arn:aws:execute-api:${REGION}:${ACCOUNT}:${PRV}/prod/GET/`);
    expect(policyHop?.detail).toContain('allows it');
    expect(r.hops.map((h) => h.action)).toEqual(['tls', 'select-api', 'endpoint-type', 'endpoint-policy', 'stage', 'method', 'resource-policy', 'integration']);
  });
});

describe('the execute-api endpoint: policies', () => {
  it.each<[string, Api, object]>([
    ['a policy that denies all but another endpoint', privateApi(PRV, 'PrivateApi', { policy: denyOthers('vpce-0ffffffffffffffff') }),
      { status: 403, errorType: 'AccessDeniedException', via: ['vpc-endpoint', 'api-gateway'], cause: 'resource-policy-denied' }],
    ['a policy that denies all but this endpoint', privateApi(PRV, 'PrivateApi', { policy: denyOthers(VPCE) }), REACHED],
    ['R19: a private API without a policy', privateApi(PRV, 'PrivateApi', { policy: undefined }),
      { status: 403, errorType: 'AccessDeniedException', cause: 'resource-policy-denied' }],
    ['R20: aws:SourceIp is not the client\'s address', privateApi(PRV, 'PrivateApi', {
      policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
        { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/16' } } }] },
    }), { status: 403, cause: 'resource-policy-denied' }],
    ['R20: aws:VpcSourceIp is the client\'s address', privateApi(PRV, 'PrivateApi', {
      policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/16' } } }] },
    }), REACHED],
    ['R17: IAM principals do not cover an anonymous caller', privateApi(PRV, 'PrivateApi', {
      policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] },
    }), { status: 403, cause: 'resource-policy-denied' }],
    ['a policy value that is unknown', privateApi(PRV, 'PrivateApi', { policy: allowEndpointPolicy(unknown('parameter EndpointId has no value') as unknown as string) }),
      { result: 'unknown', cause: 'missing-facts' }],
  ])('%s', (_name, api, expected) => {
    expect(outcome(run([api], get(`${host(PRV)}/prod/`)))).toMatchObject(expected);
  });

  it('the access-denied body names the anonymous caller and the ARN (R17) and points at the policy', () => {
    const api = privateApi(PRV, 'PrivateApi', { policy: denyOthers('vpce-0ffffffffffffffff') });
    const r = run([api], get(`${host(PRV)}/prod/`));
    expect(r.answer.body).toBe(`{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:${REGION}:${ACCOUNT}:${PRV}/prod/GET/"}`);
    expect(r.cause.origin).toEqual(api.policyOrigin);
  });

  it('says aws:SourceIp is rewritten when a private API\'s policy uses it', () => {
    const api = privateApi(PRV, 'PrivateApi', { policy: { Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/16' } } }] } });
    expect(run([api], get(`${host(PRV)}/prod/`)).caveats.join(' ')).toMatch(/aws:VpcSourceIp/);
  });

  it.each<[string, PolicyDocument, object]>([
    ['an endpoint policy for another API', { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:${REGION}:${ACCOUNT}:prv9999999/*` }] },
      { status: 403, via: ['vpc-endpoint'], cause: 'endpoint-policy-denied' }],
    ['an endpoint policy for this API', { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${PRV}/*` }] }, REACHED],
    ['an endpoint policy for IAM principals only', { Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'execute-api:Invoke', Resource: '*' }] },
      { status: 403, cause: 'endpoint-policy-denied' }],
  ])('R21: %s', (_name, policy, expected) => {
    const ep = executeApiEndpoint({ policy, policyOrigin: { file: 'net.yaml', line: 80 } });
    const r = answerRequest(indexOf({ apis: [ledger], vpcEndpoints: [ep] }), viaEndpoint(ep), get(`${host(PRV)}/prod/`));
    expect(wellFormed(r)).toEqual([]);
    expect(outcome(r)).toMatchObject(expected);
    if (r.cause.code === 'endpoint-policy-denied') expect(r.cause.origin).toEqual({ file: 'net.yaml', line: 80 });
  });

  it('a SigV4-signed request against a policy naming IAM principals is unknown, not guessed', () => {
    const api = privateApi(PRV, 'PrivateApi', { policy: { Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/App` }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] } });
    const r = run([api], get(`${host(PRV)}/prod/`, { Authorization: 'AWS4-HMAC-SHA256 Credential=AKIA.../execute-api/aws4_request, SignedHeaders=host, Signature=abc' }));
    expect(outcome(r)).toMatchObject({ result: 'unknown', cause: 'missing-facts' });
  });
});

describe('the execute-api endpoint: stage, path, missing facts, TLS', () => {
  it.each<[string, Api[], HttpRequest, Partial<Model>, object]>([
    ['a wrong stage of a private API', [ledger], get(`${host(PRV)}/production/`), {}, { status: 403, via: ['vpc-endpoint', 'api-gateway'], cause: 'stage-or-path-not-found' }],
    ['a wrong path of a private API', [ledger], get(`${host(PRV)}/prod/nothing`), {}, { status: 403, errorType: 'MissingAuthenticationTokenException', cause: 'stage-or-path-not-found' }],
    ['an API not in the model', [], get(`${host('zz99zz99zz')}/prod/`), {}, { result: 'unknown', via: ['vpc-endpoint'], cause: 'missing-facts' }],
    ['resources not known', [privateApi(PRV, 'PrivateApi', { resources: unknown('the API body is in S3') })], get(`${host(PRV)}/prod/`), {}, { result: 'unknown', cause: 'missing-facts' }],
    ['stages not known', [privateApi(PRV, 'PrivateApi', { stages: unknown('the stage comes from another stack') })], get(`${host(PRV)}/prod/`), {}, { result: 'unknown', cause: 'missing-facts' }],
    ['endpoint type not known', [restApi(PUB, 'PublicApi', { endpointType: unknown('parameter EndpointType has no value') })], get(`${host(PUB)}/dev/items`), {}, { result: 'unknown', cause: 'missing-facts' }],
    ['the endpoint\'s own name with no API named', [ledger], get(`${VPCE_HOST}/prod/`), {}, { status: 403, via: ['vpc-endpoint'], cause: 'stage-or-path-not-found' }],
    ['a default name of another Region', [ledger], get(`https://${PRV}.execute-api.us-west-2.amazonaws.com/prod/`), {}, { result: 'tls-failure', cause: 'tls-name-mismatch' }],
    ['Q3: a public REGIONAL custom domain CNAMEd into the endpoint', [publicApi], get('https://api.example.com/items'),
      { domainNames: [domainName('api.example.com', 'REGIONAL', [{ basePath: '', apiId: PUB, stage: 'dev' }], { regionalDomainName: `d-abc123.execute-api.${REGION}.amazonaws.com` })] },
      { result: 'tls-failure', via: ['vpc-endpoint'], cause: 'public-api-via-vpc-endpoint' }],
    ['a custom name the model does not hold', [], get('https://unknown.example.com/'), {}, { result: 'unknown', cause: 'missing-facts' }],
  ])('%s', (_name, apis, request, extra, expected) => {
    expect(outcome(run(apis, request, extra))).toMatchObject(expected);
  });

  it('an API not in the model names the fact to add', () => {
    const r = run([], get(`${host('zz99zz99zz')}/prod/`));
    expect(r.missing[0]?.fact).toBe('facts.apis entry for zz99zz99zz');
    expect(r.cause.fix).toContain('facts.apis');
  });

  it('an endpoint of another service is not API Gateway', () => {
    const sts = executeApiEndpoint({ serviceName: `com.amazonaws.${REGION}.sts` });
    const r = answerRequest(indexOf({ apis: [ledger], vpcEndpoints: [sts] }), viaEndpoint(sts), get(`${host(PRV)}/prod/`));
    expect(outcome(r)).toMatchObject({ result: 'unknown', reached: false });
    expect(r.hops[0]?.detail).toContain('sts');
  });

  it('Q5: an alias for another endpoint arriving here is evaluated here, with a caveat', () => {
    const r = run([privateApi(PRV, 'PrivateApi')], get(`${host(`${PRV}-vpce-0ffffffffffffffff`)}/prod/`));
    expect(outcome(r)).toMatchObject(REACHED);
    expect(r.caveats.join(' ')).toMatch(/Q5/);
  });
});
