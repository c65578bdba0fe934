import { describe, expect, it } from 'vitest';
import type { DomainName, Model, PolicyDocument } from '../../model/index.js';
import { answerRequest } from './index.js';
import {
  ACCOUNT, REGION, VPCE, association, domainName, executeApiEndpoint, get, indexOf, outcome, privateApi, viaEndpoint, wellFormed,
} from './test-fixtures.js';
import type { HttpRequest } from './types.js';

// Scenario table rows 33-35 (R25): a private custom domain, its access association, its policy, the mapped API.
const PRV = 'p7r2v9x4ka';
const endpoint = executeApiEndpoint({ privateDnsEnabled: false });
const ledger = privateApi(PRV, 'PrivateApi');
const domainPolicy = (vpce: string): PolicyDocument => ({
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*'] },
    { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': vpce } } },
  ],
});
const privateDomain = (extra: Partial<DomainName> = {}) => domainName('private.example.com', 'PRIVATE',
  [{ basePath: '', apiId: PRV, stage: 'prod' }], { policy: domainPolicy(VPCE), policyOrigin: { file: 'api.yaml', line: 12 }, ...extra });

function run(domain: DomainName, request: HttpRequest, extra: Partial<Model> = {}) {
  const r = answerRequest(indexOf({ apis: [ledger], vpcEndpoints: [endpoint], domainNames: [domain], domainNameAccessAssociations: [association(domain)], ...extra }), viaEndpoint(endpoint), request);
  expect(wellFormed(r)).toEqual([]);
  return r;
}

const REACHED = { reached: true, result: 'reached', via: ['vpc-endpoint', 'api-gateway'], cause: 'ok' };

describe('a private custom domain through the execute-api endpoint (R25)', () => {
  it.each<[string, DomainName, HttpRequest, Partial<Model>, object]>([
    ['33: associated, allowed by the domain and the API', privateDomain(), get('https://private.example.com/'), {}, REACHED],
    ['35: through the endpoint\'s name with a Host header', privateDomain(), get(`https://${VPCE}.execute-api.${REGION}.vpce.amazonaws.com/`, { Host: 'private.example.com' }), {}, REACHED],
    ['34: no access association for this endpoint', privateDomain(), get('https://private.example.com/'), { domainNameAccessAssociations: [] },
      { reached: false, result: 'http', status: 403, via: ['vpc-endpoint'], cause: 'domain-not-associated' }],
    ['an association with another endpoint only', privateDomain(), get('https://private.example.com/'), { domainNameAccessAssociations: [association(privateDomain(), 'vpce-0ffffffffffffffff')] },
      { status: 403, cause: 'domain-not-associated' }],
    ['the domain policy allows another endpoint', privateDomain({ policy: domainPolicy('vpce-0ffffffffffffffff') }), get('https://private.example.com/'), {},
      { status: 403, via: ['vpc-endpoint', 'api-gateway'], cause: 'resource-policy-denied' }],
    ['the domain has no policy in the model (deny-all)', privateDomain({ policy: undefined }), get('https://private.example.com/'), {}, { status: 403, cause: 'resource-policy-denied' }],
    ['an unmapped base path', domainName('private.example.com', 'PRIVATE', [{ basePath: 'ledger', apiId: PRV, stage: 'prod' }], { policy: domainPolicy(VPCE) }),
      get('https://private.example.com/other'), {}, { status: 403, cause: 'stage-or-path-not-found' }],
    ['a mapping without a stage takes it from the path', domainName('private.example.com', 'PRIVATE', [{ basePath: 'ledger', apiId: PRV }], { policy: domainPolicy(VPCE) }),
      get('https://private.example.com/ledger/prod/'), {}, REACHED],
    ['the mapped API\'s policy allows another endpoint', privateDomain(), get('https://private.example.com/'),
      { apis: [privateApi(PRV, 'PrivateApi', { policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0ffffffffffffffff' } } }] } })] },
      { status: 403, errorType: 'AccessDeniedException', cause: 'resource-policy-denied' }],
  ])('%s', (_name, domain, request, extra, expected) => {
    const model = { ...extra };
    if (!('domainNameAccessAssociations' in extra)) Object.assign(model, { domainNameAccessAssociations: [association(domain)] });
    expect(outcome(run(domain, request, model))).toMatchObject(expected);
  });

  it('a missing association says which resource to create', () => {
    const r = run(privateDomain(), get('https://private.example.com/'), { domainNameAccessAssociations: [] });
    expect(r.cause.fix).toContain('DomainNameAccessAssociation');
    expect(r.cause.fix).toContain(VPCE);
    expect(r.caveats.join(' ')).toMatch(/Q7/);
  });

  it('the domain policy is evaluated on the domain\'s execute-api ARN', () => {
    const r = run(privateDomain(), get('https://private.example.com/'));
    const hop = r.hops.find((h) => h.action === 'resource-policy' && h.at === 'ApiDomain');
    expect(hop?.detail).toContain(`arn:aws:execute-api:${REGION}:${ACCOUNT}:/domainnames/private.example.com+abcd1234`);
    expect(hop?.verdict).toBe('pass');
  });

  it('an endpoint policy that allows the API but not the domain is unknown, not guessed', () => {
    const ep = executeApiEndpoint({ privateDnsEnabled: false, policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${PRV}/*` }] } });
    const domain = privateDomain();
    const r = answerRequest(indexOf({ apis: [ledger], vpcEndpoints: [ep], domainNames: [domain], domainNameAccessAssociations: [association(domain)] }), viaEndpoint(ep), get('https://private.example.com/'));
    expect(outcome(r)).toMatchObject({ result: 'unknown', cause: 'missing-facts' });
  });
});
