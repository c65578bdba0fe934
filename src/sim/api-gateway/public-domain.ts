// A public custom domain name at its front door (REGIONAL at API Gateway's regional edge, EDGE at CloudFront):
// the base path mapping picks API and stage (R28), then API Gateway decides.
import { displayName, isKnown, nameAndId, type DomainName, type ModelIndex } from '../../model/index.js';
import type { RequestContext } from '../policy/index.js';
import type { Hop } from '../trace.js';
import { forbidden } from './answers.js';
import { decideApi } from './api-decision.js';
import { mappingNotFoundCause } from './causes-routing.js';
import { checkTypeAtPublicDoor } from './endpoint-type.js';
import { findApi, missingApi } from './lookups.js';
import { basePathWords, selectMapping } from './mapping.js';
import type { Recorder } from './recorder.js';
import { selectStage } from './stage.js';
import type { FrontDoorResult, HttpRequest } from './types.js';

export interface PublicDoor {
  /** `API Gateway us-east-1` or `CloudFront d123.cloudfront.net`. */
  readonly at: string;
  readonly keys: RequestContext['keys'];
  readonly signed: boolean;
  readonly way: string;
}

export function answerPublicDomain(rec: Recorder, index: ModelIndex, domain: DomainName, request: HttpRequest, door: PublicDoor): FrontDoorResult {
  const pathname = request.url.pathname;
  const selected = selectMapping(domain, pathname);
  const at = displayName(domain);
  if (!selected) {
    rec.add({ at, elementId: domain.id, action: 'mapping', verdict: 'answer', detail: `${domain.domainName} has no base path mapping for ${pathname}`, ...(domain.origin ? { origin: domain.origin } : {}), rules: ['R28'], confidence: 'inferred' });
    rec.caveat('A path no base path mapping covers does not reach any API (R28); the exact answer is not documented, vpcpath shows 403 Forbidden (inferred).', 'R28');
    return rec.finish(forbidden(`API Gateway (${domain.domainName})`, 'inferred'), mappingNotFoundCause(domain, pathname));
  }
  const { mapping, rest } = selected;
  // The mapping hop carries no component: API Gateway's processing starts once the endpoint type fits (R9).
  const mapHop = (h: Pick<Hop, 'verdict' | 'detail'>): Hop => ({
    at, elementId: domain.id, action: 'mapping',
    ...(mapping.origin ? { origin: mapping.origin } : {}), rules: ['R28'], confidence: 'documented', ...h,
  });
  if (!isKnown(mapping.apiId) || (mapping.stage !== undefined && !isKnown(mapping.stage))) {
    const u = !isKnown(mapping.apiId) ? mapping.apiId : (mapping.stage as { reason: string });
    return rec.unknown(mapHop({ verdict: 'unknown', detail: `base path ${basePathWords(mapping)} of ${domain.domainName} maps to an API or stage that is not known` }),
      [{ fact: `base path mapping ${basePathWords(mapping)} of ${nameAndId(domain)}`, reason: u.reason, ...(mapping.origin ? { origin: mapping.origin } : {}) }],
      'Give the mapping\'s RestApiId and Stage known values, or list the mapping in facts.domains.');
  }
  const api = findApi(index, mapping.apiId, domain.region) ?? index.apis.get(mapping.apiId);
  if (!api) {
    return missingApi(rec, mapHop({ verdict: 'unknown', detail: `base path ${basePathWords(mapping)} maps to API ${mapping.apiId}, which is not in the model` }), mapping.apiId, domain.region);
  }
  const fixedStage = mapping.stage;
  rec.add(mapHop({ verdict: 'pass', detail: `${domain.domainName} base path ${basePathWords(mapping)} maps to ${nameAndId(api)}${fixedStage ? `, stage ${fixedStage}` : ''}` }));

  const refused = checkTypeAtPublicDoor(rec, api, door.at);
  if (refused) return refused;
  return decideApi(rec, {
    api, stage: selectStage(api, rest, fixedStage), method: request.method.toUpperCase(), byDefaultEndpoint: false,
    through: domain, keys: door.keys, signed: door.signed, way: door.way,
  });
}
