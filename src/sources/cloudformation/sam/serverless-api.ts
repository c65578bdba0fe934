// AWS::Serverless::Api: a REST API with its stage(s), definition, SAM-generated resource policy and domain.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html
import { isKnown, type PolicyStatement } from '../../../model/index.js';
import type { ResourceContext } from '../resource-context.js';
import { readBody, type BodyFacts } from '../resources/api-body.js';
import { addRestApi, addStage } from '../resources/api-gateway-rest.js';
import type { ResourceHandler } from '../resources/handler.js';
import { get, type Val } from '../val.js';
import { addSamDomain } from './api-domain.js';
import { newSamApiState, samApiKey, type SamApiState } from './api-state.js';
import { IMPLICIT_MARK } from './prepare.js';
import { appendUnique, customStatements, expandResourcePolicy } from './resource-policy.js';

/** Definition paths with method keys as SAM's SwaggerEditor sees them (lower case; ANY as the extension key). */
export function bodyPaths(body: BodyFacts | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [path, { methods }] of body?.paths ?? []) {
    out.set(path, new Set([...methods].map((m) => (m === 'ANY' ? 'x-amazon-apigateway-any-method' : m.toLowerCase()))));
  }
  return out;
}

/** EndpointConfiguration as a string (`PRIVATE`) or a map (`{ Type, VPCEndpointIds }`). */
function endpointConfiguration(v: Val | undefined): { types?: Val; vpcEndpointIds?: Val } {
  if (!v) return {};
  if (v.k === 'map') {
    const types = get(v, 'Type');
    const ids = get(v, 'VPCEndpointIds');
    return { ...(types ? { types } : {}), ...(ids ? { vpcEndpointIds: ids } : {}) };
  }
  return { types: v };
}

export const samApi: ResourceHandler = {
  type: 'AWS::Serverless::Api',
  attributes: ['RootResourceId'],
  build(ctx) {
    const id = ctx.short('rest-api');
    const rootId = ctx.short('root-resource');
    const stage = ctx.requiredId('StageName');
    const endpoint = endpointConfiguration(ctx.val('EndpointConfiguration'));
    const body = readBody(ctx.val('DefinitionBody'), ctx);
    const implicit = ctx.text(IMPLICIT_MARK) === 'true';
    const api = addRestApi(ctx, {
      id, rootId,
      endpointTypes: endpoint.types, endpointOrigin: ctx.origin('EndpointConfiguration'),
      vpcEndpointIds: endpoint.vpcEndpointIds,
      policy: undefined, policyOrigin: ctx.origin('DefinitionBody'),
      disable: ctx.val('DisableExecuteApiEndpoint'), disableOrigin: ctx.origin('DisableExecuteApiEndpoint'),
      body,
      ...(!ctx.has('DefinitionBody') && ctx.has('DefinitionUri') ? { outsideDefinition: 'the API definition is in a file or S3 (DefinitionUri)' } : {}),
    });
    addStage(ctx, id, stage, ctx.origin('StageName'));
    // SAM's deployment also creates a stage named "Stage" unless OpenApiVersion is set (SAM issue #191).
    if (!ctx.has('OpenApiVersion')) addStage(ctx, id, 'Stage', ctx.here);
    const state = newSamApiState({
      kind: 'REST', logicalId: ctx.logicalId, apiId: id, stage, api, paths: bodyPaths(body),
      managed: implicit || (!ctx.has('DefinitionBody') && !ctx.has('DefinitionUri')),
    }, ctx.short('deployment', 6));
    ctx.shared.set(samApiKey(ctx.logicalId), state);
    ctx.addGenerated(`${ctx.logicalId}${stage.replace(/[^A-Za-z0-9]/g, '')}Stage`, 'AWS::ApiGateway::Stage', stage);
    const domain = ctx.sub('Domain');
    if (domain) addSamDomain(ctx, domain, state);
    ctx.defer(() => finalizePolicy(ctx, state), 1);
    return { ref: id, attributes: { RootResourceId: rootId } };
  },
};

/** After every function event is in: the definition's policy plus what Auth.ResourcePolicy generates. */
function finalizePolicy(ctx: ResourceContext, state: SamApiState): void {
  const auth = ctx.sub('Auth')?.sub('ResourcePolicy');
  if (!auth && state.eventPolicies.length === 0) return;
  const { api } = state;
  if (api.policy !== undefined && !isKnown(api.policy)) return;
  const statements: PolicyStatement[] = api.policy ? [...api.policy.Statement] : [];
  if (auth) {
    for (const [path, methods] of state.paths) appendUnique(statements, expandResourcePolicy(auth, path, methods, state.stage));
    appendUnique(statements, customStatements(auth));
  }
  for (const e of state.eventPolicies) {
    appendUnique(statements, expandResourcePolicy(e.policy, e.path, [e.method], state.stage));
    appendUnique(statements, customStatements(e.policy));
  }
  api.policy = { Version: '2012-10-17', Statement: statements };
  api.policyOrigin = auth ? auth.originAt(auth.fallback) : ctx.here;
}
