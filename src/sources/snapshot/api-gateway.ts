// API Gateway REST APIs (GetRestApis) with their stages (GetStages) and resources (GetResources, embed=methods).
import { unknown, type ApiResource, type ApiStage, type EndpointType, type Maybe, type Origin } from '../../model/index.js';
import type { Build, Item } from './context.js';
import type { Kind } from './dispatch.js';
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

/** The items of the per-API answer (`apigateway/restapis/<api-id>/Stages.json`), or why they are unknown. */
export function perApi(b: Build, kind: Kind, api: { id: string; scope: Item['scope'] }, service: string, operation: string): Item[] | { unknown: string } {
  const here = (a: { scope: Item['scope'] }) => a.scope.account === api.scope.account && a.scope.region === api.scope.region;
  if (!b.answeredOf(kind, api.id).some(here)) {
    const failed = b.failures.failure(service, operation, { account: api.scope.account, region: api.scope.region, resource: api.id });
    return { unknown: failed?.reason ?? `${service} ${operation} for ${api.id} is not in the snapshot` };
  }
  return b.itemsOf(kind, api.id).filter(here);
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
    const policyOrigin = b.originIn(item, 'policy', `${item.path}.policy`);
    const policy = readPolicyString(str(item.o, 'policy'), `the resource policy of ${id}`, policyOrigin);
    const api = { id, scope: item.scope };
    const stages = perApi(b, 'RestStages', api, 'apigateway', 'GetStages');
    const resources = perApi(b, 'RestResources', api, 'apigateway', 'GetResources');
    b.model.apis.push({
      id, ...named(nameTag(item.o) ?? str(item.o, 'name')), origin, kind: 'REST', region: item.scope.region, account: item.scope.account,
      endpointType: endpointTypeOf(config, endpointTypeOrigin), endpointTypeOrigin,
      vpcEndpointIds: strs(config, 'vpcEndpointIds'),
      ...(policy !== undefined ? { policy, policyOrigin } : {}),
      disableExecuteApiEndpoint: bool(item.o, 'disableExecuteApiEndpoint') ?? false,
      disableExecuteApiEndpointOrigin: b.originIn(item, 'disableExecuteApiEndpoint', `${item.path}.disableExecuteApiEndpoint`),
      stages: Array.isArray(stages) ? stages.flatMap((s) => restStage(b, s)) : unknown(stages.unknown, origin),
      resources: Array.isArray(resources) ? resources.flatMap((r) => restResource(b, r)) : unknown(resources.unknown, origin),
    });
  }
}

function restStage(b: Build, item: Item): ApiStage[] {
  const name = str(item.o, 'stageName');
  return name ? [{ name, origin: b.origin(item, name) }] : [];
}

/** A resource and the methods it has (`resourceMethods` keys, `ANY` kept as written). */
function restResource(b: Build, item: Item): ApiResource[] {
  const path = str(item.o, 'path');
  if (!path) return [];
  const methods = Object.keys(obj(item.o, 'resourceMethods') ?? {}).map((m) => m.toUpperCase());
  return [{ path, methods, origin: b.originIn(item, path, item.path) }];
}
