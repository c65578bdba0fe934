// R11, R24 (ii): a private API listed with an endpoint in its EndpointConfiguration.VpcEndpointIds gets the public
// alias {api-id}-{vpce-id}.execute-api.{region}.amazonaws.com, which resolves to that endpoint's private addresses
// with or without private DNS. Call that name; add the endpoint to VpcEndpointIds where it is not listed.
import type { Api, Model, VpcEndpoint } from '../../model/index.js';
import { httpRequest, type HttpRequestSpec } from '../../sim/request.js';
import { client, fromTemplate, replaceElement, resourceType } from '../model-edit.js';
import { findInResource } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy, TextEdit } from '../types.js';
import { isExecuteApiEndpoint, named } from './api-request.js';
import { privateApiCalled } from './private-api-path.js';
import { factsValue } from './resource-policy-allow.js';
import { appendToList, blockEnd, keyColumn, referTo, unitAt, valueAfterKey, type Reference } from './yaml-text.js';

/** The edit adding the endpoint to the RestApi's EndpointConfiguration.VpcEndpointIds, or why there is none. */
function listEndpoint(ctx: FixContext, api: Api, ref: Reference): { edits: TextEdit[] } | { note: string } {
  const note = { note: `add ${ref.expr.literal ?? ref.expr.yaml} to VpcEndpointIds of ${named(api)}'s EndpointConfiguration by hand` };
  if (resourceType(ctx.model, api.origin?.logicalId, api.origin?.stack) !== 'AWS::ApiGateway::RestApi') return note;
  const ids = findInResource(ctx.texts, api.origin, /^\s*VpcEndpointIds\s*:/);
  if (ids) {
    const at = ctx.texts.locate(ids)!;
    const edit = appendToList(at.file, at.lines, at.line, 'VpcEndpointIds', ref.expr.yaml);
    return edit ? { edits: [...ref.edits, edit] } : note;
  }
  const at = ctx.texts.locate(api.endpointTypeOrigin);
  const line = at?.lines[at.line - 1];
  if (!at || line === undefined || !(api.endpointTypeOrigin?.path ?? '').endsWith('.EndpointConfiguration')) return note;
  const value = valueAfterKey(line, 'EndpointConfiguration');
  if (value === '') {
    const end = blockEnd(at.lines, at.line);
    const child = at.lines.slice(at.line, end).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    const col = child ? keyColumn(child) : keyColumn(line) + unitAt(at.lines, at.line);
    const pad = ' '.repeat(col);
    return { edits: [...ref.edits, { kind: 'insert', file: at.file, afterLine: at.line, lines: [`${pad}VpcEndpointIds:`, `${pad}${' '.repeat(unitAt(at.lines, at.line))}- ${ref.expr.yaml}`] }] };
  }
  if (value !== undefined && /^\{.*\}$/.test(value)) {
    const close = line.lastIndexOf('}');
    return { edits: [...ref.edits, { kind: 'replace', file: at.file, line: at.line, from: line, to: `${line.slice(0, close).replace(/\s*$/, '')}, VpcEndpointIds: [${ref.expr.yaml}]${line.slice(close)}` }] };
  }
  return note;
}

export const vpceAliasName: Remedy = {
  id: 'vpce-alias-name',
  title: 'Call the private API by its {api-id}-{vpce-id} name',
  rule: 'R11',
  causes: ['private-api-outside-endpoint'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    const api = privateApiCalled(ctx);
    if (!c || !api || ctx.request.kind !== 'http') return [];
    const req = ctx.request;
    // The caller's own VPC first; an endpoint of another VPC (peered, on a transit gateway) serves the name too where
    // the network carries the request to it (R8, R11): the simulation decides.
    const own = c.workload.networkInterface.vpcId;
    const endpoints = ctx.model.vpcEndpoints.filter((e) => isExecuteApiEndpoint(e) && e.region === api.region)
      .sort((a, b) => Number(b.vpcId === own) - Number(a.vpcId === own));
    return endpoints.flatMap((e) => {
      const url = `https://${api.id}-${e.id}.execute-api.${api.region}.amazonaws.com${req.url.pathname}${req.url.search}`;
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host'));
      const spec = httpRequest(req.method, url, headers);
      if ('error' in spec) return [];
      return [candidate(ctx, api, e, spec, url)];
    });
  },
};

