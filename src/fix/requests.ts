// The requests a fix is judged by: the API a request aims at, each API's default URL, each custom domain (R14, R28).
import { isKnown, type Api, type Model } from '../model/index.js';
import { httpRequest, type HttpRequestSpec, type RequestSpec } from '../sim/request.js';
import type { Trace } from '../sim/trace.js';
import type { Outcome } from './types.js';

const DEFAULT_HOST = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;

/** A request from a workload, written out. */
export interface NamedRequest {
  readonly from: string;
  readonly spec: RequestSpec;
  /** `check 'name'` for a scenario check. */
  readonly label?: string;
}

export function requestLine(spec: RequestSpec): string {
  return spec.kind === 'tcp' ? `${spec.protocol.toUpperCase()} ${spec.destination}:${spec.port}` : `${spec.method} ${spec.url.toString()}`;
}

export function outcomeOf(trace: Trace): Outcome {
  return {
    reached: trace.reached, cause: trace.cause.code, result: trace.answer.result,
    ...(trace.answer.status !== undefined ? { status: trace.answer.status } : {}),
  };
}

/** The API the request aims at: by its default host, or through the custom domain's mapping. */
export function targetApi(model: Model, spec: RequestSpec): Api | undefined {
  if (spec.kind !== 'http') return undefined;
  const host = spec.url.hostname.toLowerCase();
  const m = DEFAULT_HOST.exec(host);
  if (m) return model.apis.find((a) => a.id.toLowerCase() === m[1] && a.region === m[2]);
  const domain = model.domainNames.find((d) => d.domainName === host);
  const apiId = domain?.mappings.map((p) => p.apiId).find(isKnown);
  return apiId ? model.apis.find((a) => a.id === apiId) : undefined;
}

/** The request's path without the stage segment, for a custom domain mapped to that stage (R28). */
export function pathWithoutStage(spec: RequestSpec, api: Api): { stage: string | undefined; rest: string } {
  if (spec.kind !== 'http') return { stage: undefined, rest: '/' };
  const segments = spec.url.pathname.split('/').filter(Boolean);
  const stages = isKnown(api.stages) ? api.stages.map((s) => s.name) : [];
  if (api.kind === 'HTTP' && stages.includes('$default')) return { stage: '$default', rest: spec.url.pathname };
  const first = segments[0];
  const stage = first && (api.anyStage || stages.includes(first)) ? first : stages[0];
  const rest = first && stage === first ? segments.slice(1) : segments;
  return { stage, rest: `/${rest.join('/')}${spec.url.search}` };
}

export function get(url: string): HttpRequestSpec | undefined {
  const spec = httpRequest('GET', url, {});
  return 'error' in spec ? undefined : spec;
}

/** A concrete path of the API: its first resource with a method, path parameters filled in. */
export function samplePath(api: Api): string {
  const resources = isKnown(api.resources) ? api.resources : [];
  const r = resources.find((x) => x.methods.length > 0 && x.path !== '/') ?? resources[0];
  return (r?.path ?? '/').replace(/\{[^}]+\}/g, 'x');
}

/** Every workload to every API's default URL (first stage) and every custom domain (first mapping). */
export function modelRequests(model: Model): NamedRequest[] {
  const workloads = [...model.instances.map((i) => i.name ?? i.id), ...model.lambdaFunctions.map((f) => f.name ?? f.id)];
  const urls: string[] = [];
  for (const api of model.apis) {
    if (api.kind === 'WEBSOCKET') continue;
    const stage = isKnown(api.stages) ? api.stages[0]?.name : undefined;
    const prefix = stage === undefined ? (api.anyStage ? '/prod' : '') : stage === '$default' ? '' : `/${stage}`;
    urls.push(`https://${api.id.toLowerCase()}.execute-api.${api.region}.amazonaws.com${prefix}${samplePath(api)}`);
  }
  for (const d of model.domainNames) {
    const mapping = d.mappings[0];
    const api = mapping && isKnown(mapping.apiId) ? model.apis.find((a) => a.id === mapping.apiId) : undefined;
    const base = mapping?.basePath ? `/${mapping.basePath}` : '';
    const path = api ? samplePath(api) : '/';
    urls.push(`https://${d.domainName}${base}${path === '/' && base ? '' : path}`);
  }
  const out: NamedRequest[] = [];
  for (const from of workloads) {
    for (const url of urls) {
      const spec = get(url);
      if (spec) out.push({ from, spec });
    }
  }
  return out;
}

export function sameRequest(a: NamedRequest, b: { from: string; spec: RequestSpec }): boolean {
  return a.from === b.from && requestLine(a.spec) === requestLine(b.spec);
}
