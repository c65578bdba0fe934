// API Gateway's public regional front door, reached over the internet: default execute-api names (R14) and
// REGIONAL custom domain names of its Region (R27, R28). PRIVATE APIs are not served here (R9).
import { nameAndId, type ModelIndex } from '../../model/index.js';
import type { Hop } from '../trace.js';
import { forbidden, tlsFailure } from './answers.js';
import { decideApi } from './api-decision.js';
import { targetNameCalledCause, tlsMismatchCause } from './causes-routing.js';
import { checkTypeAtPublicDoor } from './endpoint-type.js';
import { hostOf, parseHost, sniOf } from './hosts.js';
import { findApi, missingApi, plainHttp, unknownHost } from './lookups.js';
import { answerPublicDomain } from './public-domain.js';
import { Recorder } from './recorder.js';
import { isSigV4Signed, publicKeys } from './request-keys.js';
import { selectStage } from './stage.js';
import { tlsHop, tlsMismatchCaveat } from './tls.js';
import type { Arrival, FrontDoorResult, HttpRequest } from './types.js';

type RegionalArrival = Extract<Arrival, { kind: 'api-gateway-regional' }>;

export function answerAtRegional(index: ModelIndex, arrival: RegionalArrival, request: HttpRequest): FrontDoorResult {
  const rec = new Recorder();
  const { region } = arrival;
  const at = `API Gateway ${region}`;
  const by = `API Gateway's regional endpoint in ${region}`;
  const hop = (h: Omit<Hop, 'at'>): Hop => ({ at, ...h });
  if (request.url.protocol === 'http:') return plainHttp(rec, hop({ action: 'tls', verdict: 'unknown', detail: '', rules: [], confidence: 'inferred' }));

  // TLS: the regional front door holds *.execute-api.{region}.amazonaws.com and its REGIONAL custom domains' names.
  const sni = sniOf(request);
  const domains = index.domainNamesOfType('REGIONAL', region);
  const tls = tlsHop({
    at, sni, certNames: [`*.execute-api.${region}.amazonaws.com`, ...domains.map((d) => d.domainName)],
    rules: ['R14', 'R27'], confidence: 'documented',
  });
  if (!tls.matched) {
    if (parseHost(sni).kind === 'other' && index.domainNamesNamed(sni).length === 0) return unknownHost(rec, tls.hop, sni);
    rec.add(tls.hop);
    rec.caveat(tlsMismatchCaveat(by));
    return rec.finish(tlsFailure(by, 'inferred'), tlsMismatchCause(sni, by));
  }
  rec.add(tls.hop);

  const keys = publicKeys(request, region, arrival.sourceIp);
  const signed = isSigV4Signed(request);
  const way = `through API Gateway's regional endpoint in ${region}`;
  const host = hostOf(request);
  const name = parseHost(host);
  switch (name.kind) {
    case 'default':
    case 'vpce-alias': {
      const api = findApi(index, name.apiId, region);
      if (!api) return missingApi(rec, hop({ action: 'select-api', verdict: 'unknown', detail: `${host} names API ${name.apiId}, which is not in the model`, rules: ['R14'], confidence: 'documented' }), name.apiId, region);
      rec.add(hop({ action: 'select-api', verdict: 'pass', detail: `${host} is the default name of ${nameAndId(api)}`, ...(api.origin ? { origin: api.origin } : {}), rules: ['R14'], confidence: 'documented' }));
      const refused = checkTypeAtPublicDoor(rec, api, at);
      if (refused) return refused;
      return decideApi(rec, {
        api, stage: selectStage(api, request.url.pathname), method: request.method.toUpperCase(), byDefaultEndpoint: true, keys, signed, way,
      });
    }
    case 'regional-domain-target': {
      const domain = index.domainNameByRegionalName(host);
      rec.add(hop({ action: 'select-api', verdict: 'answer', detail: `${host} is a regional custom domain's target name, not a name API Gateway routes on`, rules: ['R27'], confidence: 'inferred' }));
      rec.caveat('What API Gateway answers when a regional custom domain\'s target name is called by itself is not documented; vpcpath shows 403 Forbidden (inferred).', 'R27');
      return rec.finish(forbidden(by, 'inferred'), targetNameCalledCause(host, domain));
    }
    case 'other': {
      const domain = domains.find((d) => d.domainName === host);
      if (!domain) return unknownHost(rec, hop({ action: 'select-api', verdict: 'unknown', detail: `${host} is not a REGIONAL custom domain of ${region} in the model`, rules: ['R27'], confidence: 'documented' }), host);
      rec.add(hop({ action: 'select-api', verdict: 'pass', detail: `${host} is the REGIONAL custom domain ${nameAndId(domain)}`, ...(domain.origin ? { origin: domain.origin } : {}), rules: ['R27'], confidence: 'documented' }));
      return answerPublicDomain(rec, index, domain, request, { at, keys, signed, way: `through the regional custom domain ${host}` });
    }
    default:
      return unknownHost(rec, hop({ action: 'select-api', verdict: 'unknown', detail: `${host} is not a name API Gateway's regional endpoint serves`, rules: ['R14'], confidence: 'inferred' }), host);
  }
}
