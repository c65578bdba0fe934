// API Gateway REST APIs (GetRestApis) with their stages (GetStages) and resources (GetResources, embed=methods).
import { unknown, type ApiResource, type ApiStage, type EndpointType, type Maybe, type Origin } from '../../model/index.js';
import { originInside, originOf, type Build, type Item, type Located } from './context.js';
import type { PreparedKind } from './dispatch.js';
import { bool, named, nameTag, obj, str, strs, type Obj } from './json-read.js';
import { readPolicyString } from './policy.js';

const ENDPOINT_TYPES = new Set(['EDGE', 'REGIONAL', 'PRIVATE']);

/** `endpointConfiguration.types` holds one type; a REST API without one is EDGE (R15). */
export function endpointTypeOf(config: Obj | undefined, origin: Origin): Maybe<EndpointType> {
  const first = strs(config, 'types')[0] ?? strs(config, 'Types')[0];
  if (first === undefined) return 'EDGE';
  const t = first.toUpperCase();
  return ENDPOINT_TYPES.has(t) ? (t as EndpointType) : unknown(`endpoint type ${first} is not EDGE, REGIONAL or PRIVATE`, origin);
}

/**
 * What the per-API answer (`apigateway/restapis/<api-id>/Stages.json`) holds, as PREPARE read it, or why it is
 * unknown.
 */
export function perApi<T>(b: Build, kind: PreparedKind, api: { id: string; scope: Item['scope'] }, service: string, operation: string): T[] | { unknown: string } {
  const here = (scope: Item['scope']) => scope.account === api.scope.account && scope.region === api.scope.region;
  if (!b.answeredOf(kind, api.id).some((a) => here(a.scope))) {
    const failed = b.failures.failure(service, operation, { account: api.scope.account, region: api.scope.region, resource: api.id });
    return { unknown: failed?.reason ?? `${service} ${operation} for ${api.id} is not in the snapshot` };
  }
  return b.prepared<T>(kind, api.id, here);
}

export function readRestApis(b: Build): void {
  for (const item of b.items('RestApis')) {
    const id = str(item.o, 'id');
    if (!id) {
      b.missingField(item, 'id');
      continue;
    }
    const origin = b.origin(item, id);
    const config = obj(item.o, 'endpointConfiguration');
    const endpointTypeOrigin = b.originIn(item, 'endpointConfiguration', `${item.path}.endpointConfiguration`);
    const policyText = str(item.o, 'policy');
    // Where the policy is written, looked for only when there is one (else the search runs on through the file).
    const policyOrigin = policyText === undefined ? undefined : b.originIn(item, 'policy', `${item.path}.policy`);
    const policy = policyOrigin && readPolicyString(policyText, `the resource policy of ${id}`, policyOrigin);
    const api = { id, scope: item.scope };
    const stages = perApi<ApiStage>(b, 'RestStages', api, 'apigateway', 'GetStages');
    const resources = perApi<ApiResource>(b, 'RestResources', api, 'apigateway', 'GetResources');
    b.model.apis.push({
      id, ...named(nameTag(item.o) ?? str(item.o, 'name')), origin, kind: 'REST', region: item.scope.region, account: item.scope.account,
      endpointType: endpointTypeOf(config, endpointTypeOrigin), endpointTypeOrigin,
      vpcEndpointIds: strs(config, 'vpcEndpointIds'),
      ...(policy !== undefined ? { policy, policyOrigin } : {}),
      disableExecuteApiEndpoint: bool(item.o, 'disableExecuteApiEndpoint') ?? false,
      disableExecuteApiEndpointOrigin: b.originIn(item, 'disableExecuteApiEndpoint', `${item.path}.disableExecuteApiEndpoint`),
      stages: Array.isArray(stages) ? stages : unknown(stages.unknown, origin),
      resources: Array.isArray(resources) ? resources : unknown(resources.unknown, origin),
    });
  }
}

/** A stage of GetStages (PREPARE). */
export function restStage(item: Located): ApiStage[] {
  const name = str(item.o, 'stageName');
  return name ? [{ name, origin: originOf(item, name) }] : [];
}

/** A resource of GetResources and the methods it has (`resourceMethods` keys, `ANY` kept as written), PREPARE. */
export function restResource(item: Located): ApiResource[] {
  const path = str(item.o, 'path');
  if (!path) return [];
  const methods = Object.keys(obj(item.o, 'resourceMethods') ?? {}).map((m) => m.toUpperCase());
  return [{ path, methods, origin: originInside(item, path, item.path) }];
}
