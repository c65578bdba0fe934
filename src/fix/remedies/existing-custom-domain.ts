// R29, R28: the API already has a public custom domain mapped to it; call that name instead of the default URL.
import { isKnown } from '../../model/index.js';
import { get, pathWithoutStage, targetApi } from '../requests.js';
import type { Candidate, FixContext, Remedy } from '../types.js';

export const existingCustomDomain: Remedy = {
  id: 'existing-custom-domain',
  title: 'Call the API through the custom domain it already has',
  rule: 'R29',
  causes: ['public-api-via-vpc-endpoint', 'default-endpoint-disabled'],
  propose(ctx: FixContext): Candidate[] {
    const api = targetApi(ctx.model, ctx.request);
    if (!api || ctx.request.kind !== 'http') return [];
    const req = ctx.request;
    const { stage, rest } = pathWithoutStage(req, api);
    return ctx.model.domainNames.flatMap((d) => {
      if (d.domainName === req.url.hostname || d.endpointType === 'PRIVATE' || !isKnown(d.endpointType)) return [];
      const mapping = d.mappings.find((m) => isKnown(m.apiId) && m.apiId === api.id && (m.stage === undefined || m.stage === stage || stage === '$default'));
      if (!mapping) return [];
      const base = mapping.basePath ? `/${mapping.basePath}` : '';
      const path = mapping.stage === undefined && stage && stage !== '$default' ? `/${stage}${rest}` : rest;
      const url = `https://${d.domainName}${base}${path}`;
      const spec = get(url);
      if (!spec) return [];
      return [{
        id: `existing-custom-domain:${d.domainName}`,
        title: `Call ${url} (the existing ${d.endpointType} custom domain) instead`,
        description: `${api.name ?? api.id} already has the ${d.endpointType} custom domain ${d.domainName}; calling it avoids ` +
          'the execute-api name the endpoint captures (R29). Change the URL your code calls; nothing else changes.',
        apply: (m) => m,
        request: { ...spec, method: req.method, headers: req.headers },
        patch: { edits: [], commands: [], request: `${req.method} ${url}` },
        assumes: [`the public DNS record of ${d.domainName} is as the model has it`],
      } satisfies Candidate];
    });
  },
};