function candidate(ctx: FixContext, api: Api, e: VpcEndpoint, spec: HttpRequestSpec, url: string): Candidate {
  const method = ctx.request.kind === 'http' ? ctx.request.method : 'GET';
  const listed = api.vpcEndpointIds.includes(e.id);
  const sameRequest = ctx.request.kind === 'http' && ctx.request.url.toString() === url;
  let patch: Patch = { edits: [], commands: [], ...(sameRequest ? {} : { request: `${method} ${url}` }) };
  const assumes: string[] = [];
  let ownerAction: string | undefined;
  if (!listed) {
    if (api.fromFacts) {
      patch = { ...patch, facts: `apis:\n  - id: ${api.id}  # in this facts.apis entry, once its owner has listed the endpoint\n    vpc_endpoint_ids: [${[...api.vpcEndpointIds.filter((x): x is string => typeof x === 'string'), factsValue(e)].map((x) => `"${x}"`).join(', ')}]` };
      ownerAction = `Ask the owner of API ${api.id} to add your endpoint ${fromTemplate(e) ? `${named(e)} (its id once deployed)` : e.id} to the API's VpcEndpointIds (EndpointConfiguration).`;
    } else if (fromTemplate(api)) {
      const ref = referTo(ctx.texts, ctx.model, api.origin!.file, e, e.id, `the id of the VPC endpoint ${named(e)}`, undefined, api.origin!.logicalId);
      const r = ref ? listEndpoint(ctx, api, ref) : { note: `add the id of ${named(e)} to VpcEndpointIds of ${named(api)} by hand` };
      patch = 'note' in r ? { ...patch, note: r.note } : { ...patch, edits: r.edits };
      assumes.push(...(ref?.assumes ?? []));
    } else {
      patch = { ...patch, commands: [`aws apigateway update-rest-api --rest-api-id ${api.id} --patch-operations op=add,path=/endpointConfiguration/vpcEndpointIds,value=${e.id}`] };
    }
  }
  const names = fromTemplate(api) && fromTemplate(e)
    ? ` (in the templates' terms: !Sub 'https://\${${api.origin!.logicalId}}-\${${e.origin!.logicalId}}.execute-api.\${AWS::Region}.amazonaws.com${ctx.request.kind === 'http' ? ctx.request.url.pathname : '/'}')`
    : '';
  return {
    id: `vpce-alias-name:${named(e)}`,
    title: `Call ${named(api)} as ${api.id}-${e.id}.execute-api.${api.region}.amazonaws.com${listed ? '' : `, listing ${named(e)} in its VpcEndpointIds`}`,
    description: `${listed ? '' : `Add ${named(e)} to ${named(api)}'s EndpointConfiguration VpcEndpointIds, and `}call ${url}${names}. ` +
      `API Gateway publishes this {api-id}-{vpce-id} name for each endpoint a private API lists; it resolves in public DNS to ` +
      `${named(e)}'s private addresses, so the request goes through the endpoint whether private DNS is on or off (R11, R24 ii).`,
    apply: (model: Model) => (listed ? model : replaceElement(model, 'apis', api.id, (a) => ({ ...a, vpcEndpointIds: [...a.vpcEndpointIds, e.id] }))),
    request: spec,
    patch,
    assumes: [
      ...assumes,
      ...(listed ? [] : ['the new {api-id}-{vpce-id} DNS name can take a few minutes to appear after the change (R11)']),
      `the code that calls ${named(api)} can change its URL`,
    ],
    ...(ownerAction ? { ownerAction } : {}),
  };
}
