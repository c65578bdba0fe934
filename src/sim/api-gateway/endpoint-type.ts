// Whether an API's endpoint type fits the way in: the execute-api endpoint serves PRIVATE APIs only (R12),
// the public front doors serve everything but PRIVATE APIs (R9).
import { conditionKeysUsed } from '../policy/index.js';
import { displayName, isKnown, isUnknown, nameAndId, type Api, type VpcEndpoint } from '../../model/index.js';
import type { Component } from '../trace.js';
import { forbidden } from './answers.js';
import { privateApiOutsideEndpointCause, publicApiViaEndpointCause, typeWords } from './causes-refusals.js';
import type { Recorder } from './recorder.js';
import type { FrontDoorResult } from './types.js';

const FIX_TYPE = 'Give the API\'s EndpointConfiguration in the template, or its endpoint in facts.apis.';

/** At the execute-api endpoint: a public API is refused with 403 by the endpoint itself (R12, R13, Q2, Q9). */
export function checkTypeAtEndpoint(
  rec: Recorder, api: Api, endpoint: VpcEndpoint, capturedByPrivateDns: boolean,
): FrontDoorResult | undefined {
  const at = displayName(endpoint);
  const base = { at, elementId: endpoint.id, action: 'endpoint-type', component: 'vpc-endpoint' as Component };
  const where = api.endpointTypeOrigin ?? api.origin;
  if (api.kind === 'REST' && isUnknown(api.endpointType)) {
    return rec.unknown(
      { ...base, verdict: 'unknown', detail: `the endpoint type of ${nameAndId(api)} is not known: ${api.endpointType.reason}`, rules: ['R12'], confidence: 'documented' },
      [{ fact: `endpoint type of ${nameAndId(api)}`, reason: api.endpointType.reason, ...(where ? { origin: where } : {}) }],
      FIX_TYPE,
    );
  }
  if (api.kind === 'REST' && api.endpointType === 'PRIVATE') {
    rec.add({ ...base, verdict: 'pass', detail: `${displayName(api)} is a PRIVATE API: the endpoint routes it to API Gateway`, ...(where ? { origin: where } : {}), rules: ['R24'], confidence: 'documented' });
    return undefined;
  }
  const v2 = api.kind !== 'REST';
  rec.add({
    ...base, verdict: 'answer',
    detail: `${displayName(api)} is ${typeWords(api)}: an execute-api VPC endpoint routes only to private APIs and answers 403 itself`,
    ...(where ? { origin: where } : {}), rules: v2 ? ['R12', 'R15'] : ['R12', 'R13'], confidence: v2 ? 'inferred' : 'documented',
  });
  if (v2) {
    rec.caveat(`AWS does not document what the endpoint answers for an ${api.kind} API (Q2); vpcpath assumes TLS completes and the endpoint answers 403 as for a public REST API (inferred).`, 'R15');
  } else {
    rec.caveat('The 403 status is documented (R12); its body {"message":"Forbidden"} and x-amzn-ErrorType ForbiddenException are observed, not documented (R13).', 'R13');
  }
  rec.caveat('The API owner\'s gateway response customizations are taken not to apply to this 403, since the endpoint refuses the request before routing it (Q9, inferred).');
  if (isKnown(api.policy) && conditionKeysUsed(api.policy).has('aws:sourcevpce')) {
    rec.caveat(`${displayName(api)}'s resource policy names aws:SourceVpce. One write-up reports that allowing the caller's endpoint there makes a public API reachable through it; AWS says endpoints route only to private APIs, and vpcpath follows AWS (Q1).`);
  }
  const answer = forbidden(`the execute-api VPC endpoint ${at}`, v2 ? 'inferred' : 'observed', v2 ? undefined : 'ForbiddenException');
  return rec.finish(answer, publicApiViaEndpointCause(api, endpoint, capturedByPrivateDns));
}

/** At API Gateway's public front doors (regional, CloudFront): a PRIVATE API is not served (R9). */
export function checkTypeAtPublicDoor(rec: Recorder, api: Api, door: string): FrontDoorResult | undefined {
  const where = api.endpointTypeOrigin ?? api.origin;
  if (api.kind === 'REST' && isUnknown(api.endpointType)) {
    return rec.unknown(
      { at: door, action: 'endpoint-type', verdict: 'unknown', detail: `the endpoint type of ${nameAndId(api)} is not known: ${api.endpointType.reason}`, rules: ['R9'], confidence: 'documented' },
      [{ fact: `endpoint type of ${nameAndId(api)}`, reason: api.endpointType.reason, ...(where ? { origin: where } : {}) }],
      FIX_TYPE,
    );
  }
  if (api.kind === 'REST' && api.endpointType === 'PRIVATE') {
    rec.add({
      at: door, action: 'endpoint-type', verdict: 'answer',
      detail: `${displayName(api)} is a PRIVATE API; API Gateway serves it only through an execute-api VPC endpoint`,
      ...(where ? { origin: where } : {}), rules: ['R9', 'R24'], confidence: 'inferred',
    });
    rec.caveat('AWS documents a 403 for a private API called by its default URL from outside its VPC (KC, R9); for other public paths the answer is derived, and its body is not documented (inferred).', 'R9');
    return rec.finish(forbidden(door, 'inferred'), privateApiOutsideEndpointCause(api, door));
  }
  rec.add({
    at: displayName(api), elementId: api.id, action: 'endpoint-type', verdict: 'pass', component: 'api-gateway',
    detail: `${displayName(api)} is ${typeWords(api)}: served at ${door}`,
    ...(where ? { origin: where } : {}), rules: ['R15'], confidence: 'documented',
  });
  return undefined;
}
