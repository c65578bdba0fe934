// What the API remedies read from a failed trace: the element that refused, the endpoint the request came
// through, the stage, method and resource the request names (R35), and who owns the API.
import { isKnown, ModelIndex, type Api, type DomainName, type Element, type VpcEndpoint } from '../../model/index.js';
import { hostOf } from '../../sim/api-gateway/hosts.js';
import { selectMapping } from '../../sim/api-gateway/mapping.js';
import { matchRoute } from '../../sim/api-gateway/routes.js';
import { selectStage, stageForArn } from '../../sim/api-gateway/stage.js';
import type { Hop, Trace } from '../../sim/trace.js';
import type { FixContext } from '../types.js';

/** The hop that refused the request: `resource-policy`, `endpoint-policy`, `domain-association`, `endpoint-type`. */
export function refusal(trace: Trace, action: string): Hop | undefined {
  return trace.hops.find((h) => h.action === action && h.verdict === 'answer');
}

/** The execute-api VPC endpoint the request came through, if it did. */
export function arrivalEndpoint(ctx: FixContext): VpcEndpoint | undefined {
  for (const h of ctx.trace.hops) {
    const endpoint = h.component === 'vpc-endpoint' && h.elementId ? ctx.model.vpcEndpoints.find((e) => e.id === h.elementId) : undefined;
    if (endpoint) return endpoint;
  }
  return undefined;
}

export const isExecuteApiEndpoint = (e: VpcEndpoint): boolean =>
  e.type === 'Interface' && typeof e.serviceName === 'string' && e.serviceName === `com.amazonaws.${e.region}.execute-api`;

export interface InvokeTarget {
  readonly stage: string;
  readonly method: string;
  /** The resource path as the API declares it, parameters as `*` (`/items/*`), or the request's own path. */
  readonly path: string;
  /** R35: `execute-api:/{stage}/{METHOD}/{path}`. */
  readonly shorthand: string;
}

/** The stage, method and resource the request names on this API (through a custom domain's mapping, R28). */
export function invokeTarget(ctx: FixContext, api: Api): InvokeTarget | undefined {
  if (ctx.request.kind !== 'http') return undefined;
  const req = ctx.request;
  const host = hostOf({ method: req.method, url: req.url, headers: { ...req.headers } });
  const domain = ctx.model.domainNames.find((d) => d.domainName === host);
  const selected = domain ? selectMapping(domain, req.url.pathname) : undefined;
  const fixed = selected && isKnown(selected.mapping.stage) ? selected.mapping.stage : undefined;
  const path = selected ? selected.rest : req.url.pathname;
  const stage = selectStage(api, path, fixed);
  const arn = stageForArn(stage, path, fixed);
  if (!arn.stage) return undefined;
  const method = req.method.toUpperCase();
  let pattern = arn.path;
  if (!api.fromFacts && isKnown(api.resources)) {
    const match = matchRoute(api.resources, arn.path, method, api.kind);
    if (match.kind === 'match') pattern = match.resource.path.replace(/\{[^}]+\}/g, '*');
  }
  const rest = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  return { stage: arn.stage, method, path: pattern, shorthand: `execute-api:/${arn.stage}/${method}/${rest}` };
}

/** Whose element it is: undefined for the user's own, else words for the owner action. */
export function foreignApi(api: Api): boolean {
  return api.fromFacts === true;
}

/** The account of the client's VPC. */
export function clientAccount(ctx: FixContext): string {
  const index = new ModelIndex(ctx.model);
  const eni = ctx.trace.source.networkInterfaceId ? index.networkInterfaces.get(ctx.trace.source.networkInterfaceId) : undefined;
  const vpc = eni ? index.vpcs.get(eni.vpcId) : undefined;
  return vpc?.account ?? ctx.account;
}

export const named = (e: Element): string => e.name ?? e.id;

/** A private custom domain's id, the part of its ARN after `+`. */
export function domainNameId(d: DomainName): string | undefined {
  return d.arn.includes('+') ? d.arn.slice(d.arn.lastIndexOf('+') + 1) : undefined;
}

/** A shell word in single quotes. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
