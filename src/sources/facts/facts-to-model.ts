// Turns `facts` (scenario-format.md) into model elements: public DNS records, APIs and domains outside the model.
import { emptyModel, type Api, type DomainName, type Model, type PolicyDocument, type PublicDnsRecord } from '../../model/index.js';
import type { Facts } from '../../scenario/scenario.js';
import { normaliseBasePath } from '../../scenario/parse-facts.js';
import { substitute, type SubstitutionContext } from '../../scenario/substitute.js';
import type { InputProblem } from '../input-problem.js';

export function factsToModel(facts: Facts, file: string, ctx: SubstitutionContext): { model: Model; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const model = emptyModel();
  const sub = (text: string, position: { line: number; column: number }): string | undefined => {
    const r = substitute(text, ctx);
    if (r.kind === 'value') return r.value;
    problems.push({
      code: 'bad-substitution', file, line: position.line, column: position.column,
      message: r.kind === 'error' ? r.message : `the value cannot be known: ${r.reason}`,
    });
    return undefined;
  };

  for (const d of facts.dns) {
    const name = sub(d.name, d.position);
    const value = sub(d.value, d.position);
    if (!name || !value) continue;
    const record: PublicDnsRecord = {
      name: normaliseName(name), type: d.type, value: d.type === 'CNAME' || d.type === 'ALIAS' ? normaliseName(value) : value,
      origin: { file, line: d.position.line, column: d.position.column, path: 'facts.dns' },
    };
    model.publicDns.push(record);
  }

  for (const a of facts.apis) {
    const origin = { file, line: a.position.line, column: a.position.column, path: `facts.apis[${a.id}]` };
    const policy = a.policy === undefined ? undefined : (substituteDeep(a.policy, (s) => sub(s, a.position) ?? s) as PolicyDocument);
    const api: Api = {
      id: a.id, name: a.id, origin, kind: a.kind, region: a.region, account: ctx.account,
      endpointType: a.kind === 'REST' ? a.endpoint : 'REGIONAL',
      endpointTypeOrigin: origin,
      vpcEndpointIds: a.vpcEndpointIds.map((v) => sub(v, a.position) ?? v),
      ...(policy ? { policy, policyOrigin: origin } : {}),
      disableExecuteApiEndpoint: a.disableExecuteApiEndpoint,
      // A fact API accepts any path and method, and any stage unless its stages are listed.
      stages: (a.stages ?? []).map((name) => ({ name, origin })),
      anyStage: a.stages === undefined,
      resources: [{ path: '/{proxy+}', methods: ['ANY'], origin }, { path: '/', methods: ['ANY'], origin }],
      fromFacts: true,
    };
    model.apis.push(api);
  }

  for (const d of facts.domains) {
    const origin = { file, line: d.position.line, column: d.position.column, path: `facts.domains[${d.name}]` };
    const target = sub(d.target, d.position);
    if (!target) continue;
    const domain: DomainName = {
      id: d.name, name: d.name, origin, domainName: d.name, endpointType: d.endpoint, region: ctx.region, account: ctx.account,
      arn: `arn:aws:apigateway:${ctx.region}::/domainnames/${d.name}`,
      ...(d.endpoint === 'EDGE' ? { distributionDomainName: normaliseName(target) } : { regionalDomainName: normaliseName(target) }),
      certificateNames: [d.name],
      mappings: d.mappings.map((m) => ({
        basePath: normaliseBasePath(m.basePath), apiId: sub(m.api, d.position) ?? m.api,
        ...(m.stage ? { stage: m.stage } : {}), origin,
      })),
      fromFacts: true,
    };
    model.domainNames.push(domain);
  }
  return { model, problems };
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

function substituteDeep(value: unknown, sub: (s: string) => string): unknown {
  if (typeof value === 'string') return sub(value);
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, sub));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, sub)]));
  }
  return value;
}
