// Resource and method matching: which of an API's resources (REST) or routes (HTTP) a request path selects.
import type { ApiKind, ApiResource } from '../../model/index.js';
import { pathSegments } from './hosts.js';

export type RouteMatch =
  | { kind: 'match'; resource: ApiResource; method: string }
  /** No resource path matches. */
  | { kind: 'no-resource' }
  /** REST: the most specific resource has no such method (`alsoAccepts`: a less specific one that would). */
  | { kind: 'no-method'; resource: ApiResource; alsoAccepts?: ApiResource };

const GREEDY = /^\{[^}]+\+\}$/;
const PARAM = /^\{[^}]+\}$/;

/**
 * How specifically a resource path matches, segment by segment (static 3, `{param}` 2, `{proxy+}` 1); undefined
 * when it does not match. A greedy variable takes one or more segments and must be last.
 */
function specificity(resourcePath: string, request: readonly string[], kind: ApiKind): number[] | undefined {
  const segs = pathSegments(resourcePath);
  // The HTTP API `$default` route (modelled as `/{proxy+}` ANY) also catches the root path.
  if (kind === 'HTTP' && request.length === 0 && segs.length === 1 && GREEDY.test(segs[0] ?? '')) return [0];
  const out: number[] = [];
  for (const [i, seg] of segs.entries()) {
    if (GREEDY.test(seg)) return i === segs.length - 1 && request.length > i ? [...out, 1] : undefined;
    const part = request[i];
    if (part === undefined) return undefined;
    if (PARAM.test(seg)) {
      if (part === '') return undefined;
      out.push(2);
    } else if (seg === part) {
      out.push(3);
    } else {
      return undefined;
    }
  }
  return request.length === segs.length ? out : undefined;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function accepts(resource: ApiResource, method: string): boolean {
  return resource.methods.some((m) => m.toUpperCase() === 'ANY' || m.toUpperCase() === method);
}

/**
 * REST (R16): the most specific resource for the path is chosen first, then its method (or ANY); a missing
 * method is not looked up on less specific resources (inferred). HTTP APIs choose among routes for the method,
 * most specific first (http-api-develop-routes.html).
 */
export function matchRoute(resources: readonly ApiResource[], path: string, method: string, kind: ApiKind): RouteMatch {
  const request = pathSegments(path);
  const upper = method.toUpperCase();
  const ranked = resources
    .map((resource) => ({ resource, score: specificity(resource.path, request, kind) }))
    .filter((r): r is { resource: ApiResource; score: number[] } => r.score !== undefined)
    .sort((a, b) => compare(b.score, a.score));
  if (kind === 'HTTP') {
    const hit = ranked.find((r) => accepts(r.resource, upper));
    return hit ? { kind: 'match', resource: hit.resource, method: upper } : { kind: 'no-resource' };
  }
  const best = ranked[0];
  if (!best) return { kind: 'no-resource' };
  if (accepts(best.resource, upper)) return { kind: 'match', resource: best.resource, method: upper };
  const other = ranked.slice(1).find((r) => accepts(r.resource, upper));
  return other ? { kind: 'no-method', resource: best.resource, alsoAccepts: other.resource } : { kind: 'no-method', resource: best.resource };
}
