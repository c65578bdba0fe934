// AWS::ApiGateway::RestApi, Resource, Method, Deployment, Stage.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-restapi.html
import { unknown, type Api, type ApiResource, type EndpointType, type Maybe } from '../../../model/index.js';
import type { Mut } from '../model-builder.js';
import { readPolicy } from '../policy-doc.js';
import type { PropReader } from '../prop-reader.js';
import type { ResourceContext } from '../resource-context.js';
import type { Val } from '../val.js';
import { readBody, restResources, type BodyFacts } from './api-body.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

const ENDPOINT_TYPES = new Set(['EDGE', 'REGIONAL', 'PRIVATE']);

/** The endpoint type: `EndpointConfiguration.Types` (one value); none means EDGE for a REST API (R15). */
export function restEndpointType(r: PropReader, types: Val | undefined): Maybe<EndpointType> {
  if (types === undefined) return 'EDGE';
  const first = types.k === 'list' ? types.items[0] : types;
  if (!first) return 'EDGE';
  if (first.k === 'unknown') return unknown(first.reason, r.originAt(first.loc));
  const t = first.k === 'scalar' ? first.text.toUpperCase() : '';
  if (!ENDPOINT_TYPES.has(t)) {
    r.problemAt('bad-property', `endpoint type must be EDGE, REGIONAL or PRIVATE, not "${first.k === 'scalar' ? first.text : '?'}"`, first);
    return 'EDGE';
  }
  return t as EndpointType;
}

export function maybeIds(r: PropReader, v: Val | undefined): Maybe<string>[] {
  if (!v) return [];
  const items = v.k === 'list' ? v.items : [v];
  return items.flatMap((i) => {
    const t = r.maybeText(i, 'an id');
    return t === undefined ? [] : [t];
  });
}

export interface RestApiInput {
  readonly id: string;
  readonly rootId: string;
  readonly endpointTypes: Val | undefined;
  readonly endpointOrigin: ReturnType<PropReader['origin']>;
  readonly vpcEndpointIds: Val | undefined;
  readonly policy: Val | undefined;
  readonly policyOrigin: ReturnType<PropReader['origin']>;
  readonly disable: Val | undefined;
  readonly disableOrigin: ReturnType<PropReader['origin']>;
  readonly body: BodyFacts | undefined;
  /** The definition is not inline (S3): resources unknown. */
  readonly outsideDefinition?: string;
}

/** Adds a REST API; explicit properties win over the definition's x-amazon-apigateway-* extensions. */
export function addRestApi(ctx: ResourceContext, input: RestApiInput): Mut<Api> {
  const { body } = input;
  const disable = input.disable ?? body?.disableExecuteApiEndpoint;
  const policyVal = input.policy ?? body?.policy;
  const policy = readPolicy(policyVal, ctx, 'Policy');
  const resources: Maybe<ApiResource[]> = input.outsideDefinition
    ? unknown(input.outsideDefinition, ctx.here)
    : restResources(body);
  ctx.b.setRestPath(input.id, input.rootId, '/');
  return ctx.b.add('apis', {
    id: input.id, name: ctx.logicalId, origin: ctx.here, kind: 'REST', region: ctx.region, account: ctx.account,
    endpointType: restEndpointType(ctx, input.endpointTypes), endpointTypeOrigin: input.endpointOrigin,
    vpcEndpointIds: maybeIds(ctx, input.vpcEndpointIds ?? body?.vpcEndpointIds),
    ...(policy !== undefined ? { policy, policyOrigin: input.policyOrigin } : {}),
    disableExecuteApiEndpoint: disable?.k === 'scalar' && disable.text.toLowerCase() === 'true',
    disableExecuteApiEndpointOrigin: input.disableOrigin,
    stages: [], resources,
  });
}

export const restApi: ResourceHandler = {
  type: 'AWS::ApiGateway::RestApi',
  attributes: ['RestApiId', 'RootResourceId'],
  build(ctx) {
    const id = ctx.short('rest-api');
    const rootId = ctx.short('root-resource');
    const endpoint = ctx.sub('EndpointConfiguration');
    addRestApi(ctx, {
      id, rootId,
      endpointTypes: endpoint?.val('Types'), endpointOrigin: ctx.origin('EndpointConfiguration'),
      vpcEndpointIds: endpoint?.val('VpcEndpointIds'),
      policy: ctx.val('Policy'), policyOrigin: ctx.origin('Policy'),
      disable: ctx.val('DisableExecuteApiEndpoint'), disableOrigin: ctx.origin('DisableExecuteApiEndpoint'),
      body: readBody(ctx.val('Body'), ctx),
      ...(ctx.has('BodyS3Location') && !ctx.has('Body') ? { outsideDefinition: 'the API definition is in S3 (BodyS3Location)' } : {}),
    });
    return { ref: id, attributes: { RestApiId: id, RootResourceId: rootId } };
  },
};

