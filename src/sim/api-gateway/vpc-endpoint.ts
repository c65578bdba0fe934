// The execute-api interface endpoint as a front door (R31): TLS, API selection (R24), endpoint type (R12),
// endpoint policy (R21), then API Gateway's decision for a private API with the endpoint's condition keys (R20).
import { displayName, isUnknown, nameAndId, type ModelIndex, type VpcEndpoint } from '../../model/index.js';
import type { Component, Hop } from '../trace.js';
import { forbidden, tlsFailure } from './answers.js';
import { decideApi } from './api-decision.js';
import { invokeArn } from './arn.js';
import { publicDomainViaEndpointCause } from './causes-refusals.js';
import { noApiNamedCause, tlsMismatchCause } from './causes-routing.js';
import { checkEndpointPolicy } from './endpoint-policy.js';
import { checkTypeAtEndpoint } from './endpoint-type.js';
import { findApi, missingApi, plainHttp, unknownHost } from './lookups.js';
import { parseHost, sniOf } from './hosts.js';
import { answerPrivateDomain } from './private-domain.js';
import { Recorder } from './recorder.js';
import { endpointKeys, isSigV4Signed } from './request-keys.js';
import { selectAtEndpoint } from './select-at-endpoint.js';
import { selectStage, stageForArn } from './stage.js';
import { tlsHop, tlsMismatchCaveat } from './tls.js';
import type { Arrival, FrontDoorResult, HttpRequest } from './types.js';

type EndpointArrival = Extract<Arrival, { kind: 'vpc-endpoint' }>;

