// Finding the API or custom domain a request names, and the missing-fact stops when the model does not hold it.
import type { Api, ModelIndex } from '../../model/index.js';
import type { Hop } from '../trace.js';
import type { Recorder } from './recorder.js';
import type { FrontDoorResult } from './types.js';

/** An API of the model or of facts.apis, by id (API ids are lower case) in a Region. */
export function findApi(index: ModelIndex, apiId: string, region: string): Api | undefined {
  const id = apiId.toLowerCase();
  const exact = index.apis.get(apiId);
  if (exact && exact.region === region) return exact;
  return index.apiByLowerId(id, region);
}

export function missingApi(rec: Recorder, hop: Hop, apiId: string, region: string): FrontDoorResult {
  return rec.unknown(
    hop,
    [{
      fact: `facts.apis entry for ${apiId}`,
      reason: `the request names API ${apiId} in ${region}, which is not in the model, so its kind and endpoint type are not known`,
    }],
    `Add it to facts.apis, e.g. { id: ${apiId}, region: ${region}, kind: REST, endpoint: REGIONAL } with its real kind and ` +
      'endpoint type, or load the template that defines it.',
  );
}

export function unknownHost(rec: Recorder, hop: Hop, host: string): FrontDoorResult {
  return rec.unknown(
    hop,
    [{
      fact: `custom domain name ${host}`,
      reason: `${host} is not an execute-api name, and no custom domain name of that name (for this way in) is in the model`,
    }],
    `Load the template that defines the custom domain name ${host}, or describe it in facts.domains.`,
  );
}

/** API Gateway's front doors serve HTTPS only (R23); what they do with plain HTTP is not documented. */
export function plainHttp(rec: Recorder, hop: Hop): FrontDoorResult {
  return rec.unknown(
    { ...hop, action: 'tls', detail: `${hop.at} serves HTTPS; what it answers to plain HTTP is not documented`, rules: ['R23'], confidence: 'inferred' },
    [{ fact: `the answer of ${hop.at} to plain HTTP`, reason: 'API Gateway serves HTTPS only; AWS does not document what an http:// request gets' }],
    'Call the API with https://.',
  );
}