/** The resource list of an API in the model, or undefined (API outside the model, or definition unknown). */
export function resourcesOf(ctx: ResourceContext, apiId: string): ApiResource[] | undefined {
  const api = ctx.b.get('apis', apiId);
  if (!api) {
    ctx.note('info', 'outside-model', `${ctx.logicalId} belongs to API ${apiId}, which is not in the model`);
    return undefined;
  }
  return Array.isArray(api.resources) ? api.resources : undefined;
}

export function addMethod(resources: ApiResource[], path: string, method: string, origin: ApiResource['origin']): void {
  let entry = resources.find((r) => r.path === path) as { path: string; methods: string[] } | undefined;
  if (!entry) {
    entry = { path, methods: [], ...(origin ? { origin } : {}) };
    resources.push(entry as ApiResource);
  }
  if (!entry.methods.includes(method)) entry.methods.push(method);
}

export const restResource: ResourceHandler = {
  type: 'AWS::ApiGateway::Resource',
  attributes: ['ResourceId'],
  build(ctx) {
    const id = ctx.short('resource');
    const apiId = ctx.requiredId('RestApiId', T.REST_API);
    const parentId = ctx.requiredId('ParentId', [...T.REST_RESOURCE]);
    const part = ctx.text('PathPart');
    const parent = ctx.b.restPath(apiId, parentId);
    const resources = resourcesOf(ctx, apiId);
    if (parent !== undefined && part !== undefined) {
      const path = parent === '/' ? `/${part}` : `${parent}/${part}`;
      ctx.b.setRestPath(apiId, id, path);
      if (resources && !resources.some((r) => r.path === path)) resources.push({ path, methods: [], origin: ctx.here });
    } else if (resources) {
      ctx.note('warning', 'unknown-path', `the path of ${ctx.logicalId} is unknown (its parent ${parentId} is not known)`);
    }
    return { ref: id, attributes: { ResourceId: id } };
  },
};

export const restMethod: ResourceHandler = {
  type: 'AWS::ApiGateway::Method',
  attributes: ['MethodId'],
  build(ctx) {
    const apiId = ctx.requiredId('RestApiId', T.REST_API);
    const resourceId = ctx.requiredId('ResourceId', T.REST_RESOURCE);
    const method = ctx.text('HttpMethod')?.toUpperCase();
    const path = ctx.b.restPath(apiId, resourceId);
    const resources = resourcesOf(ctx, apiId);
    if (!method) ctx.problem('missing-property', 'HttpMethod is required');
    else if (resources && path !== undefined) addMethod(resources, path, method, ctx.here);
    else if (resources) ctx.note('warning', 'unknown-path', `the resource ${resourceId} of ${ctx.logicalId} is not known`);
    const id = `${resourceId}-${method ?? ''}`;
    return { ref: id, attributes: { MethodId: id } };
  },
};

export function addStage(ctx: ResourceContext, apiId: string, name: string | undefined, origin = ctx.here): void {
  const api = ctx.b.get('apis', apiId);
  if (!api || !name) return;
  if (Array.isArray(api.stages) && !api.stages.some((s) => s.name === name)) api.stages.push({ name, origin });
}

export const restDeployment: ResourceHandler = {
  type: 'AWS::ApiGateway::Deployment',
  attributes: ['DeploymentId'],
  build(ctx) {
    const apiId = ctx.requiredId('RestApiId', T.REST_API);
    // A Deployment with StageName creates that stage.
    addStage(ctx, apiId, ctx.text('StageName'), ctx.origin('StageName'));
    const id = ctx.short('deployment', 6);
    return { ref: id, attributes: { DeploymentId: id } };
  },
};

export const restStage: ResourceHandler = {
  type: 'AWS::ApiGateway::Stage',
  attributes: [],
  build(ctx) {
    const apiId = ctx.requiredId('RestApiId', T.REST_API);
    const name = ctx.text('StageName');
    if (!ctx.b.get('apis', apiId)) ctx.note('info', 'outside-model', `${ctx.logicalId} is a stage of API ${apiId}, which is not in the model`);
    addStage(ctx, apiId, name);
    return { ref: name ?? ctx.str('StageName') ?? '' };
  },
};
