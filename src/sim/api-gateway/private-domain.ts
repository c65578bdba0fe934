// A private custom domain through the execute-api endpoint (R25): access association, base path mapping,
// endpoint policy, the domain's own policy, then the mapped private API's decision.
import {
  displayName, isKnown, isUnknown, nameAndId, type DomainName, type ModelIndex, type VpcEndpoint,
} from '../../model/index.js';
import { mapPolicyResources, type RequestContext } from '../policy/index.js';
import type { Component, Hop } from '../trace.js';
import { accessDenied, forbidden } from './answers.js';
import { decideApi } from './api-decision.js';
import { domainInvokeArn, invokeArn } from './arn.js';
import { domainNotAssociatedCause, domainPolicyDeniedCause } from './causes-refusals.js';
import { mappingNotFoundCause } from './causes-routing.js';
import { checkEndpointPolicy } from './endpoint-policy.js';
import { checkTypeAtEndpoint } from './endpoint-type.js';
import { findApi, missingApi } from './lookups.js';
import { basePathWords, selectMapping } from './mapping.js';
import { isDenial, runPolicy } from './policy-check.js';
import type { Recorder } from './recorder.js';
import { selectStage, stageForArn } from './stage.js';
import type { FrontDoorResult, HttpRequest } from './types.js';

interface Caller {
  readonly keys: RequestContext['keys'];
  readonly signed: boolean;
}

export function answerPrivateDomain(
  rec: Recorder, index: ModelIndex, endpoint: VpcEndpoint, request: HttpRequest, candidates: DomainName[], caller: Caller,
): FrontDoorResult {
  const at = displayName(endpoint);
  const by = `the execute-api VPC endpoint ${at}`;
  const atEndpoint = (h: Omit<Hop, 'at' | 'elementId' | 'component'>): Hop => ({ at, elementId: endpoint.id, component: 'vpc-endpoint' as Component, ...h });

  // R25: the consumer's endpoint needs a domain name access association with the domain's ARN.
  const associationOf = (d: DomainName) => index.accessAssociation(endpoint.id, d.arn);
  const domain = candidates.find((d) => associationOf(d));
  if (!domain) {
    // The index gives this endpoint's associations and those whose endpoint is unknown, in model order.
    const open = index.accessAssociationCandidates(endpoint.id).find((a) => (isUnknown(a.vpcEndpointId) || a.vpcEndpointId === endpoint.id)
      && (isUnknown(a.domainNameArn) || candidates.some((d) => d.arn === a.domainNameArn)));
    const named = candidates[0] as DomainName;
    if (open) {
      const reason = isUnknown(open.domainNameArn) ? open.domainNameArn.reason : isUnknown(open.vpcEndpointId) ? open.vpcEndpointId.reason : '';
      return rec.unknown(
        atEndpoint({ action: 'domain-association', verdict: 'unknown', detail: `whether ${nameAndId(open)} associates ${endpoint.id} with ${named.domainName} is not known`, rules: ['R25'], confidence: 'documented' }),
        [{ fact: `domain name access association ${nameAndId(open)}`, reason, ...(open.origin ? { origin: open.origin } : {}) }],
        'Give the association\'s DomainNameArn and AccessAssociationSource known values.',
      );
    }
    rec.add(atEndpoint({
      action: 'domain-association', verdict: 'answer',
      detail: `${at} has no domain name access association with ${named.domainName} (${named.arn})`,
      ...(named.origin ? { origin: named.origin } : {}), rules: ['R25'], confidence: 'inferred',
    }));
    rec.caveat('AWS lists a missing domain name access association as a cause of failure but not the answer: vpcpath shows 403 Forbidden; it may also show as a TLS failure (Q7, inferred).', 'R25');
    return rec.finish(forbidden(by, 'inferred'), domainNotAssociatedCause(named, endpoint));
  }
  const association = associationOf(domain);
  rec.add(atEndpoint({
    action: 'domain-association', verdict: 'pass',
    detail: `${at} is associated with the private custom domain ${domain.domainName} (${domain.arn})`,
    ...(association?.origin ? { origin: association.origin } : {}), rules: ['R25'], confidence: 'documented',
  }));

  // R28: the base path mapping picks the private API and stage.
  const pathname = request.url.pathname;
  const selected = selectMapping(domain, pathname);
  if (!selected) {
    rec.add(atEndpoint({ action: 'mapping', verdict: 'answer', detail: `${domain.domainName} has no base path mapping for ${pathname}`, ...(domain.origin ? { origin: domain.origin } : {}), rules: ['R28'], confidence: 'inferred' }));
    rec.caveat('The answer to an unmapped path of a custom domain is not documented; vpcpath shows 403 Forbidden (R28, inferred).', 'R28');
    return rec.finish(forbidden(`API Gateway (${domain.domainName})`, 'inferred'), mappingNotFoundCause(domain, pathname));
  }
  const { mapping, rest } = selected;
  const mapHop = (h: Pick<Hop, 'verdict' | 'detail'>): Hop => atEndpoint({ action: 'mapping', ...(mapping.origin ? { origin: mapping.origin } : {}), rules: ['R28'], confidence: 'documented', ...h });
  if (!isKnown(mapping.apiId) || (mapping.stage !== undefined && !isKnown(mapping.stage))) {
    const u = !isKnown(mapping.apiId) ? mapping.apiId : (mapping.stage as { reason: string });
    return rec.unknown(mapHop({ verdict: 'unknown', detail: `base path ${basePathWords(mapping)} of ${domain.domainName} maps to an API or stage that is not known` }),
      [{ fact: `base path mapping ${basePathWords(mapping)} of ${nameAndId(domain)}`, reason: u.reason, ...(mapping.origin ? { origin: mapping.origin } : {}) }],
      'Give the mapping\'s RestApiId and Stage known values.');
  }
  const api = findApi(index, mapping.apiId, domain.region);
  if (!api) return missingApi(rec, mapHop({ verdict: 'unknown', detail: `base path ${basePathWords(mapping)} maps to API ${mapping.apiId}, which is not in the model` }), mapping.apiId, domain.region);
  const fixedStage = mapping.stage;
  rec.add(mapHop({ verdict: 'pass', detail: `base path ${basePathWords(mapping)} maps to ${nameAndId(api)}${fixedStage ? `, stage ${fixedStage}` : ''}` }));

  const refused = checkTypeAtEndpoint(rec, api, endpoint, false);
  if (refused) return refused;

  const stage = selectStage(api, rest, fixedStage);
  const forArn = stageForArn(stage, rest, fixedStage);
  const apiArn = invokeArn(api, forArn.stage, request.method, forArn.path);
  const domainArn = domainInvokeArn(domain);
  const denied = checkEndpointPolicy(rec, { endpoint, resources: [apiArn, domainArn], target: `${domain.domainName} (${nameAndId(api)})`, keys: caller.keys, signed: caller.signed });
  if (denied) return denied;

  const domainDenied = checkDomainPolicy(rec, domain, domainArn, caller);
  if (domainDenied) return domainDenied;

  return decideApi(rec, {
    api, stage, method: request.method.toUpperCase(), byDefaultEndpoint: false, through: domain, keys: caller.keys, signed: caller.signed,
    way: `through the private custom domain ${domain.domainName} and the execute-api endpoint ${nameAndId(endpoint)}`,
  });
}

