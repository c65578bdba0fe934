// What an estate's workloads may call: each API's default URL per stage, each custom domain and base path, each
// {api-id}-{vpce-id} name, the URLs of scenario checks, and the names seen in Resolver query logs.
import { isKnown, type Api, type DomainName, type Model, type Origin } from '../model/index.js';
import { get, samplePath } from '../fix/requests.js';
import type { RequestSpec } from '../sim/request.js';
import type { QueriedName } from '../sources/query-logs/read-query-logs.js';

export type TargetKind = 'default-url' | 'custom-domain' | 'vpce-name' | 'check' | 'queried-name';

export interface Target {
  readonly kind: TargetKind;
  /** `GET https://...`: unique among targets of one kind. */
  readonly key: string;
  readonly spec: RequestSpec;
  readonly host: string;
  /** The API the target is meant to reach, where the estate knows it. */
  readonly apiId?: string;
  readonly domainName?: string;
  /** Only requests from these VPCs are audited (query logs: the VPC that asked); absent: from everywhere. */
  readonly fromVpcs?: ReadonlySet<string>;
  /** Query logs: who asked, where it was logged. */
  readonly queried?: QueriedName[];
  /** Scenario checks: `file: check name`. */
  readonly label?: string;
  readonly origin?: Origin;
}

const stagePrefix = (api: Api, stage: string | undefined): string =>
  stage === undefined ? (api.anyStage ? '/prod' : '') : stage === '$default' ? '' : `/${stage}`;

function httpTarget(kind: TargetKind, url: string, extra: Partial<Target>): Target | undefined {
  const spec = get(url);
  if (!spec) return undefined;
  return { kind, key: `GET ${spec.url.toString()}`, spec, host: spec.url.hostname, ...extra };
}

/** Each API's default URL per stage (R14), and each {api-id}-{vpce-id} name of a private API (R11). */
function apiTargets(api: Api): Target[] {
  if (api.kind === 'WEBSOCKET') return [];
  const stages = isKnown(api.stages) && api.stages.length ? api.stages.map((s) => s.name) : [undefined];
  const path = samplePath(api);
  const host = `${api.id.toLowerCase()}.execute-api.${api.region}.amazonaws.com`;
  const out: Target[] = [];
  for (const stage of stages) {
    const t = httpTarget('default-url', `https://${host}${stagePrefix(api, stage)}${path}`, { apiId: api.id, ...(api.origin ? { origin: api.origin } : {}) });
    if (t) out.push(t);
  }
  if (api.endpointType === 'PRIVATE') {
    for (const vpce of api.vpcEndpointIds.filter(isKnown)) {
      const t = httpTarget('vpce-name', `https://${api.id.toLowerCase()}-${vpce}.execute-api.${api.region}.amazonaws.com${stagePrefix(api, stages[0])}${path}`,
        { apiId: api.id, ...(api.origin ? { origin: api.origin } : {}) });
      if (t) out.push(t);
    }
  }
  return out;
}

/** Each custom domain and base path mapping (R28). */
function domainTargets(domain: DomainName, apis: ReadonlyMap<string, Api>): Target[] {
  const out: Target[] = [];
  const mappings = domain.mappings.length ? domain.mappings : [undefined];
  for (const m of mappings) {
    const api = m && isKnown(m.apiId) ? apis.get(m.apiId) : undefined;
    const base = m?.basePath ? `/${m.basePath}` : '';
    const stage = m?.stage === undefined && api ? stagePrefix(api, isKnown(api.stages) ? api.stages[0]?.name : undefined) : '';
    const path = api ? samplePath(api) : '/';
    const url = `https://${domain.domainName}${base}${stage}${path === '/' && (base || stage) ? '' : path}`;
    const t = httpTarget('custom-domain', url, {
      domainName: domain.domainName, ...(api ? { apiId: api.id } : {}), ...(domain.origin ? { origin: domain.origin } : {}),
    });
    if (t) out.push(t);
  }
  return out;
}

export interface CheckUrl {
  readonly label: string;
  readonly spec: RequestSpec;
  readonly origin?: Origin;
}

export function estateTargets(model: Model, extra: { checks?: readonly CheckUrl[]; queried?: readonly QueriedName[] } = {}): Target[] {
  const apis = new Map(model.apis.map((a) => [a.id, a]));
  const out: Target[] = [];
  for (const api of model.apis) out.push(...apiTargets(api));
  for (const d of model.domainNames) out.push(...domainTargets(d, apis));
  for (const c of extra.checks ?? []) {
    if (c.spec.kind !== 'http') continue;
    out.push({ kind: 'check', key: `${c.spec.method} ${c.spec.url.toString()}`, spec: c.spec, host: c.spec.url.hostname, label: c.label, ...(c.origin ? { origin: c.origin } : {}) });
  }
  const byName = new Map<string, QueriedName[]>();
  for (const q of extra.queried ?? []) byName.set(q.name, [...(byName.get(q.name) ?? []), q]);
  // A queried API host is called as its API's default URL is (first stage, a path it serves); any other name at `/`.
  const defaultUrls = new Map(out.filter((t) => t.kind === 'default-url').reverse().map((t) => [t.host, t]));
  for (const [name, qs] of byName) {
    const known = defaultUrls.get(name);
    const url = known && known.spec.kind === 'http' ? known.spec.url.toString() : `https://${name}/`;
    const t = httpTarget('queried-name', url, {
      ...(known?.apiId ? { apiId: known.apiId } : {}),
      fromVpcs: new Set(qs.map((q) => q.vpcId)), queried: qs, origin: { file: qs[0]!.file, line: qs[0]!.line, column: 1 },
    });
    if (t) out.push(t);
  }
  return dedupe(out);
}

function dedupe(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const k = `${t.kind} ${t.key} ${t.label ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
