// An inline OpenAPI definition (Body, DefinitionBody): paths and methods, and the x-amazon-apigateway-* extensions
// that set the API's policy and endpoint configuration.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
import type { ApiResource } from '../../../model/index.js';
import type { PropReader } from '../prop-reader.js';
import { fromPlain, get, type Val } from '../val.js';

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);
export const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method';

export interface BodyFacts {
  /** Path -> methods as written (`ANY` for x-amazon-apigateway-any-method). */
  readonly paths: Map<string, { methods: Set<string>; origin: ReturnType<PropReader['originAt']> }>;
  readonly policy?: Val;
  readonly vpcEndpointIds?: Val;
  readonly disableExecuteApiEndpoint?: Val;
}

/** `/items/` -> `/items`; `` -> `/`. */
export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Reads an inline definition; a JSON string is parsed. Undefined when there is nothing readable. */
export function readBody(body: Val | undefined, r: PropReader): BodyFacts | undefined {
  if (!body || body.k === 'unknown') return undefined;
  let doc: Val = body;
  if (body.k === 'scalar') {
    try {
      doc = fromPlain(JSON.parse(body.text), body.loc);
    } catch {
      r.problemAt('bad-definition', 'the API definition is not valid JSON', body);
      return undefined;
    }
  }
  if (doc.k !== 'map') return undefined;
  const paths = new Map<string, { methods: Set<string>; origin: ReturnType<PropReader['originAt']> }>();
  const pathsVal = get(doc, 'paths');
  if (pathsVal?.k === 'map') {
    for (const e of pathsVal.entries) {
      const methods = new Set<string>();
      if (e.val.k === 'map') {
        for (const m of e.val.entries) {
          if (HTTP_METHODS.has(m.key.toLowerCase())) methods.add(m.key.toUpperCase());
          else if (m.key.toLowerCase() === ANY_METHOD_KEY) methods.add('ANY');
        }
      }
      paths.set(normalizePath(e.key), { methods, origin: r.originAt(e.keyLoc) });
    }
  }
  const endpointConfig = get(doc, 'x-amazon-apigateway-endpoint-configuration');
  const policy = get(doc, 'x-amazon-apigateway-policy');
  const vpcEndpointIds = get(endpointConfig, 'vpcEndpointIds');
  const disable = get(endpointConfig, 'disableExecuteApiEndpoint');
  return {
    paths,
    ...(policy ? { policy } : {}),
    ...(vpcEndpointIds ? { vpcEndpointIds } : {}),
    ...(disable ? { disableExecuteApiEndpoint: disable } : {}),
  };
}

/**
 * REST API resources from definition paths: importing `/a/b` also creates the parent resource `/a`, and every API
 * has the root resource `/`.
 */
export function restResources(facts: BodyFacts | undefined): ApiResource[] {
  const byPath = new Map<string, { path: string; methods: string[]; origin?: ApiResource['origin'] }>();
  byPath.set('/', { path: '/', methods: [] });
  for (const [path, { methods, origin }] of facts?.paths ?? []) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const parent = `/${parts.slice(0, i).join('/')}`;
      if (!byPath.has(parent)) byPath.set(parent, { path: parent, methods: [], origin });
    }
    const entry = byPath.get(path) ?? { path, methods: [], origin };
    entry.methods.push(...[...methods].filter((m) => !entry.methods.includes(m)));
    entry.origin ??= origin;
    byPath.set(path, entry);
  }
  return [...byPath.values()];
}

/** HTTP API routes from definition paths (`GET /items`): path and methods, no parent resources. */
export function httpRoutes(facts: BodyFacts | undefined): ApiResource[] {
  return [...(facts?.paths ?? [])].map(([path, { methods, origin }]) => ({ path, methods: [...methods], origin }));
}