/** R25: the domain's own execute-api policy; `execute-api:/*` in it names the domain itself (inferred expansion). */
function checkDomainPolicy(rec: Recorder, domain: DomainName, domainArn: string, caller: Caller): FrontDoorResult | undefined {
  const at = displayName(domain);
  const by = `API Gateway (${domain.domainName})`;
  const where = domain.policyOrigin ?? domain.origin;
  const hop = (h: Pick<Hop, 'verdict' | 'detail' | 'confidence'>): Hop => ({
    at, elementId: domain.id, action: 'resource-policy', component: 'api-gateway' as Component, ...(where ? { origin: where } : {}), rules: ['R25'], ...h,
  });
  if (domain.policy === undefined) {
    rec.add(hop({ verdict: 'answer', detail: `${at} has no policy in the model; API Gateway provisions a private custom domain with a deny-all policy`, confidence: 'inferred' }));
    rec.caveat('A private custom domain without a policy in the model is taken to have the deny-all policy API Gateway provisions (R25, inferred).', 'R25');
    return rec.finish(accessDenied(by, domainArn, 'inferred'), domainPolicyDeniedCause(domain, domainArn, '', true));
  }
  if (isUnknown(domain.policy)) {
    return rec.unknown(hop({ verdict: 'unknown', detail: `${at}'s policy is not known: ${domain.policy.reason}`, confidence: 'documented' }),
      [{ fact: `policy of ${nameAndId(domain)}`, reason: domain.policy.reason, ...(where ? { origin: where } : {}) }],
      'Give the domain\'s policy a known value.');
  }
  const expanded = mapPolicyResources(domain.policy, (r) => {
    if (r === 'execute-api:/*' || r === 'execute-api:/') return domainArn;
    return r.startsWith('execute-api:/') ? `${domainArn}/${r.slice('execute-api:/'.length)}` : r;
  });
  const run = runPolicy(expanded, { resource: domainArn, keys: caller.keys, signed: caller.signed });
  const detail = `${at}'s policy on ${domainArn}: ${run.words}`;
  if (run.decision.kind === 'unknown') {
    return rec.unknown(hop({ verdict: 'unknown', detail, confidence: 'documented' }),
      [{ fact: `policy of ${nameAndId(domain)}`, reason: run.decision.reason, ...(where ? { origin: where } : {}) }],
      'Make the domain policy decide without the unknown value.');
  }
  if (isDenial(run.decision)) {
    rec.add(hop({ verdict: 'answer', detail, confidence: 'documented' }));
    rec.caveat('The body of a private custom domain policy denial is not documented; vpcpath shows the R17 access-denied message with the domain\'s ARN (inferred).', 'R25');
    return rec.finish(accessDenied(by, domainArn, 'inferred'), domainPolicyDeniedCause(domain, domainArn, run.words, false));
  }
  rec.add(hop({ verdict: 'pass', detail, confidence: 'documented' }));
  return undefined;
}
