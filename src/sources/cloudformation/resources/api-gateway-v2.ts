// AWS::ApiGatewayV2::Api (HTTP and WebSocket: Regional only, R15), Route, Stage, DomainName, ApiMapping.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-api.html
import { unknown, type Api, type ApiResource, type ApiStage, type Maybe } from '../../../model/index.js';
import type { Mut } from '../model-builder.js';
import type { ResourceContext } from '../resource-context.js';
import { httpRoutes, normalizePath, readBody } from './api-body.js';
import { addMethod, resourcesOf } from './api-gateway-rest.js';
import { addPublicDomain, basePathOf, domainAttributes, domainNameOf } from './api-gateway-domains.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

/** `GET /items` -> path `/items`, method GET; `$default` -> `/{proxy+}` ANY; WebSocket keys are paths as written. */
export function routeKeyToResource(routeKey: string): { path: string; method: string } {
  if (routeKey === '$default') return { path: '/{proxy+}', method: 'ANY' };
  const m = /^([A-Za-z]+)\s+(\/.*)$/.exec(routeKey.trim());
  if (m) return { path: normalizePath(m[2]!), method: m[1]!.toUpperCase() };
  return { path: routeKey, method: 'ANY' };
}

export interface HttpApiInput {
  readonly id: string;
  readonly kind: 'HTTP' | 'WEBSOCKET';
  readonly resources: Maybe<ApiResource[]>;
  readonly stages: ApiStage[];
  readonly disable: boolean;
}

export function addHttpApi(ctx: ResourceContext, input: HttpApiInput): Mut<Api> {
  return ctx.b.add('apis', {
    id: input.id, name: ctx.logicalId, origin: ctx.here, kind: input.kind, region: ctx.region, account: ctx.account,
    endpointType: 'REGIONAL', endpointTypeOrigin: ctx.here, vpcEndpointIds: [],
    disableExecuteApiEndpoint: input.disable, disableExecuteApiEndpointOrigin: ctx.origin('DisableExecuteApiEndpoint'),
    stages: input.stages, resources: input.resources,
  });
}

export const httpApi: ResourceHandler = {
  type: 'AWS::ApiGatewayV2::Api',
  attributes: ['ApiEndpoint', 'ApiId'],
  build(ctx) {
    const id = ctx.short('http-api');
    const kind = ctx.text('ProtocolType')?.toUpperCase() === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP';
    const body = readBody(ctx.val('Body'), ctx);
    let resources: Maybe<ApiResource[]> = httpRoutes(body);
    if (ctx.has('BodyS3Location') && !ctx.has('Body')) resources = unknown('the API definition is in S3 (BodyS3Location)', ctx.here);
    const stages: ApiStage[] = [];
    // Quick create: Target (or RouteKey) makes a route and a `$default` stage that deploys automatically.
    if (ctx.has('Target') && Array.isArray(resources)) {
      const { path, method } = routeKeyToResource(ctx.text('RouteKey') ?? '$default');
      addMethod(resources, path, method, ctx.origin('Target'));
      stages.push({ name: '$default', origin: ctx.origin('Target') });
    }
    addHttpApi(ctx, { id, kind, resources, stages, disable: ctx.bool('DisableExecuteApiEndpoint', false) === true });
    const scheme = kind === 'WEBSOCKET' ? 'wss' : 'https';
    return { ref: id, attributes: { ApiId: id, ApiEndpoint: `${scheme}://${id}.execute-api.${ctx.region}.amazonaws.com` } };
  },
};

export const httpRoute: ResourceHandler = {
  type: 'AWS::ApiGatewayV2::Route',
  attributes: ['RouteId'],
  build(ctx) {
    const apiId = ctx.requiredId('ApiId', T.HTTP_API);
    const key = ctx.text('RouteKey');
    const resources = resourcesOf(ctx, apiId);
    if (!key) ctx.problem('missing-property', 'RouteKey is required');
    else if (resources) {
      const { path, method } = routeKeyToResource(key);
      addMethod(resources, path, method, ctx.here);
    }
    const id = ctx.short('route', 7);
    return { ref: id, attributes: { RouteId: id } };
  },
};

export const httpStage: ResourceHandler = {
  type: 'AWS::ApiGatewayV2::Stage',
  attributes: [],
  build(ctx) {
    const apiId = ctx.requiredId('ApiId', T.HTTP_API);
    const name = ctx.text('StageName');
    const api = ctx.b.get('apis', apiId);
    if (!api) ctx.note('info', 'outside-model', `${ctx.logicalId} is a stage of API ${apiId}, which is not in the model`);
    else if (name && Array.isArray(api.stages) && !api.stages.some((s) => s.name === name)) api.stages.push({ name, origin: ctx.here });
    return { ref: name ?? ctx.str('StageName') ?? '' };
  },
};

export const httpDomainName: ResourceHandler = {
  type: 'AWS::ApiGatewayV2::DomainName',
  attributes: ['DomainNameArn', 'RegionalDomainName', 'RegionalHostedZoneId'],
  build(ctx) {
    const name = domainNameOf(ctx);
    const config = ctx.subs('DomainNameConfigurations')[0];
    const type = config?.text('EndpointType')?.toUpperCase() === 'EDGE' ? 'EDGE' : 'REGIONAL';
    const d = addPublicDomain(ctx, name, type);
    return { ref: name, attributes: domainAttributes(ctx, d) };
  },
};

export const apiMapping: ResourceHandler = {
  type: 'AWS::ApiGatewayV2::ApiMapping',
  attributes: ['ApiMappingId'],
  build(ctx) {
    const name = domainNameOf(ctx);
    const domain = ctx.b.get('domainNames', name);
    const apiId = ctx.str('ApiId') ?? unknown('no ApiId', ctx.here);
    ctx.checkType('ApiId', [...T.HTTP_API, ...T.REST_API]);
    const stage = ctx.str('Stage');
    if (domain) domain.mappings.push({ basePath: basePathOf(ctx, 'ApiMappingKey'), apiId, ...(stage !== undefined ? { stage } : {}), origin: ctx.here });
    else ctx.note('info', 'outside-model', `${ctx.logicalId} maps domain ${name}, which is not in the model`);
    const id = ctx.short('api-mapping', 6);
    return { ref: id, attributes: { ApiMappingId: id } };
  },
};