export function answerAtEndpoint(index: ModelIndex, arrival: EndpointArrival, request: HttpRequest): FrontDoorResult {
  const rec = new Recorder();
  const { endpoint } = arrival;
  const at = displayName(endpoint);
  const by = `the execute-api VPC endpoint ${at}`;
  const hop = (h: Omit<Hop, 'at' | 'elementId' | 'component'>): Hop => ({ at, elementId: endpoint.id, component: 'vpc-endpoint' as Component, ...h });

  // Only com.amazonaws.{region}.execute-api endpoints are API Gateway's (R31).
  const service = `com.amazonaws.${endpoint.region}.execute-api`;
  if (endpoint.serviceName !== service) {
    const named = isUnknown(endpoint.serviceName) ? undefined : endpoint.serviceName;
    return rec.unknown(
      hop({ action: 'select-api', verdict: 'unknown', detail: named ? `${at} is an endpoint for ${named}, not for API Gateway (${service})` : `the service of ${at} is not known`, rules: ['R31'], confidence: 'documented' }),
      [{ fact: named ? `what ${named} answers to ${request.method} ${request.url.href}` : `service name of ${nameAndId(endpoint)}`,
        reason: named ? 'vpcpath simulates API Gateway\'s execute-api endpoints only' : (endpoint.serviceName as { reason: string }).reason,
        ...(endpoint.origin ? { origin: endpoint.origin } : {}) }],
      named ? 'Check where this name should resolve: an execute-api request reached an endpoint of another service.' : 'Give the endpoint\'s ServiceName a known value.',
    );
  }
  if (request.url.protocol === 'http:') return plainHttp(rec, hop({ action: 'tls', verdict: 'unknown', detail: '', rules: [], confidence: 'inferred' }));

  // TLS first (R23): the SNI is the URL's host.
  const sni = sniOf(request);
  const privateDomainNames = index.domainNamesOfType('PRIVATE', endpoint.region).map((d) => d.domainName);
  const tls = tlsHop({
    at, elementId: endpoint.id, component: 'vpc-endpoint', sni, ...(endpoint.origin ? { origin: endpoint.origin } : {}),
    certNames: [`*.execute-api.${endpoint.region}.amazonaws.com`, `*.execute-api.${endpoint.region}.vpce.amazonaws.com`, ...(endpoint.dnsNames ?? []), ...privateDomainNames],
    // R4, R11, R24, R25: private APIs are documented to work by these names, so the endpoint presents them.
    rules: ['R4', 'R11', 'R25'], confidence: 'documented',
  });
  if (!tls.matched) return tlsMismatchAtEndpoint(rec, index, endpoint, sni, tls.hop);
  rec.add(tls.hop);

  const keys = endpointKeys(request, endpoint.region, endpoint.id, endpoint.vpcId, arrival.clientIp);
  const signed = isSigV4Signed(request);
  if (arrival.sourceVpcId !== endpoint.vpcId) {
    rec.caveat(`The client is in ${arrival.sourceVpcId}, not in the endpoint's VPC; policies see aws:SourceVpc = ${endpoint.vpcId}, the endpoint's VPC (R20, inferred).`, 'R20');
  }
  const selection = selectAtEndpoint(index, endpoint, request);
  switch (selection.kind) {
    case 'no-api':
      rec.add(hop({ action: 'select-api', verdict: 'answer', detail: `${selection.host} is ${at}'s own name and the request carries no Host or x-apigw-api-id naming an API`, rules: ['R24'], confidence: 'inferred' }));
      rec.caveat('What API Gateway answers when the endpoint\'s own name is called without naming an API is not documented; vpcpath shows 403 Forbidden (inferred).', 'R24');
      return rec.finish(forbidden(by, 'inferred'), noApiNamedCause(selection.host, at));
    case 'unknown-host':
      return unknownHost(rec, hop({ action: 'select-api', verdict: 'unknown', detail: `${selection.host} names no API or custom domain in the model`, rules: ['R24', 'R25'], confidence: 'documented' }), selection.host);
    case 'public-domain':
      rec.add(hop({ action: 'select-api', verdict: 'answer', detail: `${selection.host} is the public ${String(selection.domain.endpointType)} custom domain ${nameAndId(selection.domain)}; the endpoint serves private APIs and private custom domains only`, rules: ['R12', 'R29'], confidence: 'inferred' }));
      rec.caveat('Whether API Gateway behind the endpoint answers a public custom domain name with 403 or something else is not documented (Q3, inferred).', 'R29');
      return rec.finish(forbidden(by, 'inferred'), publicDomainViaEndpointCause(selection.domain, endpoint, false));
    case 'private-domain':
      return answerPrivateDomain(rec, index, endpoint, request, selection.domains, { keys, signed });
    case 'api':
      break;
  }

  const api = findApi(index, selection.apiId, selection.region);
  if (!api) return missingApi(rec, hop({ action: 'select-api', verdict: 'unknown', detail: `${selection.words}: API ${selection.apiId}, which is not in the model`, rules: selection.rules, confidence: 'documented' }), selection.apiId, selection.region);
  rec.add(hop({ action: 'select-api', verdict: 'pass', detail: `${selection.words}: ${nameAndId(api)}`, ...(api.origin ? { origin: api.origin } : {}), rules: selection.rules, confidence: 'documented' }));
  if (selection.aliasVpceId && selection.aliasVpceId !== endpoint.id) {
    rec.caveat(`The name is the alias for ${selection.aliasVpceId}, but the request arrived at ${endpoint.id}; which endpoint API Gateway attributes it to is not documented (Q5). vpcpath evaluates it as arriving at ${endpoint.id}.`);
  }
  if (selection.override) {
    rec.caveat('Naming the API by a Host or x-apigw-api-id header works only if the API (and its custom domain) use endpoint access mode BASIC; with a SecurityPolicy_* policy in STRICT mode it is refused (R18). The model does not carry the access mode (inferred BASIC).', 'R18');
  }

  const capturedByPrivateDns = endpoint.privateDnsEnabled && parseHost(sni).kind === 'default';
  const refused = checkTypeAtEndpoint(rec, api, endpoint, capturedByPrivateDns);
  if (refused) return refused;

  const stage = selectStage(api, request.url.pathname);
  const forArn = stageForArn(stage, request.url.pathname);
  const arn = invokeArn(api, forArn.stage, request.method, forArn.path);
  const denied = checkEndpointPolicy(rec, { endpoint, resources: [arn], target: nameAndId(api), keys, signed });
  if (denied) return denied;

  return decideApi(rec, {
    api, stage, method: request.method.toUpperCase(), byDefaultEndpoint: true, keys, signed,
    way: `through the execute-api endpoint ${nameAndId(endpoint)}`,
  });
}

/** The endpoint presents no certificate for the name: a public custom domain CNAMEd into the endpoint (Q3), or other. */
function tlsMismatchAtEndpoint(rec: Recorder, index: ModelIndex, endpoint: VpcEndpoint, sni: string, hop: Hop): FrontDoorResult {
  const by = `the execute-api VPC endpoint ${displayName(endpoint)}`;
  const kind = parseHost(sni).kind;
  const domain = index.domainNamesNamed(sni).find((d) => d.endpointType === 'REGIONAL' || d.endpointType === 'EDGE');
  if (domain) {
    rec.add(hop);
    rec.caveat('A public custom domain whose name leads to the execute-api endpoint fails; AWS does not document whether as a TLS name mismatch or a 403 (Q3). vpcpath reports the TLS failure, since the endpoint holds no certificate for the name (inferred).', 'R29');
    return rec.finish(tlsFailure(by, 'inferred'), publicDomainViaEndpointCause(domain, endpoint, true));
  }
  if (kind === 'other') {
    return unknownHost(rec, hop, sni);
  }
  rec.add(hop);
  rec.caveat(tlsMismatchCaveat(by), 'R4');
  return rec.finish(tlsFailure(by, 'inferred'), tlsMismatchCause(sni, by, endpoint.origin));
}
