// AWS::Serverless::HttpApi: an HTTP API (Regional only, R15), stage `$default` unless StageName says otherwise.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-httpapi.html
import { unknown } from '../../../model/index.js';
import { httpRoutes, readBody } from '../resources/api-body.js';
import { addHttpApi } from '../resources/api-gateway-v2.js';
import type { ResourceHandler } from '../resources/handler.js';
import { addSamDomain } from './api-domain.js';
import { newSamApiState, samApiKey } from './api-state.js';
import { IMPLICIT_MARK } from './prepare.js';

export const samHttpApi: ResourceHandler = {
  type: 'AWS::Serverless::HttpApi',
  attributes: ['ApiEndpoint'],
  build(ctx) {
    const id = ctx.short('http-api');
    const stage = ctx.id('StageName') ?? '$default';
    const body = readBody(ctx.val('DefinitionBody'), ctx);
    const outside = !ctx.has('DefinitionBody') && ctx.has('DefinitionUri');
    const api = addHttpApi(ctx, {
      id, kind: 'HTTP', stages: [{ name: stage, origin: ctx.origin('StageName') }],
      resources: outside ? unknown('the API definition is in a file or S3 (DefinitionUri)', ctx.here) : httpRoutes(body),
      disable: ctx.bool('DisableExecuteApiEndpoint', false) === true,
    });
    const implicit = ctx.text(IMPLICIT_MARK) === 'true';
    const state = newSamApiState({
      kind: 'HTTP', logicalId: ctx.logicalId, apiId: id, stage, api, paths: new Map(),
      managed: implicit || (!ctx.has('DefinitionBody') && !ctx.has('DefinitionUri')),
    }, ctx.short('deployment', 6));
    ctx.shared.set(samApiKey(ctx.logicalId), state);
    const domain = ctx.sub('Domain');
    if (domain) addSamDomain(ctx, domain, state);
    return { ref: id, attributes: { ApiEndpoint: `https://${id}.execute-api.${ctx.region}.amazonaws.com` } };
  },
};
