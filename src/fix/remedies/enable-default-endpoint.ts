// R14: the API's default execute-api endpoint is disabled (403 for every caller); enable it, or call a custom domain.
import type { Model } from '../../model/index.js';
import { fromTemplate, replaceElement } from '../model-edit.js';
import { targetApi } from '../requests.js';
import { replaceAt } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';

export const enableDefaultEndpoint: Remedy = {
  id: 'enable-default-endpoint',
  title: 'Enable the API\'s default execute-api endpoint',
  rule: 'R14',
  causes: ['default-endpoint-disabled'],
  propose(ctx: FixContext): Candidate[] {
    const api = targetApi(ctx.model, ctx.request);
    if (!api || !api.disableExecuteApiEndpoint) return [];
    const edit = fromTemplate(api)
      ? replaceAt(ctx.texts, api.disableExecuteApiEndpointOrigin, /DisableExecuteApiEndpoint:\s*(true|'true'|"true")/, 'DisableExecuteApiEndpoint: false')
      : undefined;
    const cli = api.kind === 'REST'
      ? `aws apigateway update-rest-api --rest-api-id ${api.id} --patch-operations op=replace,path=/disableExecuteApiEndpoint,value='False'`
      : `aws apigatewayv2 update-api --api-id ${api.id} --no-disable-execute-api-endpoint`;
    const patch: Patch = edit ? { edits: [edit], commands: [] } : api.fromFacts ? { edits: [], commands: [] } : { edits: [], commands: [cli] };
    return [{
      id: `enable-default-endpoint:${api.name ?? api.id}`,
      title: `Enable the default endpoint of ${api.name ?? api.id}`,
      description: `Set DisableExecuteApiEndpoint to false on ${api.name ?? api.id} and redeploy (REST APIs need a new deployment), R14.`,
      apply: (model: Model) => replaceElement(model, 'apis', api.id, (a) => ({ ...a, disableExecuteApiEndpoint: false })),
      patch,
      assumes: ['the default endpoint was not disabled on purpose (to force callers onto a custom domain)', 'a new deployment of the stage (R14)'],
      ...(api.fromFacts ? { ownerAction: `Ask the owner of API ${api.id} to enable its default execute-api endpoint, or to give you its custom domain.` } : {}),
    }];
  },
};
