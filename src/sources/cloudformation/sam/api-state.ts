// A SAM API as functions' events see it: its id and stage, whether SAM manages its definition, the paths so far.
import type { Api, ApiResource, Origin, StackResource } from '../../../model/index.js';
import type { Mut } from '../model-builder.js';
import type { PropReader } from '../prop-reader.js';
import { normalizePath } from '../resources/api-body.js';
import { addMethod } from '../resources/api-gateway-rest.js';
import { routeKeyToResource } from '../resources/api-gateway-v2.js';
import type { SamReferable } from '../stack-loader.js';

export interface SamApiState extends SamReferable {
  readonly kind: 'REST' | 'HTTP';
  readonly logicalId: string;
  readonly apiId: string;
  readonly stage: string;
  /** SAM adds event paths only to definitions it manages (implicit APIs, or no DefinitionBody/DefinitionUri). */
  readonly managed: boolean;
  readonly api: Mut<Api>;
  /** Definition paths -> method keys (lower case, `x-amazon-apigateway-any-method`). */
  readonly paths: Map<string, Set<string>>;
  /** Per-event Auth.ResourcePolicy, applied to that event's path and method. */
  readonly eventPolicies: { path: string; method: string; policy: PropReader }[];
  domainName?: string;
}

export function samApiKey(logicalId: string): string {
  return `sam-api:${logicalId}`;
}

export function newSamApiState(init: Omit<SamApiState, 'samRef' | 'eventPolicies'>, deploymentId: string): SamApiState {
  const state: SamApiState = {
    ...init,
    eventPolicies: [],
    samRef(property: string): string | undefined {
      if (property === 'Stage') return state.stage;
      if (property === 'Deployment') return deploymentId;
      if (property === 'DomainName') return state.domainName;
      return undefined;
    },
  };
  return state;
}

/** An Api or HttpApi event of a function: the path and method land in the API's definition. */
export function addEventRoute(state: SamApiState, path: string | undefined, method: string | undefined, origin: Origin): void {
  const resources = Array.isArray(state.api.resources) ? (state.api.resources as ApiResource[]) : undefined;
  if (state.kind === 'HTTP') {
    const key = path === undefined || method === undefined ? '$default' : `${method.toUpperCase() === 'ANY' ? 'ANY' : method.toUpperCase()} ${path}`;
    const r = routeKeyToResource(key);
    if (resources) addMethod(resources, r.path, r.method, origin);
    return;
  }
  if (path === undefined || method === undefined) return;
  const p = normalizePath(path);
  const m = method.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
  const methods = state.paths.get(p) ?? new Set<string>();
  methods.add(m);
  state.paths.set(p, methods);
  if (!resources) return;
  // API Gateway creates the parent resources of a nested path.
  const parts = p.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const parent = `/${parts.slice(0, i).join('/')}`;
    if (!resources.some((r) => r.path === parent)) resources.push({ path: parent, methods: [], origin });
  }
  addMethod(resources, p, m === 'x-amazon-apigateway-any-method' ? 'ANY' : m.toUpperCase(), origin);
}

/** `${MyApi.Stage}` in a scenario reads what `!Ref MyApi.Stage` does in SAM: added to the stack's attributes. */
export function addSamReferences(shared: ReadonlyMap<string, unknown>, resources: Record<string, StackResource>): void {
  for (const [id, resource] of Object.entries(resources)) {
    const api = shared.get(samApiKey(id)) as SamReferable | undefined;
    if (!api) continue;
    const extra = Object.fromEntries(['Stage', 'Deployment', 'DomainName'].flatMap((p) => {
      const v = api.samRef(p);
      return v === undefined ? [] : [[p, v]];
    }));
    resources[id] = { ...resource, attributes: { ...resource.attributes, ...extra } };
  }
}
