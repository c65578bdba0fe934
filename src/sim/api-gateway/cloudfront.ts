// CloudFront in front of an EDGE custom domain or an edge-optimized API's default name (R26, R28).
import { nameAndId, type ModelIndex } from '../../model/index.js';
import type { Hop } from '../trace.js';
import { missingAuthenticationToken, tlsFailure } from './answers.js';
import { decideApi } from './api-decision.js';
import { bareCloudFrontCause, tlsMismatchCause } from './causes-routing.js';
import { checkTypeAtPublicDoor } from './endpoint-type.js';
import { hostOf, parseHost, sniOf } from './hosts.js';
import { findApi, missingApi, plainHttp, unknownHost } from './lookups.js';
import { answerPublicDomain } from './public-domain.js';
import { Recorder } from './recorder.js';
import { isSigV4Signed, publicKeys } from './request-keys.js';
import { selectStage } from './stage.js';
import { tlsHop, tlsMismatchCaveat } from './tls.js';
import type { Arrival, FrontDoorResult, HttpRequest } from './types.js';

type CloudFrontArrival = Extract<Arrival, { kind: 'cloudfront' }>;

export function answerAtCloudFront(index: ModelIndex, arrival: CloudFrontArrival, request: HttpRequest): FrontDoorResult {
  const rec = new Recorder();
  const distribution = arrival.distributionDomainName.toLowerCase();
  const at = `CloudFront ${distribution}`;
  const by = `CloudFront (${distribution})`;
  const hop = (h: Omit<Hop, 'at' | 'component'>): Hop => ({ at, component: 'cloudfront', ...h });
  if (request.url.protocol === 'http:') return plainHttp(rec, hop({ action: 'tls', verdict: 'unknown', detail: '', rules: [], confidence: 'inferred' }));

  // R26: the distribution of an EDGE custom domain presents that domain's certificate; the distribution behind an
  // edge-optimized API presents the API's default name (*.execute-api.{region}.amazonaws.com).
  const domains = index.edgeDomainNamesOf(distribution);
  const sni = sniOf(request);
  const sniName = parseHost(sni);
  const certNames = ['*.cloudfront.net', ...domains.map((d) => d.domainName)];
  if (!domains.length && sniName.kind === 'default') certNames.push(`*.execute-api.${sniName.region}.amazonaws.com`);
  const tls = tlsHop({ at, component: 'cloudfront', sni, certNames, rules: ['R26'], confidence: 'documented' });
  if (!tls.matched) {
    if (!domains.length && sniName.kind === 'other') return unknownHost(rec, tls.hop, sni);
    rec.add(tls.hop);
    rec.caveat(tlsMismatchCaveat(by));
    return rec.finish(tlsFailure(by, 'inferred'), tlsMismatchCause(sni, by));
  }
  rec.add(tls.hop);

  const signed = isSigV4Signed(request);
  const host = hostOf(request);
  const name = parseHost(host);
  const domain = domains.find((d) => d.domainName === host);
  if (name.kind === 'cloudfront' || (domains.length && !domain)) {
    // R28 (observed): the distribution called by its own name answers 403 Missing Authentication Token.
    rec.add(hop({ action: 'select-api', verdict: 'answer', detail: `${host} names no custom domain this distribution serves`, rules: ['R28'], confidence: 'observed' }));
    rec.caveat('Calling an API Gateway CloudFront distribution by its own name is answered 403 {"message":"Missing Authentication Token"} (observed, R28).', 'R28');
    return rec.finish(missingAuthenticationToken(by, 'observed'), bareCloudFrontCause(host));
  }
  if (domain) {
    rec.add(hop({ action: 'select-api', verdict: 'pass', detail: `${host} is the EDGE custom domain ${nameAndId(domain)} of this distribution`, ...(domain.origin ? { origin: domain.origin } : {}), rules: ['R26'], confidence: 'documented' }));
    return answerPublicDomain(rec, index, domain, request, {
      at, keys: publicKeys(request, domain.region, arrival.sourceIp), signed, way: `through the edge-optimized custom domain ${host} and CloudFront`,
    });
  }
  if (name.kind !== 'default') {
    return unknownHost(rec, hop({ action: 'select-api', verdict: 'unknown', detail: `${host} is not a name this distribution serves in the model`, rules: ['R26'], confidence: 'documented' }), host);
  }
  // The distribution API Gateway runs for an edge-optimized API's default name (R15, R26).
  const api = findApi(index, name.apiId, name.region);
  if (!api) return missingApi(rec, hop({ action: 'select-api', verdict: 'unknown', detail: `${host} names API ${name.apiId}, which is not in the model`, rules: ['R26'], confidence: 'documented' }), name.apiId, name.region);
  rec.add(hop({ action: 'select-api', verdict: 'pass', detail: `${host} is the default name of the edge-optimized API ${nameAndId(api)}`, ...(api.origin ? { origin: api.origin } : {}), rules: ['R15', 'R26'], confidence: 'documented' }));
  const refused = checkTypeAtPublicDoor(rec, api, at);
  if (refused) return refused;
  return decideApi(rec, {
    api, stage: selectStage(api, request.url.pathname), method: request.method.toUpperCase(), byDefaultEndpoint: true,
    keys: publicKeys(request, api.region, arrival.sourceIp), signed, way: `through its CloudFront distribution ${distribution}`,
  });
}
