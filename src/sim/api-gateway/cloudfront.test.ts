import { describe, expect, it } from 'vitest';
import type { Api, Model } from '../../model/index.js';
import { answerRequest } from './index.js';
import { REGION, domainName, get, indexOf, outcome, restApi, viaCloudFront, wellFormed } from './test-fixtures.js';
import type { HttpRequest } from './types.js';

const PUB = 'k3x9p2w7qa';
const DIST = 'd111111abcdef8.cloudfront.net';
const publicApi = restApi(PUB, 'PublicApi');
const edgeDomain = domainName('api.example.com', 'EDGE', [{ basePath: '', apiId: PUB, stage: 'dev' }], { distributionDomainName: DIST });

function run(apis: Api[], request: HttpRequest, extra: Partial<Model> = {}, distribution = DIST) {
  const r = answerRequest(indexOf({ apis, domainNames: [edgeDomain], ...extra }), viaCloudFront(distribution), request);
  expect(wellFormed(r)).toEqual([]);
  return r;
}

const REACHED = { reached: true, result: 'reached', via: ['cloudfront', 'api-gateway'], cause: 'ok' };

describe('CloudFront in front of an EDGE custom domain or an edge-optimized API', () => {
  it.each<[string, Api[], HttpRequest, Partial<Model>, string, object]>([
    ['02/17 the EDGE custom domain maps / to the API\'s dev stage', [publicApi], get('https://api.example.com/items'), {}, DIST, REACHED],
    ['a path the API does not have', [publicApi], get('https://api.example.com/nothing'), {}, DIST,
      { status: 403, errorType: 'MissingAuthenticationTokenException', via: ['cloudfront', 'api-gateway'], cause: 'stage-or-path-not-found' }],
    ['R28: the distribution called by its own name', [publicApi], get(`https://${DIST}/items`), {}, DIST,
      { status: 403, errorType: 'MissingAuthenticationTokenException', via: ['cloudfront'], cause: 'stage-or-path-not-found' }],
    ['an EDGE API by its default name at its internal distribution', [restApi(PUB, 'PublicApi', { endpointType: 'EDGE' })],
      get(`https://${PUB}.execute-api.${REGION}.amazonaws.com/dev/items`), {}, 'd0000000000000.cloudfront.net', REACHED],
    ['a name this distribution has no certificate for', [publicApi], get('https://www.example.com/items'), { domainNames: [edgeDomain, domainName('www.example.com', 'EDGE', [], { distributionDomainName: 'd2.cloudfront.net' })] }, DIST,
      { result: 'tls-failure', via: ['cloudfront'], cause: 'tls-name-mismatch' }],
    ['an EDGE domain that is not in the model', [publicApi], get('https://shop.example.org/items'), { domainNames: [] }, 'd9.cloudfront.net',
      { result: 'unknown', cause: 'missing-facts' }],
    ['the mapped API is not in the model', [], get('https://api.example.com/items'), {}, DIST, { result: 'unknown', cause: 'missing-facts' }],
  ])('%s', (_name, apis, request, extra, distribution, expected) => {
    expect(outcome(run(apis, request, extra, distribution))).toMatchObject(expected);
  });

  it('the reached request names the custom domain in its explanation', () => {
    const r = run([publicApi], get('https://api.example.com/items'));
    expect(r.cause.explanation).toContain('api.example.com');
    expect(r.hops.map((h) => h.action)).toEqual(['tls', 'select-api', 'mapping', 'endpoint-type', 'stage', 'method', 'resource-policy', 'integration']);
  });
});
