// API Gateway v2 APIs (HTTP and WebSocket, GetApis) with their stages (GetStages) and routes (GetRoutes).
import { unknown, type ApiResource, type ApiStage, type Origin } from '../../model/index.js';
import { originOf, type Build, type Located } from './context.js';
import { bool, named, nameTag, str } from './json-read.js';
import { perApi } from './api-gateway.js';

/**
 * A route key as src/model/api-gateway.ts holds it: `GET /items` is path `/items`, method GET; `$default` is
 * `/{proxy+}` ANY; `ANY /x` keeps ANY; WebSocket keys (`$connect`, `sendMessage`) are paths as written, ANY.
 */
export function routeKeyToResource(routeKey: string): { path: string; method: string } {
  if (routeKey === '$default') return { path: '/{proxy+}', method: 'ANY' };
  const m = /^([A-Za-z]+)\s+(\/.*)$/.exec(routeKey.trim());
  if (!m) return { path: routeKey, method: 'ANY' };
  const path = m[2]!.replace(/\/+$/, '') || '/';
  return { path, method: m[1]!.toUpperCase() };
}

/** HTTP and WebSocket APIs are Regional only (R15). */
export function readHttpApis(b: Build): void {
  for (const item of b.items('Apis')) {
    const id = str(item.o, 'ApiId');
    if (!id) {
      b.missingField(item, 'ApiId');
      continue;
    }
    const origin = b.origin(item, id);
    const api = { id, scope: item.scope };
    const stages = perApi<ApiStage>(b, 'ApiStages', api, 'apigatewayv2', 'GetStages');
    const routes = perApi<Route>(b, 'ApiRoutes', api, 'apigatewayv2', 'GetRoutes');
    b.model.apis.push({
      id, ...named(nameTag(item.o) ?? str(item.o, 'Name')), origin,
      kind: str(item.o, 'ProtocolType')?.toUpperCase() === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP',
      region: item.scope.region, account: item.scope.account,
      endpointType: 'REGIONAL', endpointTypeOrigin: origin, vpcEndpointIds: [],
      disableExecuteApiEndpoint: bool(item.o, 'DisableExecuteApiEndpoint') ?? false,
      disableExecuteApiEndpointOrigin: b.originIn(item, 'DisableExecuteApiEndpoint', `${item.path}.DisableExecuteApiEndpoint`),
      stages: Array.isArray(stages) ? stages : unknown(stages.unknown, origin),
      resources: Array.isArray(routes) ? routesToResources(routes) : unknown(routes.unknown, origin),
    });
  }
}

/** A stage of GetStages (PREPARE). */
export function httpStage(item: Located): ApiStage[] {
  const name = str(item.o, 'StageName');
  return name ? [{ name, origin: originOf(item, name) }] : [];
}

/** A route of GetRoutes with a route key (PREPARE): where its key is written. */
interface Route {
  readonly path: string;
  readonly method: string;
  readonly origin: Origin;
}

export function httpRoute(item: Located): Route[] {
  const key = str(item.o, 'RouteKey');
  return key ? [{ ...routeKeyToResource(key), origin: originOf(item, key) }] : [];
}

/** One resource per path, with the methods of its routes; its origin is where its first route's key is written. */
function routesToResources(routes: readonly Route[]): ApiResource[] {
  const out: { path: string; methods: string[]; origin?: ApiResource['origin'] }[] = [];
  for (const { path, method, origin } of routes) {
    let entry = out.find((r) => r.path === path);
    if (!entry) out.push((entry = { path, methods: [], origin }));
    if (!entry.methods.includes(method)) entry.methods.push(method);
  }
  return out;
}
