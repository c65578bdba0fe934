// AWS::Serverless::Function: a Lambda function (VpcConfig as for AWS::Lambda::Function), and its Api / HttpApi
// events, which add routes to the implicit API or to the SAM API they name.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html
import type { ResourceContext } from '../resource-context.js';
import type { ResourceHandler } from '../resources/handler.js';
import { buildFunction } from '../resources/lambda.js';
import { get, textOf, type Val } from '../val.js';
import { addEventRoute, samApiKey, type SamApiState } from './api-state.js';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API } from './prepare.js';

export const samFunction: ResourceHandler = {
  type: 'AWS::Serverless::Function',
  attributes: ['Arn'],
  build(ctx) {
    const built = buildFunction(ctx);
    ctx.defer(() => readEvents(ctx), 0);
    return built;
  },
};

function apiOf(ctx: ResourceContext, ref: Val | undefined, implicit: string, samType: string): SamApiState | undefined {
  if (!ref) return ctx.shared.get(samApiKey(implicit)) as SamApiState | undefined;
  const src = ref.k === 'scalar' ? ref.src : undefined;
  if (src?.kind === 'resource' && src.type === samType) return ctx.shared.get(samApiKey(src.logicalId)) as SamApiState | undefined;
  if (ref.k === 'unknown') {
    ctx.note('info', 'outside-model', `an event of ${ctx.logicalId} names an API that is not known (${ref.reason})`, ref.loc);
    return undefined;
  }
  ctx.problem('sam-event', `an event's API must be a Ref to an ${samType} in the same template`, ref.loc);
  return undefined;
}

function readEvents(ctx: ResourceContext): void {
  const events = ctx.evaluateProperty('Events');
  if (events?.k !== 'map') return;
  for (const event of events.entries) {
    const type = textOf(get(event.val, 'Type'));
    const propsVal = get(event.val, 'Properties');
    const props = ctx.readerOf(propsVal?.k === 'map' ? propsVal : undefined, event.keyLoc);
    const origin = props.originAt(event.keyLoc);
    if (type === 'Api') {
      const state = apiOf(ctx, props.val('RestApiId'), IMPLICIT_REST_API, 'AWS::Serverless::Api');
      const path = props.text('Path');
      const method = props.text('Method');
      if (!state?.managed) continue;
      addEventRoute(state, path, method, origin);
      const policy = props.sub('Auth')?.sub('ResourcePolicy');
      if (policy && path && method) state.eventPolicies.push({ path, method: method.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : method.toLowerCase(), policy });
    } else if (type === 'HttpApi') {
      const state = apiOf(ctx, props.val('ApiId'), IMPLICIT_HTTP_API, 'AWS::Serverless::HttpApi');
      if (state?.managed) addEventRoute(state, props.text('Path'), props.text('Method'), origin);
    }
  }
}
